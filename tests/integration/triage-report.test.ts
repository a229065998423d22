import type { TipInput } from "@balagh/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAudit } from "../../server/src/audit/append.js";
import { runBalagh } from "../fixtures/balagh-cli.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";
import { validTip } from "../fixtures/tips.js";

let t: TestApp;
const ids: Record<string, string> = {};

const file = async (name: string, tip: Partial<TipInput>) => {
  const before = new Set((await t.exec("select id from tips")).rows.map((r) => String(r.id)));
  const body = t.body(validTip({ situations: [], indicators: [], childInvolved: "no", ...tip }));
  expect((await t.post(body)).status).toBe(201);
  const id = (await t.exec("select id from tips")).rows.map((r) => String(r.id)).find((i) => !before.has(i));
  if (!id) throw new Error(`tip ${name} not stored`);
  ids[name] = id;
};

// As the console will write them (the action names and details are the issue's).
const override = (
  actor: string,
  name: string,
  field: "priority" | "classification",
  from: string,
  to: string,
  at: string,
) =>
  appendAudit(
    t.db,
    { actor, action: `tip.${field}.override`, subject: ids[name] ?? "", details: { from, to, reason: REASON } },
    new Date(at),
  );

// Staff reasons may quote the narrative: the report leaves them out.
const REASON = "voir appel du 12, la famille va bien";
// Words of the narratives (and the fixture's location) that are no lexicon phrase, or not as the reporter wrote them.
const REPORTER_WORDS = [
  "GARDE NOS PAPIERS",
  "Zouérate",
  "RIGHT NOW",
  "guard the house",
  "duermen",
  "estación",
  "Tevragh Zeina",
  "Nouakchott-Ouest",
  REASON,
];

beforeAll(async () => {
  t = await createTestApp();
  // Triage levels (DOMAIN.md): papers kept, last week → P2; armed men right now → P0; unaccompanied minors → P1.
  await file("papers", { language: "fr", narrative: "Le patron GARDE NOS PAPIERS depuis deux ans à Zouérate." });
  await file("armed", { language: "en", narrative: "Armed men guard the house RIGHT NOW." });
  await file("patera", { language: "es", narrative: "Menores no acompañados en la patera." });
  await file("station", { language: "es", narrative: "Menores no acompañados duermen en la estación." });
  await file("untouched", { language: "fr", narrative: "Je voulais signaler un voisin." });

  await override("staff:7f3a", "papers", "priority", "P2", "P3", "2026-11-20T09:00:00.000Z");
  await override("staff:b01", "armed", "priority", "P0", "P1", "2026-11-20T10:00:00.000Z");
  await override("staff:b01", "armed", "classification", "unclear", "trafficking", "2026-11-20T10:01:00.000Z");
  await override("staff:c22", "patera", "priority", "P1", "P0", "2026-11-20T11:00:00.000Z");
  await override("staff:d33", "station", "priority", "P1", "P3", "2026-11-20T12:00:00.000Z");
  await override("staff:e44", "station", "priority", "P3", "P2", "2026-11-21T08:00:00.000Z");
  // A re-routing entry and an override the report cannot read: neither makes "untouched" an overridden tip.
  await appendAudit(t.db, {
    actor: "staff:f55",
    action: "tip.reroute",
    subject: ids.untouched ?? "",
    details: { why: "x", from: { priority: "P3" }, to: { priority: "P1" } },
  });
  await appendAudit(t.db, {
    actor: "staff:f55",
    action: "tip.priority.override",
    subject: ids.untouched ?? "",
    details: { from: "P3", to: "urgent", reason: "x" },
  });
}, 60_000);
afterAll(() => t.close());

const balagh = (args: string[]) =>
  runBalagh(args, { DATABASE_URL: `file:${t.databaseFile}`, BALAGH_MASTER_KEY: t.masterKey });

