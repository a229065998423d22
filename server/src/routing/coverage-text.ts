import { CHILD_INVOLVED } from "@balagh/shared";
import {
  COVERAGE_PROBLEMS,
  COVERAGE_REPORTERS,
  COVERAGE_SITUATIONS,
  type CoverageProblem,
  type CoverageReport,
  type CoverageRow,
} from "./coverage.js";
import { CLASSIFICATIONS, PRIORITIES } from "./rules.js";

const PROBLEM_TEXT: Record<CoverageProblem, string> = {
  child_without_child_protection: "a child case without child protection",
  without_coordinating_agency: "a tip the coordinating agency does not receive",
  p0_without_law_enforcement_primary: "a P0 without police, gendarmerie or coast guard as primary",
  refusal_overridden_below_p0: "an adult victim's refusal of police overridden below P0",
  caught_only_by_fallback: "caught only by the fallback agency",
};

type Dimension = { label: string; values: readonly string[]; of: (row: CoverageRow) => string; shown: string[] };

const situationKey = (situations: readonly string[]) => situations.join(" + ") || "none given";

const dimensionsOf = (report: CoverageReport): Dimension[] => {
  const dimension = (label: string, values: readonly string[], of: (row: CoverageRow) => string) => ({
    label,
    values,
    of,
    shown: [...values],
  });
  return [
    dimension("situation", COVERAGE_SITUATIONS.map(situationKey), (r) => situationKey(r.situations)),
    { ...dimension("child", CHILD_INVOLVED, (r) => r.child), shown: CHILD_INVOLVED.map((c) => c.replace("_", " ")) },
    dimension("", PRIORITIES, (r) => r.priority),
    dimension("", CLASSIFICATIONS, (r) => r.classification),
    {
      ...dimension("reporter", COVERAGE_REPORTERS, (r) => r.reporter),
      shown: COVERAGE_REPORTERS.map((r) => r.replaceAll("_", " ")),
    },
    dimension("country", report.countries, (r) => r.country),
  ];
};

/** Value indexes per dimension: a set of combinations that is the product of these. */
type Block = Set<number>[];
type Point = number[];

const sameExcept = (a: Block, b: Block, except: number) =>
  a.every((values, d) => d === except || (values.size === b[d]?.size && [...values].every((v) => b[d]?.has(v))));

/**
 * Describes a set of combinations as few products as it can ("P2, P3 · child no"): a set that is the product of
 * its values along each dimension is one block, otherwise it splits along the first dimension that varies and
 * merges the parts that only differ there.
 */
const blocksOf = (points: Point[], dimensions: number): Block[] => {
  const projections: Block = Array.from({ length: dimensions }, (_, d) => new Set(points.map((p) => p[d] ?? 0)));
  const product = projections.reduce((n, values) => n * values.size, 1);
  if (product === points.length) return [projections];
  const split = projections.findIndex((values) => values.size > 1);
  const blocks: Block[] = [];
  for (const value of [...(projections[split] ?? [])].sort((a, b) => a - b)) {
    for (const block of blocksOf(
      points.filter((p) => p[split] === value),
      dimensions,
    )) {
      const same = blocks.find((b) => sameExcept(b, block, split));
      if (same) same[split]?.add(value);
      else blocks.push(block);
    }
  }
  return blocks;
};

const describeBlock = (block: Block, dimensions: Dimension[]) => {
  const parts = dimensions.flatMap((dimension, d) => {
    const values = [...(block[d] ?? [])].sort((a, b) => a - b);
    if (values.length === dimension.values.length) return [];
    const shown = values.map((v) => dimension.shown[v]).join(", ");
    return [dimension.label ? `${dimension.label}: ${shown}` : shown];
  });
  return parts.length > 0 ? parts.join(" · ") : "every combination";
};

const describeRows = (rows: CoverageRow[], dimensions: Dimension[]) => {
  const points = rows.map((row) => dimensions.map((d) => d.values.indexOf(d.of(row))));
  return blocksOf(points, dimensions.length).map((block) => describeBlock(block, dimensions));
};

