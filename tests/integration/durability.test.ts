import { statSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { startStack } from "../fixtures/stack.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";
import { submission } from "../fixtures/tips.js";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe("a 201 is durable", () => {
  it("commits with synchronous=FULL on the local file (SQLite's power-loss setting in WAL mode)", async () => {
    t = await createTestApp();
    const { rows } = await t.client.execute("PRAGMA synchronous");
    // SQLite numbers the levels OFF=0, NORMAL=1, FULL=2, EXTRA=3.
    expect(Number(rows[0]?.synchronous)).toBeGreaterThanOrEqual(2);
    expect(String((await t.client.execute("PRAGMA journal_mode")).rows[0]?.journal_mode)).toBe("wal");
  });

  it("stores every one of many concurrent tips through group commit", async () => {
    t = await createTestApp();
    const app = t;
    const responses = await Promise.all(Array.from({ length: 30 }, () => app.post(app.body())));
    expect(responses.map((r) => r.status)).toEqual(Array(30).fill(201));
    expect(await app.tipCount()).toBe(30);
    expect(app.commitStats?.requests).toBe(30);
    expect(app.commitStats?.groups).toBeLessThanOrEqual(30);
  });

  it("keeps the database, its WAL and its shared-memory file readable by the owner only", async () => {
    t = await createTestApp();
    expect((await t.post(t.body())).status).toBe(201);
    for (const file of [t.databaseFile, `${t.databaseFile}-wal`, `${t.databaseFile}-shm`]) {
      expect((statSync(file).mode & 0o777).toString(8), file).toBe("600");
    }
  });

  it("keeps every acknowledged tip when the server process is killed right after answering", async () => {
    const stack = await startStack();
    try {
      const send = () =>
        fetch(`${stack.hotline}/api/v1/tips`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(submission({ provider: "hcaptcha", response: stack.fake.issue() })),
        }).then((r) => r.status);
      const statuses = await Promise.all(Array.from({ length: 20 }, send));
      stack.child.kill("SIGKILL");
      await new Promise((resolve) => stack.child.once("exit", resolve));
      expect(statuses.filter((s) => s === 201)).toHaveLength(20);
      expect(await stack.tipCount()).toBe(20);
    } finally {
      await stack.stop();
    }
  });
});
