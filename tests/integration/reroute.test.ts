import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { overrideTriage } from "../../server/src/tips/override.js";
import type { Viewer } from "../../server/src/tips/scope.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";
import { validTip } from "../fixtures/tips.js";

let t: TestApp;
const lead: Viewer = { kind: "staff", id: "lead-of-the-hotline", role: "supervisor", agencyId: null };
const correct = (tipId: string, field: "priority" | "classification", value: string, reason: string, now?: Date) =>
  overrideTriage({ db: t.db, viewer: lead, publicUrl: t.services.publicUrl, ...(now && { now }) }, tipId, {
    field,
    value,
    reason,
  });
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const routesOf = async (tipId: string) =>
  (
    await t.client.execute({
      sql: "select a.slug || ':' || r.role as route from tip_routes r join agencies a on a.id = r.agency_id where r.tip_id = ? order by 1",
      args: [tipId],
    })
  ).rows.map((r) => String(r.route));

/** README, "The audit log": written from the recipe there, independently of the server's code. */
const readmeAuditHash = (prevHash: string, row: Record<string, unknown>) =>
  createHash("sha256")
    .update(
      JSON.stringify([
        prevHash,
        Number(row.at),
        row.actor,
        row.action,
        row.subject ?? null,
        JSON.parse(String(row.details)),
      ]),
      "utf8",
    )
    .digest("hex");

describe("a staff override of triage", () => {
  it("re-runs routing on the new priority and audits who, when and why", async () => {
    const tip = validTip({
      situations: ["forced_labour_fishing"],
      childInvolved: "no",
      indicators: [],
      reporterRole: "witness",
    });
    expect((await t.post(t.body(tip))).status).toBe(201);
    const tipId = String((await t.client.execute("select id from tips")).rows[0]?.id);
    const before = await routesOf(tipId);
    expect(before).not.toContain("mr-gendarmerie:primary");

    await t.exec(
      "update agencies set webhook_url = 'https://gendarmerie.example.mr/hook' where slug = 'mr-gendarmerie'",
    );
    const at = new Date("2026-11-27T12:00:00Z");
    expect(await correct(tipId, "priority", "P0", "called back: boat leaves tonight", at)).toEqual({ ok: true });

    expect(await routesOf(tipId)).toEqual(expect.arrayContaining(["mr-police:primary", "mr-gendarmerie:primary"]));
    expect((await t.client.execute("select priority from tips")).rows[0]?.priority).toBe("P0");
    const outbox = await t.client.execute({
      sql: "select a.slug from delivery_outbox o join agencies a on a.id = o.agency_id where o.tip_id = ?",
      args: [tipId],
    });
    expect(outbox.rows.map((r) => r.slug)).toEqual(["mr-gendarmerie"]);
    const audit = (await t.client.execute("select * from audit_log where action = 'tip.priority.override'")).rows[0];
    expect(audit).toMatchObject({ actor: lead.kind === "staff" ? lead.id : "", subject: tipId, at: at.getTime() });
    expect(JSON.parse(String(audit?.details))).toMatchObject({ reason: "called back: boat leaves tonight", to: "P0" });
  });

  it("keeps the audit log a hash chain that the README's recipe verifies", async () => {
    await t.post(t.body());
    const tipId = String((await t.client.execute("select id from tips")).rows[0]?.id);
    expect(await correct(tipId, "priority", "P1", "first look")).toEqual({ ok: true });
    expect(await correct(tipId, "classification", "both", "ransom mentioned")).toEqual({ ok: true });
    const rows = (await t.client.execute("select * from audit_log order by seq")).rows;
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(["tip.priority.override", "tip.classification.override"]),
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    let prev = "0".repeat(64);
    for (const row of rows) {
      expect(row.prev_hash).toBe(prev);
      expect(row.hash).toBe(readmeAuditHash(prev, row));
      prev = String(row.hash);
    }
  });

  it("refuses an unknown tip", async () => {
    expect(await correct("no-such-tip", "priority", "P0", "x")).toEqual({ ok: false, reason: "not_found" });
    expect(await t.count("audit_log")).toBe(1);
  });
});
