import { asc, eq } from "drizzle-orm";
import { agencies, routingRules } from "../db/schema.js";
import type { AppDb } from "../db/types.js";
import type { RoutingTable } from "./index.js";
import { ruleConditionsSchema } from "./rules.js";

export const loadRoutingTable = async (db: AppDb): Promise<RoutingTable> => {
  const [rules, agencyRows] = await Promise.all([
    db.select().from(routingRules).where(eq(routingRules.enabled, true)).orderBy(asc(routingRules.position)),
    db
      .select({
        id: agencies.id,
        slug: agencies.slug,
        kind: agencies.kind,
        isFallback: agencies.isFallback,
        isCoordinating: agencies.isCoordinating,
      })
      .from(agencies)
      // A disabled agency keeps its past tips but receives no new ones, by rule, invariant or fallback.
      .where(eq(agencies.disabled, false)),
  ]);
  const inUse = new Set(agencyRows.map((a) => a.id));
  return {
    // A rule whose conditions no longer parse is skipped rather than matched too widely.
    rules: rules.flatMap((r) => {
      const conditions = ruleConditionsSchema.safeParse(r.conditions);
      return conditions.success && inUse.has(r.agencyId)
        ? [{ id: r.id, name: r.name, conditions: conditions.data, agencyId: r.agencyId, role: r.role }]
        : [];
    }),
    agencies: agencyRows,
  };
};
