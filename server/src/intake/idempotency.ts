import type { TipReceipt, TipSubmission } from "@balagh/shared";
import { eq } from "drizzle-orm";
import { idempotencyKeys } from "../db/schema.js";
import type { Services } from "../deps.js";
import { ApiError } from "../http/errors.js";
import { hmacHex } from "../security/keys.js";
import { unseal } from "../security/seal.js";

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export type Idempotency = { keyHash: string; fingerprint: string };

/** The captcha is left out: a retry after a lost response may carry a fresh captcha for the very same report. */
export const idempotencyFor = async (
  services: Services,
  key: string,
  submission: TipSubmission,
): Promise<Idempotency> => ({
  keyHash: await hmacHex(services.keys.fingerprint, `key:${key}`),
  fingerprint: await hmacHex(
    services.keys.fingerprint,
    JSON.stringify({ partner: submission.partner, tip: submission.tip }),
  ),
});

export const sealContext = (keyHash: string) => `idempotency:${keyHash}`;

/** The stored 201 for this key and body; 409 when the key was used for another body. */
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
