import { CHILD_INVOLVED, SITUATIONS, type Situation } from "@balagh/shared";
import { LAW_ENFORCEMENT_KINDS, type RoutingResult, type RoutingTable, route } from "./index.js";
import { CLASSIFICATIONS, involvesChild, PRIORITIES, type RoutingInput } from "./rules.js";

/** Situations as a reporter may tick them: none, each alone, and pairs that often come together. */
export const COVERAGE_SITUATIONS: readonly (readonly Situation[])[] = [
  [],
  ...SITUATIONS.map((s) => [s]),
  // Smuggling turns into trafficking when the migrant is held, ransomed or made to work off the journey.
  ["paid_border_crossing", "unsafe_boat_departure"],
  ["paid_border_crossing", "held_captive_or_for_ransom"],
  ["paid_border_crossing", "forced_labour_other"],
  ["sexual_exploitation", "held_captive_or_for_ransom"],
  // Slavery by descent is lived as herding and domestic work; girls in servitude are married off.
  ["slavery_by_descent", "domestic_servitude"],
  ["domestic_servitude", "forced_or_early_marriage"],
];

export const COVERAGE_REPORTERS = ["victim_consenting", "victim_not_consenting", "someone_else"] as const;
export type CoverageReporter = (typeof COVERAGE_REPORTERS)[number];

const REPORTER_INPUT: Record<CoverageReporter, Pick<RoutingInput, "reporterRole" | "victimConsentPolice">> = {
  victim_consenting: { reporterRole: "victim", victimConsentPolice: "yes" },
  victim_not_consenting: { reporterRole: "victim", victimConsentPolice: "no" },
  someone_else: { reporterRole: "witness", victimConsentPolice: null },
};

export const COVERAGE_PROBLEMS = [
  "child_without_child_protection",
  "without_coordinating_agency",
  "p0_without_law_enforcement_primary",
  "refusal_overridden_below_p0",
  "caught_only_by_fallback",
] as const;
export type CoverageProblem = (typeof COVERAGE_PROBLEMS)[number];

export type Combination = {
  situations: readonly Situation[];
  child: (typeof CHILD_INVOLVED)[number];
  priority: (typeof PRIORITIES)[number];
  classification: (typeof CLASSIFICATIONS)[number];
  reporter: CoverageReporter;
  country: string;
};

export type Outcome = {
  /** Agency slugs, in the order routing decided them. */
  primary: string[];
  notify: string[];
  /** Law enforcement the rules named and the victim's refusal held back. */
  withheld: string[];
  /** Routed by an invariant (child protection, coordinating agency, fallback), not by a rule. */
  byInvariant: string[];
  problems: CoverageProblem[];
};

export type CoverageRow = Combination & Outcome;

export type CoverageReport = {
  countries: string[];
  coordinatingAgency: string | null;
  fallbackAgency: string | null;
  combinations: number;
  /** How many combinations show each problem; a combination may show several. */
  problems: Record<CoverageProblem, number>;
  flagged: number;
  rows: CoverageRow[];
};

export const combinationsFor = (countries: readonly string[]): Combination[] =>
  COVERAGE_SITUATIONS.flatMap((situations) =>
    CHILD_INVOLVED.flatMap((child) =>
      PRIORITIES.flatMap((priority) =>
        CLASSIFICATIONS.flatMap((classification) =>
          COVERAGE_REPORTERS.flatMap((reporter) =>
            countries.map((country) => ({ situations, child, priority, classification, reporter, country })),
          ),
        ),
      ),
    ),
  );

const inputOf = (c: Combination): RoutingInput => ({
  country: c.country,
  region: null,
  situations: [...c.situations],
  childInvolved: c.child,
  ...REPORTER_INPUT[c.reporter],
  disclosure: "anonymous",
  language: "fr",
  otherCountries: [],
  priority: c.priority,
  classification: c.classification,
});

/**
 * Runs the routing intake runs over every combination and checks each outcome against the safety rules, which
 * the invariants should make hold: the checks are there for the day a change to routing breaks one.
 */
export const coverageReport = (
  table: RoutingTable,
  countries: readonly string[],
  routing: typeof route = route,
): CoverageReport => {
  const agencyById = new Map(table.agencies.map((a) => [a.id, a]));
  const slugOf = (id: string) => agencyById.get(id)?.slug ?? id;
  const isLawEnforcement = (id: string) => LAW_ENFORCEMENT_KINDS.includes(agencyById.get(id)?.kind ?? "");
  const coordinating = table.agencies.find((a) => a.isCoordinating) ?? null;
  const fallback = table.agencies.find((a) => a.isFallback) ?? null;

  const problemsOf = (c: Combination, { routes }: RoutingResult): CoverageProblem[] => {
    const primaries = routes.filter((r) => r.role === "primary");
    const checks: Record<CoverageProblem, boolean> = {
      child_without_child_protection:
        involvesChild({ childInvolved: c.child }) &&
        !routes.some((r) => agencyById.get(r.agencyId)?.kind === "child_protection"),
      without_coordinating_agency: coordinating !== null && !routes.some((r) => r.agencyId === coordinating.id),
      p0_without_law_enforcement_primary: c.priority === "P0" && !primaries.some((r) => isLawEnforcement(r.agencyId)),
      refusal_overridden_below_p0:
        c.reporter === "victim_not_consenting" &&
        c.child === "no" &&
        c.priority !== "P0" &&
        routes.some((r) => isLawEnforcement(r.agencyId)),
      caught_only_by_fallback:
        primaries.length === 1 && primaries[0]?.agencyId === fallback?.id && primaries[0]?.ruleId === null,
    };
    return COVERAGE_PROBLEMS.filter((p) => checks[p]);
  };

  const rows = combinationsFor(countries).map((c): CoverageRow => {
    const result = routing(inputOf(c), table);
    return {
      ...c,
      primary: result.routes.filter((r) => r.role === "primary").map((r) => slugOf(r.agencyId)),
      notify: result.routes.filter((r) => r.role === "notify").map((r) => slugOf(r.agencyId)),
      withheld: [...new Set(result.withheld.map((w) => slugOf(w.agencyId)))],
      byInvariant: result.routes.filter((r) => r.ruleId === null).map((r) => slugOf(r.agencyId)),
      problems: problemsOf(c, result),
    };
  });
  const problems = Object.fromEntries(
    COVERAGE_PROBLEMS.map((p) => [p, rows.filter((r) => r.problems.includes(p)).length]),
  ) as Record<CoverageProblem, number>;
  return {
    countries: [...countries],
    coordinatingAgency: coordinating?.slug ?? null,
    fallbackAgency: fallback?.slug ?? null,
    combinations: rows.length,
    problems,
    flagged: rows.filter((r) => r.problems.length > 0).length,
    rows,
  };
};
