import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies, staff } from "../../server/src/db/schema.js";
import { addNote, assignTip, linkTips, setStatus } from "../../server/src/tips/actions.js";
import { listTips, type QueueCursor } from "../../server/src/tips/list.js";
import { overrideTriage } from "../../server/src/tips/override.js";
import { readTip } from "../../server/src/tips/read.js";
import { operator, type Viewer } from "../../server/src/tips/scope.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";
import { validTip } from "../fixtures/tips.js";

let t: TestApp;
const viewers: Record<string, Viewer> = {};
const tipIds: Record<string, string> = {};

const addMember = async (name: string, role: "admin" | "supervisor" | "agent" | "auditor", agencySlug?: string) => {
  const [agency] = agencySlug
    ? (await t.db.select({ id: agencies.id, slug: agencies.slug }).from(agencies)).filter((a) => a.slug === agencySlug)
    : [];
  const id = crypto.randomUUID();
  await t.db
    .insert(staff)
    .values({ id, email: `${name}@example.mr`, passwordHash: "x", role, agencyId: agency?.id ?? null });
  viewers[name] = { kind: "staff", id, role, agencyId: agency?.id ?? null };
};

const file = async (name: string, tip: ReturnType<typeof validTip>) => {
  const before = new Set((await listTips(t.db, operator, {}, { limit: 1000 })).tips.map((x) => x.id));
  expect((await t.post(t.body(tip))).status).toBe(201);
  const after = (await listTips(t.db, operator, {}, { limit: 1000 })).tips.map((x) => x.id);
  tipIds[name] = after.find((id) => !before.has(id)) as string;
};

beforeAll(async () => {
  t = await createTestApp();
  await addMember("supervisor", "supervisor");
  await addMember("childAgent", "agent", "mr-child-protection");
  await addMember("coastAgent", "agent", "mr-coast-guard");
  await addMember("admin", "admin");
  await addMember("auditor", "auditor");
  // DOMAIN.md: a child begging for a marabout reaches child protection; an adult's forced labour on a boat, reported by a witness, does not.
  await file("talibe", validTip());
  await file(
    "adultFishing",
    validTip({
      situations: ["forced_labour_fishing"],
      childInvolved: "no",
      indicators: ["wages_withheld"],
      narrative: "Des hommes travaillent sur un bateau de pêche sans salaire depuis des mois.",
    }),
  );
});
afterAll(() => t.close());

// Written from issue 9 ("Roles and scope") and the README, not from the code: who sees which tip.
const SEES: Record<string, string[]> = {
  operator: ["talibe", "adultFishing"],
  supervisor: ["talibe", "adultFishing"],
  childAgent: ["talibe"],
  coastAgent: [],
  admin: [],
  auditor: [],
};
const viewerOf = (name: string) => (name === "operator" ? operator : (viewers[name] as Viewer));

describe("the tips module reads only what the viewer's scope allows", () => {
  for (const [name, visible] of Object.entries(SEES)) {
    it(`${name}: the queue lists ${visible.join(", ") || "no tip"}, and any other tip reads as missing`, async () => {
      const viewer = viewerOf(name);
      const listed = (await listTips(t.db, viewer)).tips.map((x) => x.id).sort();
      expect(listed).toEqual(visible.map((n) => tipIds[n]).sort());
      for (const [tipName, id] of Object.entries(tipIds)) {
        const view = await readTip(t.db, t.keys, viewer, id as string);
        expect(view === null, `${name} reading ${tipName}`).toBe(!visible.includes(tipName));
      }
      expect(await readTip(t.db, t.keys, viewer, crypto.randomUUID())).toBeNull();
    });
  }

  it("opens the answers for a viewer in scope and records the look in the audit log", async () => {
    const view = await readTip(t.db, t.keys, viewerOf("childAgent"), tipIds.talibe as string);
    expect(view?.content.narrative).toBe(validTip().narrative);
    expect(view?.routes.map((r) => r.slug)).toContain("mr-child-protection");
    const looks = await t.exec(
      `select actor from audit_log where action = 'tip.view' and subject = '${tipIds.talibe}'`,
    );
    expect(looks.rows.map((r) => r.actor)).toContain((viewers.childAgent as { id: string }).id);
  });
});

