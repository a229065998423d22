import { coverageOfDatabase } from "../routing/coverage-of-database.js";
import { formatCoverage, outcomeGroups, problemGroups } from "../routing/coverage-text.js";
import type { CliContext } from "./context.js";

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
