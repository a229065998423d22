const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 4 * 60 * 60 * 1000;
const JITTER = 0.1;

/** 1 attempt and 14 retries: 30 s doubling to a 4 h cap, about 24 h from the first attempt to the last. */
export const MAX_ATTEMPTS = 15;

/** The base wait after failed attempt `attempt` (1-based), before jitter. */
export const baseRetryDelayMs = (attempt: number): number =>
  Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1), LONGEST_WAIT_MS);

/** ±10 % jitter, so that an agency's endpoint coming back up does not get every waiting delivery in one second. */
export const retryDelayMs = (attempt: number, random: () => number = Math.random): number =>
  Math.round(baseRetryDelayMs(attempt) * (1 - JITTER + 2 * JITTER * random()));

/** When a failed attempt is retried, or null when it was the last one and the delivery is dead. */
export const nextAttemptAfter = (attempt: number, failedAt: Date, random?: () => number): Date | null =>
  attempt >= MAX_ATTEMPTS ? null : new Date(failedAt.getTime() + retryDelayMs(attempt, random));