describe("actions on a tip", () => {
  it("lets an agent note, change the status and link within scope, and nothing more", async () => {
    const ctx = { db: t.db, keys: t.keys, viewer: viewerOf("childAgent") };
    const talibe = tipIds.talibe as string;
    const hostile = "<script>alert(1)</script> \u202Eevil '; DROP TABLE tips; --";
    expect(await addNote(ctx, talibe, "Appelé le numéro: pas de réponse.")).toEqual({ ok: true });
    expect(await addNote(ctx, talibe, hostile)).toMatchObject({ ok: false, reason: "invalid", field: "note" });
    expect(await setStatus(ctx, talibe, { status: "in_review", reason: "Vérification en cours" })).toEqual({
      ok: true,
    });
    expect(await assignTip(ctx, talibe, { staffId: null, reason: "x" })).toEqual({ ok: false, reason: "not_allowed" });
    expect(await setStatus(ctx, tipIds.adultFishing as string, { status: "closed", reason: "x" })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await linkTips(ctx, talibe, tipIds.adultFishing as string)).toMatchObject({
      ok: false,
      field: "linkedTipId",
    });
    const view = await readTip(t.db, t.keys, ctx.viewer, talibe);
    expect(view?.status).toBe("in_review");
    expect(view?.notes.map((n) => n.text)).toEqual(["Appelé le numéro: pas de réponse."]);
    expect(view?.timeline.map((e) => e.action)).toEqual(expect.arrayContaining(["tip.note", "tip.status"]));
  });

  it("lets a supervisor assign to an agent who can see the tip, and not to one who cannot", async () => {
    const ctx = { db: t.db, viewer: viewerOf("supervisor") };
    const talibe = tipIds.talibe as string;
    const coast = (viewers.coastAgent as { id: string }).id;
    const child = (viewers.childAgent as { id: string }).id;
    expect(await assignTip(ctx, talibe, { staffId: coast, reason: "renfort" })).toMatchObject({ field: "staffId" });
    expect(await assignTip(ctx, talibe, { staffId: child, reason: "suivi" })).toEqual({ ok: true });
    expect((await readTip(t.db, t.keys, ctx.viewer, talibe))?.assignedTo).toBe(child);
  });

  it("stores a change and its audit entry together, or neither", async () => {
    const ctx = { db: t.db, viewer: viewerOf("supervisor") };
    const fishing = tipIds.adultFishing as string;
    await t.exec("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    try {
      await expect(setStatus(ctx, fishing, { status: "closed", reason: "Traité" })).rejects.toThrow();
    } finally {
      await t.exec("DROP TRIGGER refuse_audit");
    }
    const row = await t.exec(`select status from tips where id = '${fishing}'`);
    expect(row.rows[0]?.status).toBe("received");
  });
});

describe("correcting triage", () => {
  it("lets a supervisor raise a tip to P0: routing runs again and the correction is audited with its reason", async () => {
    const fishing = tipIds.adultFishing as string;
    const supervisor = { db: t.db, viewer: viewerOf("supervisor"), publicUrl: "http://localhost:8787" };
    const agent = { ...supervisor, viewer: viewerOf("childAgent") };
    const raise = { field: "priority" as const, value: "P0", reason: "Le bateau part ce soir (appel du témoin)" };
    expect(await overrideTriage(agent, tipIds.talibe as string, raise)).toEqual({ ok: false, reason: "not_allowed" });
    expect(await overrideTriage(supervisor, fishing, { ...raise, value: "P7" })).toMatchObject({ field: "priority" });
    expect(await overrideTriage(supervisor, fishing, { ...raise, reason: "" })).toMatchObject({ field: "reason" });
    expect(await overrideTriage(supervisor, fishing, raise)).toEqual({ ok: true });
    const view = await readTip(t.db, t.keys, supervisor.viewer, fishing);
    expect(view?.priority).toBe("P0");
    // DOMAIN.md: an emergency (P0) reaches law enforcement as primary.
    const lawEnforcement = ["mr-police", "mr-gendarmerie", "mr-coast-guard"];
    expect(view?.routes.some((r) => lawEnforcement.includes(r.slug) && r.role === "primary")).toBe(true);
    const entry = view?.timeline.find((e) => e.action === "tip.priority.override");
    expect(entry?.details).toEqual({ from: "P2", to: "P0", reason: raise.reason });
  });
});

describe("the queue", () => {
  it("orders by priority then age, and pages by keyset without losing or repeating a tip", async () => {
    for (const dangerNow of ["yes", "no", "no", "yes", "no"] as const) {
      await file(`extra-${crypto.randomUUID()}`, validTip({ dangerNow }));
    }
    const all = (await listTips(t.db, operator, {}, { limit: 1000 })).tips;
    const order = all.map((x) => `${x.priority}|${x.createdAt.getTime()}`);
    expect(order).toEqual([...order].sort());
    const paged: string[] = [];
    let after: QueueCursor | undefined;
    for (;;) {
      const page = await listTips(t.db, operator, {}, { limit: 2, ...(after ? { after } : {}) });
      paged.push(...page.tips.map((x) => x.id));
      if (!page.next) break;
      after = page.next;
    }
    expect(paged).toEqual(all.map((x) => x.id));
    const counts = (await listTips(t.db, operator)).counts;
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(all.length);
  });
});
