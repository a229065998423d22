import type { TipReceipt, TipSubmission } from "@balagh/shared";
import { eq } from "drizzle-orm";
import { idempotencyKeys } from "../db/schema.js";
import type { Services } from "../deps.js";
import { ApiError } from "../http/errors.js";
import { hmacHex } from "../security/keys.js";
import { unseal } from "../security/seal.js";

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export type Idempotency = { keyHash: string; fingerprint: string };

/**
 * A key belongs to its partner and to the report it was made for: the same key sent with another
 * report, or through another partner, is simply another key. So a client that reuses someone's key
 * learns nothing (no 409 telling it was used), and gets a receipt only by sending the very report it
 * answers. The captcha is left out: a retry after a lost response may carry a fresh one.
 */
export const idempotencyFor = async (
  services: Services,
  key: string,
  submission: TipSubmission,
): Promise<Idempotency> => {
  const fingerprint = await hmacHex(
    services.keys.fingerprint,
    JSON.stringify({ partner: submission.partner, tip: submission.tip }),
  );
  return {
    keyHash: await hmacHex(services.keys.fingerprint, JSON.stringify(["key", submission.partner, key, fingerprint])),
    fingerprint,
  };
};

export const sealContext = (keyHash: string) => `idempotency:${keyHash}`;

/** The stored 201 for this key and report. A fingerprint mismatch would take an HMAC collision; it stays a 409 all the same. */
export const findReplay = async ({ db, keys }: Services, idem: Idempotency): Promise<TipReceipt | null> => {
  const [row] = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, idem.keyHash)).limit(1);
  if (!row) return null;
  if (row.fingerprint !== idem.fingerprint) {
    throw new ApiError(
      409,
      "idempotency_conflict",
      "This Idempotency-Key was already used for a different report. Use a new key for a new report.",
    );
  }
  return unseal<TipReceipt>(keys, sealContext(idem.keyHash), row.responseSealed);
};
