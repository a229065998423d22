import type { Services } from "../deps.js";
import { ApiError } from "../http/errors.js";
import { clientBucket } from "../security/rate-limit.js";
import {
  type Claim,
  type Counter,
  type CounterStore,
  charged,
  claimAttempt,
  type ThrottlePolicy,
} from "../staff/throttle.js";
import { clientCounter } from "../staff/throttle-stores.js";

const MINUTE = 60_000;

/**
 * One client's receipt attempts: 1, 2, 4 … 60 seconds after each failure, then an hour from the
 * tenth. A receipt is 20 random digits, so this is not what keeps it safe; it keeps the hotline's
 * database out of a guessing loop. A right receipt gives its charge back.
 */
export const RECEIPT_POLICY: ThrottlePolicy = {
  lockAfter: 10,
  lockMs: 60 * MINUTE,
  maxDelayMs: MINUTE,
  forgetAfterMs: 24 * 60 * MINUTE,
};

/**
 * Failed receipts per minute, all clients together, before the hotline counts itself under attack.
 * Real reporters mistyping stay far below it; a spread-out guesser (many addresses) passes it.
 */
export const FAILURES_PER_MINUTE = 600;
/** Under attack, each failure weighs this many: every client's delays grow four times faster and the lock comes at the third. */
export const UNDER_ATTACK_WEIGHT = 4;

const GLOBAL_FAILURES = "followup-failures";

/** A store that remembers what it last read, for the refusal's Retry-After without a second query. */
const remembering = (store: CounterStore) => {
  let last: Counter | null = null;
  return {
    ...store,
    read: async () => {
      last = await store.read();
      return last;
    },
    last: () => last,
  };
};

const refused = (lockedUntil: Date | null, now: Date) => {
  const seconds = Math.max(1, Math.ceil(((lockedUntil?.getTime() ?? 0) - now.getTime()) / 1000));
  return new ApiError(429, "rate_limited", `Too many tries from this connection. Please wait ${seconds} seconds.`, {
    headers: { "Retry-After": String(seconds) },
  });
};

export type ReceiptAttempt = {
  /** The receipt was right: the attempt is not held against the client. */
  succeeded(): Promise<void>;
  /** The receipt was wrong: counted against the client (already), and against everyone's minute. */
  failed(): Promise<void>;
};

/**
 * Takes one attempt for this client, charged as a failure before the receipt is looked at (so that
 * parallel guesses cannot all pass between a check and its count), or throws 429 with Retry-After.
 * The client is a keyed hash of its address, under a "followup:" prefix in the sign-in throttle's table.
 */
export const takeReceiptAttempt = async (services: Services, address: string | undefined): Promise<ReceiptAttempt> => {
  const now = services.now();
  const store = remembering(
    clientCounter(services.db, await clientBucket(services.keys, "followup", address, now), RECEIPT_POLICY),
  );
  const claim: Claim | null = await claimAttempt(store, RECEIPT_POLICY, now);
  if (!claim) throw refused(store.last()?.lockedUntil ?? null, now);
  return {
    succeeded: () => claim.giveBack(),
    failed: async () => {
      await services.db.batch([claim.failure]);
      const ceiling = await services.rateLimiter(GLOBAL_FAILURES, { max: FAILURES_PER_MINUTE, windowSeconds: 60 }, now);
      if (ceiling.allowed) return;
      // The extra weight goes on the counter the claim wrote; a client's first attempt is never refused for it.
      const counter = await store.read();
      if (!counter) return;
      let heavier = counter;
      for (let i = 1; i < UNDER_ATTACK_WEIGHT; i++) heavier = charged(heavier, now, RECEIPT_POLICY);
      // A lost swap means another attempt of this client moved the counter meanwhile: it carries its own weight.
      await store.swap(counter, heavier);
    },
  };
};
