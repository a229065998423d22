import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { loadDeployment } from "../../server/src/deployments/index.js";
import type { Deployment } from "../../server/src/deployments/schema.js";
import { seedDeployment } from "../../server/src/deployments/seed.js";
import { migrateDatabase, openDatabase } from "../../server/src/node/database.js";
import { generateMasterKey } from "../../server/src/security/keys.js";
import { REPO_ROOT, TSX } from "../fixtures/server-process.js";

const run = promisify(execFile);
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A real libSQL file, migrated and seeded with the deployment as `pnpm balagh seed` would. */
const seeded = async (deployment: Deployment) => {
  const dir = mkdtempSync(join(tmpdir(), "balagh-coverage-"));
  dirs.push(dir);
  const file = join(dir, "balagh.db");
  const { db, close } = await openDatabase(`file:${file}`);
  await migrateDatabase(db);
  await seedDeployment(db, deployment);
  close();
  return file;
};

/** `pnpm balagh rules coverage` as a process; the JSON form lists every combination, megabytes of it. */
const coverage = async (databaseFile: string, json: boolean) => {
  const args = ["server/src/cli.ts", "rules", "coverage", ...(json ? ["--json"] : [])];
  const env = {
    PATH: process.env.PATH ?? "",
    DATABASE_URL: `file:${databaseFile}`,
    BALAGH_MASTER_KEY: generateMasterKey(),
  };
  try {
    const { stdout } = await run(TSX, args, { cwd: REPO_ROOT, env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    if (typeof e.code !== "number") throw error;
    return { code: e.code, stdout: e.stdout };
  }
};

type Row = {
  situations: string[];
  child: string;
  priority: string;
  classification: string;
  reporter: string;
  country: string;
  primary: string[];
  notify: string[];
  problems: string[];
};
type JsonReport = {
  summary: { countries: string[]; coordinatingAgency: string; flagged: number; problems: Record<string, number> };
  combinations: Row[];
};

const mauritania = loadDeployment("mauritania");
// The countries the Mauritania demo partner offers (server/src/deployments/mauritania.json).
const COUNTRIES = ["DZ", "ES", "MA", "ML", "MR", "SN"];

describe("pnpm balagh rules coverage", () => {
  it("finds nothing to flag in the Mauritania deployment, whose national authority receives every tip", async () => {
    const file = await seeded(mauritania);
    const text = await coverage(file, false);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Problems: 0 of \d+ combinations flagged/);
    expect(text.stdout).not.toMatch(/PROBLEM:/);

    const json = await coverage(file, true);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as JsonReport;
    expect(report.summary).toMatchObject({
      countries: COUNTRIES,
      coordinatingAgency: "mr-national-authority",
      flagged: 0,
      problems: {
        child_without_child_protection: 0,
        without_coordinating_agency: 0,
        p0_without_law_enforcement_primary: 0,
        refusal_overridden_below_p0: 0,
        caught_only_by_fallback: 0,
      },
    });
    const missed = report.combinations.filter((r) => ![...r.primary, ...r.notify].includes("mr-national-authority"));
    expect(missed).toEqual([]);
  });

  it("exits non-zero on a deployment with a rule removed, naming the combinations it leaves to the fallback", async () => {
    const removed = "Crisis (P1), an adult victim who refused police: national authority acts";
    const file = await seeded({ ...mauritania, rules: mauritania.rules.filter((r) => r.name !== removed) });

    // Written by hand from the table: an adult victim who refused police at P1, where no rule but the
    // police's names a primary agency (any situation with its own national authority or child protection
    // rule still has one).
    const uncoveredSituations = [
      "",
      "held_captive_or_for_ransom",
      "unsafe_boat_departure",
      "paid_border_crossing",
      "other_or_not_sure",
      "paid_border_crossing+unsafe_boat_departure",
      "paid_border_crossing+held_captive_or_for_ransom",
    ];
    const expected = uncoveredSituations
      .flatMap((situations) =>
        ["trafficking", "smuggling", "both", "unclear"].flatMap((classification) =>
          COUNTRIES.map((country) => `${situations}|no|P1|${classification}|victim_not_consenting|${country}`),
        ),
      )
      .sort();

    const json = await coverage(file, true);
    expect(json.code).not.toBe(0);
    const report = JSON.parse(json.stdout) as JsonReport;
    const flagged = report.combinations.filter((r) => r.problems.length > 0);
    expect(
      flagged
        .map((r) => [r.situations.join("+"), r.child, r.priority, r.classification, r.reporter, r.country].join("|"))
        .sort(),
    ).toEqual(expected);
    expect(new Set(flagged.flatMap((r) => r.problems))).toEqual(new Set(["caught_only_by_fallback"]));
    expect(report.summary.flagged).toBe(expected.length);

    const text = await coverage(file, false);
    expect(text.code).toBe(json.code);
    const problemSection = text.stdout.slice(text.stdout.indexOf("PROBLEM:"), text.stdout.indexOf("Outcomes"));
    expect(problemSection.trim().split("\n")).toEqual([
      `PROBLEM: caught only by the fallback agency (${expected.length})`,
      "  situation: none given, held_captive_or_for_ransom, unsafe_boat_departure, paid_border_crossing, other_or_not_sure, paid_border_crossing + unsafe_boat_departure, paid_border_crossing + held_captive_or_for_ransom · child: no · P1 · reporter: victim not consenting",
    ]);
  });
});
