import type { AppDb } from "../../../db/types.js";
import type { CoverageProblem } from "../../../routing/coverage.js";
import { coverageOfDatabase } from "../../../routing/coverage-of-database.js";
import { problemGroups } from "../../../routing/coverage-text.js";

export type CoverageFlags = {
  combinations: number;
  flagged: number;
  problems: { problem: CoverageProblem; combinations: number; where: string[] }[];
};

/** `rules coverage` on the rules intake runs now, reduced to its problems for the page. */
export const coverageFlags = async (db: AppDb): Promise<CoverageFlags> => {
  const report = await coverageOfDatabase(db);
  return {
    combinations: report.combinations,
    flagged: report.flagged,
    problems: problemGroups(report).map(({ problem, combinations, where }) => ({ problem, combinations, where })),
  };
};
