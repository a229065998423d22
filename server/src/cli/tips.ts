import { desc, eq } from "drizzle-orm";
import { agencies, partners, tipRoutes, tips } from "../db/schema.js";
import { tipSealContext } from "../intake/store.js";
import { unseal } from "../security/seal.js";
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

const open = async (ctx: CliContext, id: string, field: string, sealed: string | null) =>
  sealed === null ? null : unseal(await ctx.keys(), tipSealContext(id, field), sealed);

/** Operators only: the decrypted tip, returned exactly as stored (never rendered or interpreted). */
export const showTip = async (ctx: CliContext, id: string) => {
  const [row] = await ctx.db.select().from(tips).where(eq(tips.id, id)).limit(1);
  if (!row) throw new UsageError(`no tip with id ${id}`);
  const routes = await ctx.db
    .select({ agency: agencies.slug, role: tipRoutes.role, rule: tipRoutes.ruleId, reason: tipRoutes.reason })
    .from(tipRoutes)
    .innerJoin(agencies, eq(tipRoutes.agencyId, agencies.id))
    .where(eq(tipRoutes.tipId, id));
  const { narrativeSealed, locationSealed, peopleSealed, detailsSealed, contactSealed, receiptHash: _, ...open_ } = row;
  return {
    ...open_,
    narrative: await open(ctx, id, "narrative", narrativeSealed),
    location: await open(ctx, id, "location", locationSealed),
    people: await open(ctx, id, "people", peopleSealed),
    details: await open(ctx, id, "details", detailsSealed),
    contact: await open(ctx, id, "contact", contactSealed),
    routes,
  };
};
