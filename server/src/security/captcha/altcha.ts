import { createChallenge, randomInt, verifySolution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/pbkdf2";
import { decodeBase64 } from "hono/utils/encode";
import { z } from "zod";
import type { CaptchaVerifier } from "./types.js";

// PBKDF2 through WebCrypto runs the same on Node and workerd (altcha-lib's default variant imports node:crypto).
const ALGORITHM = "PBKDF2/SHA-256";
const CHALLENGE_TTL_SECONDS = 20 * 60;

export type AltchaOptions = {
  secret: string;
  /** PBKDF2 iterations per attempt; the solver tries `difficulty` attempts on average. */
  cost?: number;
  difficulty?: number;
  now?: () => Date;
  /** The PBKDF2 step; tests wrap it to count the work a request costs. */
  deriveKey?: typeof deriveKey;
};

export const createAltchaChallenge = (options: AltchaOptions) => {
  const difficulty = options.difficulty ?? 2_000;
  const nowSeconds = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
  return createChallenge({
    algorithm: ALGORITHM,
    cost: options.cost ?? 1_000,
    counter: randomInt(Math.floor(difficulty / 2), difficulty),
    deriveKey,
    expiresAt: nowSeconds + CHALLENGE_TTL_SECONDS,
    hmacSignatureSecret: options.secret,
  });
};

// Strict at every level: an extra field or a re-typed value is not a second, different solution.
const payloadSchema = z.strictObject({
  challenge: z.strictObject({
    parameters: z.strictObject({
      algorithm: z.literal(ALGORITHM),
      nonce: z.string().max(256),
      salt: z.string().max(256),
      cost: z.number().int().positive().max(1_000_000),
      keyLength: z.number().int().positive().max(64),
      keyPrefix: z.string().max(128),
      keySignature: z.string().max(256).optional(),
      expiresAt: z.number(),
      data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
    }),
    signature: z.string().min(1),
  }),
  solution: z.strictObject({
    counter: z.number().int().nonnegative(),
    derivedKey: z.string().max(256),
    time: z.number().nonnegative().optional(),
  }),
});

export type AltchaPayload = z.infer<typeof payloadSchema>;

export const decodeAltchaPayload = (payload: string) => {
  try {
    return payloadSchema.safeParse(JSON.parse(new TextDecoder().decode(decodeBase64(payload)))).data ?? null;
  } catch {
    return null;
  }
};

/** Checks the proof of work and that the challenge is ours and unexpired; spending it once is the caller's job. */
export const altchaVerifier = (options: AltchaOptions): CaptchaVerifier<"altcha"> => ({
  provider: "altcha",
  async verify({ payload }) {
    const decoded = decodeAltchaPayload(payload);
    if (!decoded) return { ok: false, reason: "malformed ALTCHA payload" };
    const nowSeconds = (options.now?.() ?? new Date()).getTime() / 1000;
    if (decoded.challenge.parameters.expiresAt < nowSeconds) return { ok: false, reason: "ALTCHA challenge expired" };
    const result = await verifySolution({
      challenge: decoded.challenge,
      solution: decoded.solution,
      deriveKey: options.deriveKey ?? deriveKey,
      hmacSignatureSecret: options.secret,
    }).catch(() => null);
    if (!result) return { ok: false, reason: "ALTCHA payload could not be checked" };
    if (result.expired) return { ok: false, reason: "ALTCHA challenge expired" };
    if (!result.verified) return { ok: false, reason: "ALTCHA solution is wrong" };
    // The nonce and salt are random per challenge and covered by its signature.
    const { nonce, salt } = decoded.challenge.parameters;
    return { ok: true, identity: `altcha:${nonce}:${salt}` };
  },
});
