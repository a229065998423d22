import { agencies, partners } from "../db/schema.js";
import type { AppDb } from "../db/types.js";
import { type CoverageReport, coverageReport } from "./coverage.js";
import type { RoutingTable } from "./index.js";
import { loadRoutingTable } from "./load.js";

/** Where tips may come from: every country a partner offers, an agency serves or a rule names. */
const countriesOf = async (db: AppDb, table: RoutingTable) => {
  const [partnerRows, agencyRows] = await Promise.all([
    db.select({ countries: partners.countries }).from(partners),
    db.select({ country: agencies.country }).from(agencies),
  ]);
  return [
    ...new Set([
      ...partnerRows.flatMap((p) => p.countries),
      ...agencyRows.map((a) => a.country),
      ...table.rules.flatMap((r) => r.conditions.countries ?? []),
    ]),
  ].sort();
};

/** The coverage of the rules intake runs now: the table as loaded from the database, not a deployment file. */
export const coverageOfDatabase = async (db: AppDb): Promise<CoverageReport> => {
  const table = await loadRoutingTable(db);
  return coverageReport(table, await countriesOf(db, table));
};
