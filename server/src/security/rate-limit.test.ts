import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "../node/database.js";
import { memoryRateLimiter } from "../node/memory-rate-limiter.js";
import { databaseRateLimiter, type RateLimiter } from "./rate-limit.js";

const dir = mkdtempSync(join(tmpdir(), "balagh-rate-limit-"));
let database: Awaited<ReturnType<typeof openDatabase>>;
beforeAll(async () => {
  database = await openDatabase(`file:${join(dir, "rate.db")}`);
  await migrateDatabase(database.db);
});
afterAll(() => {
  database.client.close();
  rmSync(dir, { recursive: true, force: true });
});

const limit = { max: 3, windowSeconds: 60 };
const at = (seconds: number) => new Date(Date.UTC(2026, 11, 2, 10, 0, 0) + seconds * 1000);

const limiters: Record<string, () => RateLimiter> = {
  database: () => databaseRateLimiter(database.db),
  memory: () => memoryRateLimiter(),
};

describe.each(Object.keys(limiters))("the %s rate limiter", (name) => {
  const limiter = () => limiters[name]?.() as RateLimiter;

  it("allows max takes in a window, then refuses with the seconds left in it", async () => {
    const take = limiter();
    const bucket = `${name}:a`;
    for (let i = 0; i < 3; i++) expect(await take(bucket, limit, at(10 + i))).toEqual({ allowed: true });
    expect(await take(bucket, limit, at(15))).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(await take(`${name}:b`, limit, at(16))).toEqual({ allowed: true });
    expect(await take(bucket, limit, at(60))).toEqual({ allowed: true });
  });

  it("lets exactly max of many concurrent takes through", async () => {
    const take = limiter();
    const decisions = await Promise.all(Array.from({ length: 20 }, () => take(`${name}:race`, limit, at(130))));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(3);
  });
});
