import { tipSchema } from "@balagh/shared";
import { coverageOfDatabase } from "../routing/coverage-of-database.js";
import { formatCoverage, outcomeGroups, problemGroups } from "../routing/coverage-text.js";
import { dryRun } from "../routing/dry-run.js";
import { loadRoutingTable } from "../routing/load.js";
import { type CliContext, UsageError } from "./context.js";

/** What a command prints, with the exit code it ends with. */
export class ExitWith {
  constructor(
    readonly code: number,
    readonly value: unknown,
  ) {}
}

/** Distinct from 1 (an error) and 2 (usage), so a script can tell a gap in the rules from a failure. */
export const COVERAGE_PROBLEM_EXIT = 3;

export const rulesCoverage = async (ctx: CliContext, json: boolean) => {
  const report = await coverageOfDatabase(ctx.db);
  const code = report.flagged > 0 ? COVERAGE_PROBLEM_EXIT : 0;
  if (!json) return new ExitWith(code, formatCoverage(report));
  const { rows, ...summary } = report;
  const outcomes = outcomeGroups(report);
  return new ExitWith(code, {
    summary: { ...summary, outcomes: outcomes.length },
    problems: problemGroups(report),
    outcomes,
    combinations: rows,
  });
};

/** `rules try`: the tip on standard input (the `tip` of POST /api/v1/tips) through triage and routing, written nowhere. */
export const rulesTry = async (ctx: CliContext, input: string, json: boolean) => {
  let raw: unknown;
  try {
    raw = JSON.parse(input);
  } catch {
    throw new UsageError("rules try reads a tip as JSON on standard input (the `tip` of POST /api/v1/tips)");
  }
  const tip = tipSchema.safeParse(raw);
  if (!tip.success) {
    const problems = tip.error.issues.map((i) => `  ${i.path.join(".") || "tip"}: ${i.message}`).join("\n");
    throw new UsageError(`the tip on standard input is not valid:\n${problems}`);
  }
  const table = await loadRoutingTable(ctx.db);
  const result = dryRun(tip.data, table);
  const slugs = new Map(table.agencies.map((a) => [a.id, a.slug]));
  const named = <T extends { agencyId: string }>(entries: T[]) =>
    entries.map((e) => ({ ...e, agency: slugs.get(e.agencyId) ?? e.agencyId }));
  const answer = {
    triage: result.triage,
    fired: named(result.fired),
    addedByInvariants: named(result.addedByInvariants),
    withheld: named(result.withheld),
    routes: named(result.routes),
  };
  return json ? answer : formatDryRun(answer);
};

type Named = { agency: string };

const formatDryRun = (r: {
  triage: { priority: string; classification: string; reasons: { signal: string; evidence: string }[] };
  fired: (Named & { name: string; role: string; outcome: string })[];
  addedByInvariants: (Named & { role: string; reason: string })[];
  withheld: (Named & { reason: string })[];
  routes: (Named & { role: string; reason: string })[];
}) =>
  [
    `Triage: ${r.triage.priority}, ${r.triage.classification}`,
    ...r.triage.reasons.map((reason) => `  ${reason.signal}: ${reason.evidence}`),
    "Rules that fired, in order:",
    ...(r.fired.length === 0 ? ["  none"] : r.fired.map((f) => `  ${f.name} → ${f.agency} (${f.role}): ${f.outcome}`)),
    "Added by the invariants:",
    ...(r.addedByInvariants.length === 0 ? ["  none"] : r.addedByInvariants.map((a) => `  ${a.agency}: ${a.reason}`)),
    "Withheld:",
    ...(r.withheld.length === 0 ? ["  none"] : r.withheld.map((w) => `  ${w.agency}: ${w.reason}`)),
    "Routes:",
    ...r.routes.map((route) => `  ${route.agency} (${route.role}): ${route.reason}`),
    "",
  ].join("\n");
