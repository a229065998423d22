import { afterEach, describe, expect, it } from "vitest";
import { purgeExpired } from "../../server/src/maintenance/purge.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";

let t: TestApp;
afterEach(() => t.close());

const HOUR = 3_600_000;

describe("purging expired rows", () => {
  it("drops what has expired and keeps what has not, in every short-lived table", async () => {
    t = await createTestApp();
    const now = Date.UTC(2026, 11, 2, 12);
    await t.exec("insert into staff (id, email, password_hash, role) values ('m', 'm@example.mr', 'x', 'agent')");
    for (const [suffix, at] of [
      ["old", now - HOUR],
      ["new", now + HOUR],
    ] as const) {
      await t.exec(`insert into spent_captchas (hash, expires_at) values ('${suffix}', ${at})`);
      await t.exec(
        `insert into rate_limit_buckets (key, window_start, count, expires_at) values ('${suffix}', 0, 1, ${at})`,
      );
      await t.exec(
        `insert into sessions (token_hash, staff_id, csrf_token, expires_at, last_seen_at) values ('${suffix}', 'm', 'c', ${at}, ${now})`,
      );
      await t.exec(`insert into sign_in_throttle (key, failures, expires_at) values ('${suffix}', 3, ${at})`);
    }
    await purgeExpired(t.db, new Date(now));
    for (const [table, key] of [
      ["spent_captchas", "hash"],
      ["rate_limit_buckets", "key"],
      ["sessions", "token_hash"],
      ["sign_in_throttle", "key"],
    ]) {
      const rows = await t.exec(`select ${key} as k from ${table}`);
      expect(
        rows.rows.map((r) => r.k),
        table,
      ).toEqual(["new"]);
    }
  });
});
