import { execFile } from "node:child_process";
import { promisify } from "node:util";
import {
  CHILD_INVOLVED,
  DANGER_NOW,
  DISCLOSURE_LEVELS,
  INDICATORS,
  LANGUAGES,
  REPORTER_ROLES,
  SITUATIONS,
  type TipInput,
  tipSchema,
  VICTIM_CONSENT,
  WHEN,
} from "@balagh/shared";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dryRun } from "../../server/src/routing/dry-run.js";
import { loadRoutingTable } from "../../server/src/routing/load.js";
import { fileTip } from "../fixtures/console-workspace.js";
import { REPO_ROOT, TSX } from "../fixtures/server-process.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";
import { validTip } from "../fixtures/tips.js";

const run = promisify(execFile);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** `pnpm balagh rules try`, the tip on a piped standard input. */
const rulesTry = async (stdin: string, json = true) => {
  const env = { PATH: process.env.PATH ?? "", DATABASE_URL: `file:${t.databaseFile}`, BALAGH_MASTER_KEY: t.masterKey };
  try {
    const running = run(TSX, ["server/src/cli.ts", "rules", "try", ...(json ? ["--json"] : [])], {
      cwd: REPO_ROOT,
      env,
    });
    running.child.stdin?.end(stdin);
    const { stdout, stderr } = await running;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

/** What intake stored for a tip: one row per agency, by slug. */
const storedRoutes = async (tipId: string) =>
  (
    await t.exec(
      `select a.slug as agency, r.role, r.rule_id as ruleId, r.reason from tip_routes r join agencies a on a.id = r.agency_id where r.tip_id = '${tipId}' order by a.slug`,
    )
  ).rows.map((r) => ({ agency: r.agency, role: r.role, ruleId: r.ruleId, reason: r.reason }));

const WRITTEN = ["tips", "tip_routes", "delivery_outbox", "audit_log", "routing_rules", "idempotency_keys"];
const rowCounts = async () => Object.fromEntries(await Promise.all(WRITTEN.map(async (x) => [x, await t.count(x)])));

// The DOMAIN.md example: an adult victim who refused police, forced to work on a fishing boat.
const refusedPolice = validTip({
  reporterRole: "victim",
  victimConsentPolice: "no",
  situations: ["forced_labour_fishing"],
  childInvolved: "no",
  indicators: ["wages_withheld"],
  narrative: "Je travaille sur un bateau de pêche sans salaire depuis des mois.",
});

describe("pnpm balagh rules try", () => {
  it("prints what intake would do with the tip, in JSON, and writes nothing", async () => {
    const before = await rowCounts();
    const answer = await rulesTry(JSON.stringify(refusedPolice));
    expect(answer.code).toBe(0);
    expect(await rowCounts()).toEqual(before);

    const dry = JSON.parse(answer.stdout);
    // Police is named by a rule but held back: the victim refused (DOMAIN.md safety rule 11).
    expect(dry.withheld).toContainEqual(
      expect.objectContaining({ agency: "mr-police", reason: expect.stringMatching(/did not consent/) }),
    );
    expect(dry.fired).toContainEqual(expect.objectContaining({ agency: "mr-police", outcome: "withheld" }));
    expect(dry.routes.map((r: { agency: string }) => r.agency)).not.toContain("mr-police");

    const filed = await fileTip(t, refusedPolice);
    const routes = dry.routes.map(({ agency, role, ruleId, reason }: Record<string, unknown>) => ({
      agency,
      role,
      ruleId,
      reason,
    }));
    expect(routes.sort((a: { agency: string }, b: { agency: string }) => a.agency.localeCompare(b.agency))).toEqual(
      await storedRoutes(filed),
    );
    const [stored] = (await t.exec(`select priority from tips where id = '${filed}'`)).rows;
    expect(dry.triage.priority).toBe(stored?.priority);
  });

  it("says which rules fired, what the invariants added and the routes, in words", async () => {
    const answer = await rulesTry(JSON.stringify(validTip()), false);
    expect(answer.code).toBe(0);
    // A child begging: child protection receives it (DOMAIN.md), the coordinating agency is informed.
    expect(answer.stdout).toMatch(/Rules that fired, in order:\n {2}.+→ mr-child-protection/);
    expect(answer.stdout).toContain("Routes:\n");
    expect(answer.stdout).toMatch(/mr-national-authority \((notify|primary)\)/);
  });

  it("refuses a tip the API would refuse, naming the field", async () => {
    const answer = await rulesTry(JSON.stringify({ ...validTip(), childInvolved: "maybe" }));
    expect(answer.code).toBe(2);
    expect(answer.stderr).toContain("childInvolved");
    expect((await rulesTry("not json")).code).toBe(2);
  });
});

const narratives = [
  "Des enfants mendient au carrefour pour un maître.",
  "Une pirogue part cette nuit avec des enfants à bord.",
  "Ils sont enfermés et on demande une rançon à la famille.",
  "On m'a pris mon passeport et je travaille sans salaire.",
  "He paid a man to cross the border.",
  "بنت صغيرة تعمل خادمة في بيت ولا تذهب إلى المدرسة",
];

/** A tip as the widget sends it, any answer the schema allows. */
const anyTip: fc.Arbitrary<TipInput> = fc
  .record({
    language: fc.constantFrom(...LANGUAGES),
    dangerNow: fc.oneof({ weight: 3, arbitrary: fc.constant("no" as const) }, fc.constantFrom(...DANGER_NOW)),
    reporterRole: fc.constantFrom(...REPORTER_ROLES),
    country: fc.constantFrom("MR", "SN", "ML", "MA", "ES"),
    region: fc.option(fc.constantFrom("Nouakchott-Ouest", "Nouadhibou", "Dakar"), { nil: undefined }),
    when: fc.constantFrom(...WHEN),
    situations: fc.subarray([...SITUATIONS], { maxLength: 3 }),
    childInvolved: fc.constantFrom(...CHILD_INVOLVED),
    indicators: fc.subarray([...INDICATORS], { maxLength: 3 }),
    narrative: fc.constantFrom(...narratives),
    disclosure: fc.constantFrom(...DISCLOSURE_LEVELS),
    consent: fc.constantFrom(...VICTIM_CONSENT),
    otherCountries: fc.option(fc.subarray(["LY", "NE", "ES"], { minLength: 1 }), { nil: undefined }),
  })
  .map(({ country, region, consent, reporterRole, otherCountries, ...rest }) => ({
    ...rest,
    reporterRole,
    location: region ? { country, region } : { country },
    ...(otherCountries && { otherCountries }),
    ...(reporterRole === "victim" && { victimConsentPolice: consent }),
  }));

describe("the dry run and intake, for any tip", () => {
  it("routes the same answers to the same agencies, roles, rules and reasons", async () => {
    // Rules as a lead may have left them: one disabled, so the table is not only the file's.
    await t.exec("update routing_rules set enabled = 0 where position = 2");
    await fc.assert(
      fc.asyncProperty(anyTip, async (tip) => {
        const dry = dryRun(tipSchema.parse(tip), await loadRoutingTable(t.db));
        const table = await loadRoutingTable(t.db);
        const slugOf = new Map(table.agencies.map((a) => [a.id, a.slug]));
        const filed = await fileTip(t, tip);
        const expected = dry.routes
          .map((r) => ({ agency: slugOf.get(r.agencyId), role: r.role, ruleId: r.ruleId, reason: r.reason }))
          .sort((a, b) => String(a.agency).localeCompare(String(b.agency)));
        expect(await storedRoutes(filed)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