type Report = {
  tips: {
    id: string;
    createdAt: string;
    language: string;
    triage: { priority: string; classification: string };
    staff: { priority: string; classification: string };
    overrides: { field: string; from: string; to: string; by: string; at: string }[];
    phrases: { signal: string; phrase: string; language: string }[];
  }[];
  summary: {
    signal: string;
    phrase: string;
    language: string;
    lowered: number;
    raised: number;
    reclassified: number;
  }[];
  unreadableEntries: number;
};

describe("pnpm balagh triage report", () => {
  it("lists each overridden tip: triage's values, the staff's, who and when, and the phrases triage read", async () => {
    const run = await balagh(["triage", "report", "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    const tip = (name: string) => report.tips.find((x) => x.id === ids[name]);

    expect(report.tips.map((x) => x.id).sort()).toEqual(
      [ids.papers, ids.armed, ids.patera, ids.station].map(String).sort(),
    );
    expect(tip("papers")).toEqual({
      id: ids.papers,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      language: "fr",
      triage: { priority: "P2", classification: "trafficking" },
      staff: { priority: "P3", classification: "trafficking" },
      overrides: [{ field: "priority", from: "P2", to: "P3", by: "staff:7f3a", at: "2026-11-20T09:00:00.000Z" }],
      phrases: expect.arrayContaining([
        { signal: "papers_taken", phrase: "garde nos papiers", language: "fr" },
        { signal: "ongoing", phrase: "depuis", language: "fr" },
      ]),
    });
    expect(tip("armed")).toMatchObject({
      triage: { priority: "P0", classification: "unclear" },
      staff: { priority: "P1", classification: "trafficking" },
      overrides: [
        { field: "priority", by: "staff:b01" },
        { field: "classification", from: "unclear", to: "trafficking", by: "staff:b01" },
      ],
    });
    expect(tip("armed")?.phrases).toContainEqual({ signal: "weapon", phrase: "armed", language: "en" });
    // Two corrections of one tip: triage's value is the first one's "from", the staff's the last one's "to".
    expect(tip("station")).toMatchObject({
      triage: { priority: "P1" },
      staff: { priority: "P2" },
      overrides: [
        { from: "P1", to: "P3", by: "staff:d33", at: "2026-11-20T12:00:00.000Z" },
        { from: "P3", to: "P2", by: "staff:e44", at: "2026-11-21T08:00:00.000Z" },
      ],
    });
    expect(report.unreadableEntries).toBe(1);
  }, 60_000);

  it("counts per phrase the tips whose priority staff lowered, raised or whose classification they changed", async () => {
    const report = JSON.parse((await balagh(["triage", "report", "--json"])).stdout) as Report;
    const count = (signal: string, phrase: string) =>
      report.summary.find((s) => s.signal === signal && s.phrase === phrase);

    expect(count("unaccompanied_child", "menores no acompañados")).toEqual({
      signal: "unaccompanied_child",
      phrase: "menores no acompañados",
      language: "es",
      lowered: 1,
      raised: 1,
      reclassified: 0,
    });
    expect(count("papers_taken", "garde nos papiers")).toMatchObject({ lowered: 1, raised: 0, reclassified: 0 });
    expect(count("weapon", "armed")).toMatchObject({ lowered: 1, raised: 0, reclassified: 1 });
  }, 60_000);

  it("never prints the reporter's words, the place or the staff's reasons, as JSON or as text", async () => {
    const json = await balagh(["triage", "report", "--json"]);
    const text = await balagh(["triage", "report"]);
    expect(text.code).toBe(0);
    for (const output of [json.stdout, text.stdout]) {
      for (const words of REPORTER_WORDS) expect(output).not.toContain(words);
      expect(output).not.toContain("evidence");
    }
    expect(text.stdout.startsWith("Tips whose triage staff overrode: 4\n")).toBe(true);
    expect(text.stdout).toContain(`${ids.papers}`);
    expect(text.stdout).toContain("priority P2 → P3  by staff:7f3a  at 2026-11-20T09:00:00.000Z");
    expect(text.stdout).toContain('1  1  0  unaccompanied_child  "menores no acompañados"  es');
    expect(text.stdout).not.toContain(ids.untouched);
  }, 60_000);
});
