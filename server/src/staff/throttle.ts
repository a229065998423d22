import type { BatchStatement } from "../db/types.js";

/**
 * Growing delays, then a temporary lock, as "refuse until" timestamps (never a sleep in the
 * request). Every attempt takes the wait its failure would earn *before* the password or code is
 * checked, with a compare-and-swap on the stored counter, so parallel guesses cannot all slip
 * between a check and its count: only one of them wins the swap, the others are refused. The
 * failure itself is counted by a statement written in the same batch as its audit entry, so no
 * failure is counted unrecorded or recorded uncounted. A good attempt gives its wait back (or
 * clears the account's counter once the sign-in is complete).
 */
export type Counter = { failures: number; lockedUntil: Date | null };

export type ThrottlePolicy = {
  /** The failure that locks, and every one after it. */
  lockAfter: number;
  lockMs: number;
  /** Before the lock, failure n makes the next attempt wait 2^(n-1) seconds, at most this long. */
  maxDelayMs: number;
  /** A counter whose last refusal ended this long ago starts again from zero. */
  forgetAfterMs: number;
};

const MINUTE = 60_000;

/** One account: 1, 2, 4, 8 seconds after the first four failures, then 15 minutes after each. */
export const ACCOUNT_POLICY: ThrottlePolicy = {
  lockAfter: 5,
  lockMs: 15 * MINUTE,
  maxDelayMs: 30_000,
  forgetAfterMs: 24 * 60 * MINUTE,
};

/**
 * One client (a keyed hash of its address): an office behind one address holds several members,
 * so it may fail more often than one account before the lock: 1, 2, 4, 8, 16, then 30 seconds, and
 * 15 minutes from the twentieth failure.
 */
export const CLIENT_POLICY: ThrottlePolicy = { ...ACCOUNT_POLICY, lockAfter: 20 };

export const FRESH: Counter = { failures: 0, lockedUntil: null };

/** Where a counter lives; `swap` writes `next` only if the stored counter is still `expected`. */
export type CounterStore = {
  read(): Promise<Counter | null>;
  swap(expected: Counter | null, next: Counter): Promise<boolean>;
  /** One more failure, for the batch that also writes its audit entry. */
  countFailure(): BatchStatement;
};

const standing = (stored: Counter | null, now: Date, policy: ThrottlePolicy): Counter => {
  if (!stored) return FRESH;
  const forgotten = stored.lockedUntil && now.getTime() >= stored.lockedUntil.getTime() + policy.forgetAfterMs;
  return forgotten ? FRESH : stored;
};

export const charged = (counter: Counter, now: Date, policy: ThrottlePolicy): Counter => {
  const failures = counter.failures + 1;
  const waitMs = failures >= policy.lockAfter ? policy.lockMs : Math.min(1000 * 2 ** (failures - 1), policy.maxDelayMs);
  return { failures, lockedUntil: new Date(now.getTime() + waitMs) };
};

export type Claim = {
  /** Whether this attempt, if it fails, is the one that locks (or keeps locking). */
  locks: boolean;
  /** Counts this attempt as failed: to go in one batch with the failure's audit entry. */
  failure: BatchStatement;
  /** A good attempt: the counter goes back to what it was before. */
  giveBack(): Promise<void>;
  /** A completed sign-in: the counter starts again from zero. */
  clear(): Promise<void>;
};

/** The attempt may go ahead (and is already counted as failed), or null: refused until later. */
export const claimAttempt = async (store: CounterStore, policy: ThrottlePolicy, now: Date): Promise<Claim | null> => {
  const stored = await store.read();
  const before = standing(stored, now, policy);
  if (before.lockedUntil && before.lockedUntil > now) return null;
  const waiting: Counter = { failures: before.failures, lockedUntil: charged(before, now, policy).lockedUntil };
  if (!(await store.swap(stored, waiting))) return null;
  return {
    locks: before.failures + 1 >= policy.lockAfter,
    failure: store.countFailure(),
    giveBack: async () => {
      await store.swap(waiting, before);
    },
    clear: async () => {
      await store.swap(waiting, FRESH);
    },
  };
};
