import { desc, eq } from "drizzle-orm";
import { partners, tips } from "../db/schema.js";
import { readTip } from "../tips/read.js";
import { operator } from "../tips/scope.js";
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

/** Operators only: the decrypted tip, returned exactly as stored (never rendered or interpreted); the look is audited. */
export const showTip = async (ctx: CliContext, id: string) => {
  const view = await readTip(ctx.db, await ctx.keys(), operator, id);
  if (!view) throw new UsageError(`no tip with id ${id}`);
  const { content, routes, notes: _notes, links: _links, timeline: _timeline, partnerKey: _partner, ...codes } = view;
  return {
    ...codes,
    ...content,
    routes: routes.map((r) => ({ agency: r.slug, role: r.role, rule: r.ruleId, reason: r.reason })),
  };
};
