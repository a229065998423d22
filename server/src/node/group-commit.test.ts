import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "./database.js";
import { groupCommit } from "./group-commit.js";

let dir: string;
let database: Awaited<ReturnType<typeof openDatabase>>;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "balagh-group-commit-"));
  database = await openDatabase(`file:${join(dir, "group.db")}`);
  await migrateDatabase(database.db);
});
afterEach(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

const insert = (hash: string) => ({
  sql: "insert into spent_captchas (hash, expires_at) values (?, ?)",
  args: [hash, 0],
});
const stored = async () =>
  (await database.client.execute("select hash from spent_captchas order by hash")).rows.map((r) => String(r.hash));

describe("group commit", () => {
  it("commits requests that wait together in one transaction, and settles each only after it", async () => {
    const { commit, stats } = groupCommit(join(dir, "group.db"));
    const settled: string[] = [];
    const commits = ["a", "b", "c", "d"].map((h) => commit([insert(h), insert(`${h}2`)]).then(() => settled.push(h)));
    expect(settled).toEqual([]);
    await Promise.all(commits);
    expect(stats).toEqual({ groups: 1, requests: 4 });
    expect(await stored()).toEqual(["a", "a2", "b", "b2", "c", "c2", "d", "d2"]);
  });

  it("refuses only the request whose statement fails, and keeps the others of its group", async () => {
    const { commit } = groupCommit(join(dir, "group.db"));
    await commit([insert("taken")]);
    const results = await Promise.allSettled([
      commit([insert("x1")]),
      commit([insert("y1"), insert("taken")]),
      commit([insert("z1")]),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await stored()).toEqual(["taken", "x1", "z1"]);
  });

  it("runs two requests that collide with each other so that exactly one wins", async () => {
    const { commit } = groupCommit(join(dir, "group.db"));
    const results = await Promise.allSettled([commit([insert("same")]), commit([insert("same")])]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await stored()).toEqual(["same"]);
  });
});
