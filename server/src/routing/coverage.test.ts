import { SITUATIONS } from "@balagh/shared";
import { describe, expect, it } from "vitest";
import { loadDeployment } from "../deployments/index.js";
import { type CoverageProblem, type CoverageReport, combinationsFor, coverageReport } from "./coverage.js";
import { type RoutingTable, route } from "./index.js";
import { tableOfDeployment } from "./table-of-deployment.js";

const mauritania = tableOfDeployment(loadDeployment("mauritania"));
const COUNTRIES = ["MR", "SN"];

const withoutRules = (table: RoutingTable, names: string[]): RoutingTable => {
  const rules = table.rules.filter((r) => !names.includes(r.name));
  expect(rules).toHaveLength(table.rules.length - names.length);
  return { ...table, rules };
};

const flaggedWith = (report: CoverageReport, problem: CoverageProblem) =>
  report.rows.filter((r) => r.problems.includes(problem));

describe("the combinations", () => {
  it("are the issue's: each situation alone and some pairs, child, P0–P3, classification, reporter, country", () => {
    const combinations = combinationsFor(COUNTRIES);
    const values = <K extends keyof (typeof combinations)[number]>(key: K) =>
      [...new Set(combinations.map((c) => c[key]))].sort();
    const situations = new Set(combinations.map((c) => c.situations.join("+")));
    for (const situation of SITUATIONS) expect(situations).toContain(situation);
    expect([...situations].filter((s) => s.includes("+")).length).toBeGreaterThan(0);
    expect(values("child")).toEqual(["no", "not_sure", "yes"]);
    expect(values("priority")).toEqual(["P0", "P1", "P2", "P3"]);
    expect(values("classification")).toEqual(["both", "smuggling", "trafficking", "unclear"]);
    expect(values("reporter")).toEqual(["someone_else", "victim_consenting", "victim_not_consenting"]);
    expect(values("country")).toEqual(["MR", "SN"]);
    expect(combinations).toHaveLength(situations.size * 3 * 4 * 4 * 3 * 2);
  });
});

describe("coverage of the Mauritania table", () => {
  it("finds no problem, and names the agencies of the issue's expert cases", () => {
    const report = coverageReport(mauritania, COUNTRIES);
    expect(report.flagged).toBe(0);
    const row = (situation: string) =>
      report.rows.find(
        (r) =>
          r.situations.join() === situation &&
          r.child === "yes" &&
          r.priority === "P2" &&
          r.classification === "trafficking" &&
          r.reporter === "someone_else" &&
          r.country === "MR",
      );
    // A child herding goats unpaid, children in a gold mine, teenagers carrying drugs.
    for (const labour of ["forced_labour_agriculture", "forced_labour_mining"]) {
      expect(row(labour)).toMatchObject({
        primary: ["mr-child-protection"],
        notify: expect.arrayContaining(["mr-national-authority", "mr-labour-inspection"]),
      });
    }
    expect(row("children_used_in_crime")).toMatchObject({
      primary: ["mr-child-protection"],
      notify: expect.arrayContaining(["mr-national-authority", "mr-prosecutor"]),
    });
  });
});

describe("each problem the report flags", () => {
  it("a child case without child protection, when no agency protects children", () => {
    const table: RoutingTable = {
      agencies: mauritania.agencies.filter((a) => a.kind !== "child_protection"),
      rules: mauritania.rules.filter((r) => r.agencyId !== "mr-child-protection"),
    };
    const report = coverageReport(table, COUNTRIES);
    const flagged = flaggedWith(report, "child_without_child_protection");
    expect(flagged).toEqual(report.rows.filter((r) => r.child === "yes" || r.child === "not_sure"));
  });

  it("a tip the coordinating agency does not receive: a police force named coordinating, refused by a victim", () => {
    const table: RoutingTable = {
      ...mauritania,
      agencies: mauritania.agencies.map((a) => ({ ...a, isCoordinating: a.id === "mr-police" })),
    };
    const flagged = flaggedWith(coverageReport(table, COUNTRIES), "without_coordinating_agency");
    expect(flagged.length).toBeGreaterThan(0);
    for (const row of flagged) {
      expect(row).toMatchObject({ reporter: "victim_not_consenting", child: "no" });
      expect(row.priority).not.toBe("P0");
    }
  });

  it("a P0 without law enforcement as primary", () => {
    const table = withoutRules(mauritania, ["Emergency (P0): police", "Emergency (P0): gendarmerie, for rural areas"]);
    const flagged = flaggedWith(coverageReport(table, COUNTRIES), "p0_without_law_enforcement_primary");
    expect(flagged.length).toBeGreaterThan(0);
    expect(new Set(flagged.map((r) => r.priority))).toEqual(new Set(["P0"]));
    // A boat or a kidnapping still names police by its own rules.
    expect(flagged.map((r) => r.situations.join())).not.toContain("unsafe_boat_departure");
    expect(flagged.map((r) => r.situations.join())).not.toContain("held_captive_or_for_ransom");
  });

  it("an adult victim's refusal overridden below P0, by a routing that forgot consent", () => {
    const forgetsConsent: typeof route = (input, table) => {
      const result = route(input, table);
      const overridden = result.withheld.map((w) => ({ ...w, role: "notify" as const }));
      return { routes: [...result.routes, ...overridden], withheld: [] };
    };
    const flagged = flaggedWith(coverageReport(mauritania, COUNTRIES, forgetsConsent), "refusal_overridden_below_p0");
    expect(flagged.length).toBeGreaterThan(0);
    for (const row of flagged) {
      expect(row).toMatchObject({ reporter: "victim_not_consenting", child: "no" });
      expect(row.priority).not.toBe("P0");
    }
  });

  it("a combination caught only by the fallback", () => {
    const table = withoutRules(mauritania, ["Information (P3): national authority records and refers"]);
    const flagged = flaggedWith(coverageReport(table, COUNTRIES), "caught_only_by_fallback");
    expect(flagged.length).toBeGreaterThan(0);
    for (const row of flagged) {
      expect(row).toMatchObject({ priority: "P3", child: "no", primary: ["mr-national-authority"] });
      expect(row.byInvariant).toContain("mr-national-authority");
    }
  });
});
