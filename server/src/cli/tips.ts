import { asc, desc, eq, sql } from "drizzle-orm";
import { agencies, partners, tipRoutes, tips } from "../db/schema.js";
import { openTipFields } from "../tips/sealing.js";
import { type CliContext, UsageError } from "./context.js";

const summary = {
  id: tips.id,
  createdAt: tips.createdAt,
  partner: partners.key,
  status: tips.status,
  priority: tips.priority,
  classification: tips.classification,
  country: tips.country,
  language: tips.language,
  dangerNow: tips.dangerNow,
  childInvolved: tips.childInvolved,
  situations: tips.situations,
};

export const listTips = async ({ db }: CliContext) =>
  db
    .select(summary)
    .from(tips)
    .innerJoin(partners, eq(tips.partnerId, partners.id))
    .orderBy(desc(tips.createdAt))
    .limit(1000);

/** Operators only: the decrypted tip, returned exactly as stored (never rendered or interpreted). */
export const showTip = async (ctx: CliContext, id: string) => {
  const [row] = await ctx.db.select().from(tips).where(eq(tips.id, id)).limit(1);
  if (!row) throw new UsageError(`no tip with id ${id}`);
  const routes = await ctx.db
    .select({ agency: agencies.slug, role: tipRoutes.role, rule: tipRoutes.ruleId, reason: tipRoutes.reason })
    .from(tipRoutes)
    .innerJoin(agencies, eq(tipRoutes.agencyId, agencies.id))
    .where(eq(tipRoutes.tipId, id))
    .orderBy(sql`${tipRoutes.role} <> 'primary'`, asc(agencies.slug));
  const {
    narrativeSealed: _narrative,
    locationSealed: _location,
    peopleSealed: _people,
    detailsSealed: _details,
    contactSealed: _contact,
    reasonsSealed: _reasons,
    reasons: _quoteless,
    legacyRegion: _legacy,
    receiptHash: _receipt,
    ...codes
  } = row;
  return {
    ...codes,
    ...(await openTipFields(await ctx.keys(), id, row)),
    routes,
  };
};
