import { describe, expect, it } from "vitest";
import { baseRetryDelayMs, MAX_ATTEMPTS, nextAttemptAfter, retryDelayMs } from "./backoff.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const retries = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => i + 1);
const total = (random: () => number) => retries.reduce((sum, attempt) => sum + retryDelayMs(attempt, random), 0);

describe("delivery backoff", () => {
  it("doubles from 30 seconds and stops growing at 4 hours", () => {
    expect(retries.map(baseRetryDelayMs).map((ms) => ms / MINUTE)).toEqual([
      0.5, 1, 2, 4, 8, 16, 32, 64, 128, 240, 240, 240, 240, 240,
    ]);
  });

  it("spans about a day from the first attempt to the last, whatever the jitter", () => {
    expect(total(() => 0.5)).toBeGreaterThan(24 * HOUR);
    expect(total(() => 0)).toBeGreaterThan(21 * HOUR);
    expect(total(() => 0.999_999)).toBeLessThan(27 * HOUR);
  });

  it("jitters each wait by at most 10 %", () => {
    for (const attempt of retries) {
      const base = baseRetryDelayMs(attempt);
      expect(retryDelayMs(attempt, () => 0)).toBe(Math.round(base * 0.9));
      expect(retryDelayMs(attempt, () => 0.999_999)).toBeLessThanOrEqual(Math.round(base * 1.1));
    }
  });

  it("gives up after the last attempt", () => {
    const failedAt = new Date("2026-01-01T00:00:00Z");
    expect(nextAttemptAfter(1, failedAt, () => 0.5)).toEqual(new Date(failedAt.getTime() + 30_000));
    expect(nextAttemptAfter(MAX_ATTEMPTS - 1, failedAt, () => 0.5)).toEqual(new Date(failedAt.getTime() + 4 * HOUR));
    expect(nextAttemptAfter(MAX_ATTEMPTS, failedAt)).toBeNull();
  });
});
