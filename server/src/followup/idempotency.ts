import type { FollowupMessage } from "@balagh/shared";
import { eq } from "drizzle-orm";
import { idempotencyKeys } from "../db/schema.js";
import type { BatchStatement } from "../db/types.js";
import type { Services } from "../deps.js";
import { IDEMPOTENCY_TTL_MS, type Idempotency, sealContext } from "../intake/idempotency.js";
import { hmacHex } from "../security/keys.js";
import { seal, unseal } from "../security/seal.js";

/**
 * As intake's keys: a key belongs to its tip and to the message it was made for, so the same key
 * with another text is another key (and sends that text). Nothing tells a key was used before.
 */
export const messageIdempotency = async (
  services: Services,
  tipId: string,
  key: string,
  body: string,
): Promise<Idempotency> => {
  const fingerprint = await hmacHex(services.keys.fingerprint, JSON.stringify(["followup-message", tipId, body]));
  return {
    keyHash: await hmacHex(services.keys.fingerprint, JSON.stringify(["followup-message", tipId, key, fingerprint])),
    fingerprint,
  };
};

/** The stored answer of a message already sent with this key, or null. */
export const messageReplay = async (services: Services, idem: Idempotency): Promise<FollowupMessage | null> => {
  const [row] = await services.db
    .select({ responseSealed: idempotencyKeys.responseSealed })
    .from(idempotencyKeys)
    .where(eq(idempotencyKeys.key, idem.keyHash))
    .limit(1);
  return row ? unseal<FollowupMessage>(services.keys, sealContext(idem.keyHash), row.responseSealed) : null;
};

/**
 * The record that makes a retry a replay, for the message's own batch (in a list: an async function
 * that returned the statement itself would run it, a statement being awaitable).
 */
export const recordMessageAnswer = async (
  services: Services,
  tipId: string,
  idem: Idempotency,
  answer: FollowupMessage,
  now: Date,
): Promise<BatchStatement[]> => [
  services.db.insert(idempotencyKeys).values({
    key: idem.keyHash,
    fingerprint: idem.fingerprint,
    tipId,
    responseSealed: await seal(services.keys, sealContext(idem.keyHash), answer),
    expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
  }),
];
