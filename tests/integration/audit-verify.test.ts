import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../server/src/audit/verify.js";
import { staff } from "../../server/src/db/schema.js";
import { addNote, setStatus } from "../../server/src/tips/actions.js";
import { listTips } from "../../server/src/tips/list.js";
import { readTip } from "../../server/src/tips/read.js";
import { operator, type Viewer } from "../../server/src/tips/scope.js";
import { runBalagh } from "../fixtures/balagh-cli.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";

let t: TestApp;
let env: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  env = { DATABASE_URL: `file:${t.databaseFile}`, BALAGH_MASTER_KEY: t.masterKey };
  const id = crypto.randomUUID();
  await t.db.insert(staff).values({ id, email: "sup@example.mr", passwordHash: "x", role: "supervisor" });
  const supervisor: Viewer = { kind: "staff", id, role: "supervisor", agencyId: null };
  for (let i = 0; i < 3; i++) expect((await t.post(t.body())).status).toBe(201);
  for (const tip of (await listTips(t.db, operator)).tips) {
    await readTip(t.db, t.keys, supervisor, tip.id);
    await addNote({ db: t.db, keys: t.keys, viewer: supervisor }, tip.id, "Rappeler demain matin");
    await setStatus({ db: t.db, viewer: supervisor }, tip.id, { status: "in_review", reason: "À vérifier" });
  }
});
afterAll(() => t.close());

type Row = {
  seq: number;
  at: number;
  actor: string;
  action: string;
  subject: string | null;
  details: string;
  prev_hash: string;
  hash: string;
};
const rows = async () =>
  (await t.exec("select * from audit_log order by seq")).rows.map((r) => ({ ...r }) as unknown as Row);

/** The README's recipe ("The audit log"), written again here: SHA-256 over JSON.stringify([prev, at, actor, action, subject, details]). */
const recipeHead = (chain: Row[]) => {
  let previous = "0".repeat(64);
  for (const row of chain) {
    if (row.prev_hash !== previous) return null;
    const json = JSON.stringify([
      previous,
      Number(row.at),
      row.actor,
      row.action,
      row.subject ?? null,
      JSON.parse(row.details),
    ]);
    const hash = createHash("sha256").update(json, "utf8").digest("hex");
    if (hash !== row.hash) return null;
    previous = hash;
  }
  return previous;
};

/** Changes the log, runs `audit verify`, and puts the log back as it was. */
const tampered = async (change: (chain: Row[]) => string[]) => {
  const before = await rows();
  await t.exec("drop index audit_log_prev_hash");
  for (const statement of change(before)) await t.exec(statement);
  const result = await runBalagh(["audit", "verify"], env);
  await t.exec("delete from audit_log");
  for (const r of before) {
    await t.client.execute({
      sql: "insert into audit_log (seq, at, actor, action, subject, details, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?)",
      args: [r.seq, r.at, r.actor, r.action, r.subject, r.details, r.prev_hash, r.hash],
    });
  }
  await t.exec("create unique index audit_log_prev_hash on audit_log (prev_hash)");
  return result;
};

describe("checking in pages, in bounded memory", () => {
  it("gives the recipe's head across page boundaries, and finds an edit on a later page", async () => {
    const chain = await rows();
    expect(await verifyAuditChain(t.db, { chunk: 3 })).toEqual({
      intact: true,
      entries: chain.length,
      head: recipeHead(chain),
    });
    const target = chain[7] as Row;
    await t.exec(`update audit_log set actor = 'someone else' where seq = ${target.seq}`);
    try {
      expect(await verifyAuditChain(t.db, { chunk: 3 })).toMatchObject({ intact: false, brokenAt: target.seq });
    } finally {
      await t.exec(`update audit_log set actor = '${target.actor}' where seq = ${target.seq}`);
    }
  });
});

describe("pnpm balagh audit verify", () => {
  it("passes on a real history, and agrees with the README's recipe on the chain's head", async () => {
    const chain = await rows();
    expect(chain.length).toBeGreaterThan(9);
    const result = await runBalagh(["audit", "verify", "--json"], env);
    expect(result.code, result.stderr).toBe(0);
    const check = JSON.parse(result.stdout.slice(result.stdout.indexOf("{")));
    expect(check).toEqual({ intact: true, entries: chain.length, head: recipeHead(chain) });
  });

  it("finds an edited entry", async () => {
    const chain = await rows();
    const target = chain[4] as Row;
    const edited = JSON.stringify({ ...JSON.parse(target.details), reason: "Rien à signaler" });
    const result = await tampered(() => [`update audit_log set details = '${edited}' where seq = ${target.seq}`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`broken at entry ${target.seq}`);
  });

  it("finds a deleted entry, at the entry after it", async () => {
    const chain = await rows();
    const result = await tampered(() => [`delete from audit_log where seq = ${(chain[3] as Row).seq}`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`broken at entry ${(chain[4] as Row).seq}`);
  });

  it("finds two entries swapped", async () => {
    const chain = await rows();
    const [a, b] = [chain[5] as Row, chain[6] as Row];
    const result = await tampered(() => [
      `update audit_log set seq = -1 where seq = ${a.seq}`,
      `update audit_log set seq = ${a.seq} where seq = ${b.seq}`,
      `update audit_log set seq = ${b.seq} where seq = -1`,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`broken at entry ${a.seq}`);
  });
});
