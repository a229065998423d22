import type { RateDecision, RateLimit, RateLimiter } from "../security/rate-limit.js";

type Window = { start: number; count: number; expiresAt: number };

const SWEEP_EVERY = 1_000;

/**
 * Buckets in this process's memory, for the single Node process on a local file: a refused request
 * then costs no write (and no fsync), and nothing about a client outlives a restart. Same fixed
 * window as the database limiter.
 */
export const memoryRateLimiter = (): RateLimiter & { size: () => number } => {
  const windows = new Map<string, Window>();
  let takes = 0;

  const sweep = (nowMs: number) => {
    for (const [bucket, window] of windows) if (window.expiresAt <= nowMs) windows.delete(bucket);
  };

  const take = (bucket: string, limit: RateLimit, now: Date): RateDecision => {
    const nowMs = now.getTime();
    if (++takes % SWEEP_EVERY === 0) sweep(nowMs);
    const windowMs = limit.windowSeconds * 1000;
    const start = Math.floor(nowMs / windowMs) * windowMs;
    const current = windows.get(bucket);
    const window = current && current.start === start ? current : { start, count: 0, expiresAt: start + windowMs };
    window.count++;
    windows.set(bucket, window);
    if (window.count <= limit.max) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.expiresAt - nowMs) / 1000)) };
  };

  return Object.assign(async (bucket: string, limit: RateLimit, now: Date) => take(bucket, limit, now), {
    size: () => windows.size,
  });
};
