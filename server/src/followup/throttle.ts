import type { Services } from "../deps.js";
import { ApiError } from "../http/errors.js";
import { clientBucket, type RateLimit } from "../security/rate-limit.js";

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/**
 * One client's receipt attempts, counted before the receipt is looked at (so that parallel guesses
 * cannot pass between a check and its count): a few a minute, fewer an hour, fewer a day, so the
 * wait grows from seconds to an hour to a day. A receipt is 20 random digits: this is not what
 * keeps it safe, it keeps the hotline out of a guessing loop. The rate limiter's buckets live in
 * memory on Node, so a refusal writes nothing (and waits for no disk).
 */
export const RECEIPT_TIERS: readonly RateLimit[] = [
  { max: 5, windowSeconds: MINUTE },
  { max: 20, windowSeconds: HOUR },
  { max: 50, windowSeconds: 24 * HOUR },
];

/**
 * Receipts looked up per minute, all clients together, beyond which the hotline counts itself under
 * attack (nearly every one of them wrong then): real reporters come back far more rarely. A guesser
 * spread over many addresses passes it.
 */
export const LOOKUPS_PER_MINUTE = 600;
/** Under attack, each client gets one look per ten minutes: a right receipt still opens at its first try. */
export const UNDER_ATTACK: RateLimit = { max: 1, windowSeconds: 10 * MINUTE };

const refused = (seconds: number) => {
  const wait = seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return new ApiError(429, "rate_limited", `Too many tries from this connection. Please wait ${wait} and try again.`, {
    headers: { "Retry-After": String(seconds) },
  });
};

/** Takes one attempt for this client (a keyed hash of its address, never the address), or throws 429 with Retry-After. */
export const takeReceiptAttempt = async (services: Services, address: string | undefined): Promise<void> => {
  const now = services.now();
  const client = await clientBucket(services.keys, "followup", address, now);
  // Every tier counts every attempt, so that the wait announced is the longest one: a client that waits as told is not refused again.
  let wait = 0;
  for (const [i, tier] of RECEIPT_TIERS.entries()) {
    const decision = await services.rateLimiter(`${client}:${i}`, tier, now);
    if (!decision.allowed) wait = Math.max(wait, decision.retryAfterSeconds);
  }
  if (wait > 0) throw refused(wait);
  const calm = await services.rateLimiter("followup-lookups", { max: LOOKUPS_PER_MINUTE, windowSeconds: MINUTE }, now);
  if (calm.allowed) return;
  const decision = await services.rateLimiter(`${client}:attack`, UNDER_ATTACK, now);
  if (!decision.allowed) throw refused(decision.retryAfterSeconds);
};