const marked = (slugs: string[], byInvariant: string[]) =>
  [...slugs].sort().map((slug) => (byInvariant.includes(slug) ? `${slug}*` : slug));

const outcomeKey = (row: CoverageRow) =>
  JSON.stringify([marked(row.primary, row.byInvariant), marked(row.notify, row.byInvariant), [...row.withheld].sort()]);

const groupBy = (rows: CoverageRow[], key: (row: CoverageRow) => string) => {
  const groups = new Map<string, CoverageRow[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return [...groups.values()];
};

export type OutcomeGroup = {
  primary: string[];
  notify: string[];
  withheld: string[];
  byInvariant: string[];
  combinations: number;
  /** The combinations that lead to it, in as few lines as the grouping finds. */
  where: string[];
};
export type ProblemGroup = { problem: CoverageProblem; text: string; combinations: number; where: string[] };

/** Identical outcomes together, in the order their first combination comes (situation by situation). */
export const outcomeGroups = (report: CoverageReport): OutcomeGroup[] => {
  const dimensions = dimensionsOf(report);
  return groupBy(report.rows, outcomeKey).map((rows) => {
    const [first] = rows as [CoverageRow, ...CoverageRow[]];
    return {
      primary: [...first.primary].sort(),
      notify: [...first.notify].sort(),
      withheld: [...first.withheld].sort(),
      byInvariant: [...first.byInvariant].sort(),
      combinations: rows.length,
      where: describeRows(rows, dimensions),
    };
  });
};

export const problemGroups = (report: CoverageReport): ProblemGroup[] => {
  const dimensions = dimensionsOf(report);
  return COVERAGE_PROBLEMS.flatMap((problem) => {
    const flagged = report.rows.filter((r) => r.problems.includes(problem));
    if (flagged.length === 0) return [];
    return [
      { problem, text: PROBLEM_TEXT[problem], combinations: flagged.length, where: describeRows(flagged, dimensions) },
    ];
  });
};

const describeOutcome = (o: OutcomeGroup) => {
  const parts = [`primary ${marked(o.primary, o.byInvariant).join(", ") || "none"}`];
  if (o.notify.length > 0) parts.push(`notify ${marked(o.notify, o.byInvariant).join(", ")}`);
  if (o.withheld.length > 0) parts.push(`withheld without consent ${o.withheld.join(", ")}`);
  return parts.join(" · ");
};

export const coverageSummary = (report: CoverageReport, outcomes: number) =>
  [
    `Routing coverage: ${report.combinations} combinations of situation (${COVERAGE_SITUATIONS.length}) × child (${CHILD_INVOLVED.length}) × priority (${PRIORITIES.length}) × classification (${CLASSIFICATIONS.length}) × reporter (${COVERAGE_REPORTERS.length}) × country (${report.countries.length}: ${report.countries.join(", ")})`,
    "Each one anonymous, in French, with no region and no other country named.",
    `Coordinating agency: ${report.coordinatingAgency ?? "none"} · fallback: ${report.fallbackAgency ?? "none"}`,
    `${outcomes} distinct outcomes. Problems: ${report.flagged} of ${report.combinations} combinations flagged`,
    ...COVERAGE_PROBLEMS.map((p) => `  ${String(report.problems[p]).padStart(6)}  ${PROBLEM_TEXT[p]}`),
  ].join("\n");

/** The report for a hotline lead: problems first, then each distinct outcome with the combinations that lead to it. */
export const formatCoverage = (report: CoverageReport) => {
  const outcomes = outcomeGroups(report);
  const lines = [coverageSummary(report, outcomes.length), ""];
  for (const group of problemGroups(report)) {
    lines.push(`PROBLEM: ${group.text} (${group.combinations})`, ...group.where.map((w) => `  ${w}`), "");
  }
  lines.push("Outcomes (* = added by an invariant, not by a rule):", "");
  for (const [i, outcome] of outcomes.entries()) {
    lines.push(`${String(i + 1).padStart(3)}. ${describeOutcome(outcome)}  [${outcome.combinations}]`);
    lines.push(...outcome.where.map((w) => `       ${w}`));
  }
  return `${lines.join("\n")}\n`;
};
