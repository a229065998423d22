import { boundedText, codePointLength } from "@balagh/shared";
import { asc, eq } from "drizzle-orm";
import { auditedBatch } from "../audit/append.js";
import { agencies, routingRules } from "../db/schema.js";
import type { AppDb } from "../db/types.js";
import { type RuleConditions, ruleConditionsSchema } from "./rules.js";

export const RULE_FIELDS = [
  "name",
  "agencyId",
  "role",
  "countries",
  "regions",
  "priorities",
  "child",
  "classifications",
  "situationsAny",
  "reporterRoles",
  "consent",
  "disclosures",
  "languages",
  "otherCountry",
] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

/** Why a field was refused; pages turn the code into words. */
export type RuleProblem =
  | "name_missing"
  | "name_too_long"
  | "name_control"
  | "agency_unknown"
  | "agency_disabled"
  | "role_unknown"
  | "value_unknown";

export type RuleDraft = { name: string; agencyId: string; role: string; conditions: Record<string, unknown> };

export type RuleEditResult =
  | { ok: true; id: string }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "invalid"; errors: { field: RuleField; problem: RuleProblem }[] };

export type StoredRule = {
  id: string;
  position: number;
  name: string;
  conditions: RuleConditions;
  agencyId: string;
  agencySlug: string;
  agencyName: string;
  role: "primary" | "notify";
  enabled: boolean;
};

/** Every rule, disabled ones included, in the order routing reads them. */
export const listRules = async (db: AppDb): Promise<StoredRule[]> => {
  const rows = await db
    .select({
      id: routingRules.id,
      position: routingRules.position,
      name: routingRules.name,
      conditions: routingRules.conditions,
      agencyId: routingRules.agencyId,
      agencySlug: agencies.slug,
      agencyName: agencies.name,
      role: routingRules.role,
      enabled: routingRules.enabled,
    })
    .from(routingRules)
    .innerJoin(agencies, eq(routingRules.agencyId, agencies.id))
    .orderBy(asc(routingRules.position), asc(routingRules.createdAt));
  // Stored conditions that no longer parse are shown as none; routing skips such a rule (load.ts).
  return rows.map((r) => ({ ...r, conditions: ruleConditionsSchema.safeParse(r.conditions).data ?? {} }));
};

export const findRule = async (db: AppDb, id: string) => (await listRules(db)).find((r) => r.id === id) ?? null;

const NAME_MAX = 200;

const validate = async (db: AppDb, draft: RuleDraft) => {
  const errors: { field: RuleField; problem: RuleProblem }[] = [];
  const name = draft.name.trim();
  if (name === "") errors.push({ field: "name", problem: "name_missing" });
  else if (codePointLength(name) > NAME_MAX) errors.push({ field: "name", problem: "name_too_long" });
  // Staff read the name as the reason of each route: no bidi override may make it read otherwise.
  else if (!boundedText(NAME_MAX).safeParse(name).success) errors.push({ field: "name", problem: "name_control" });
  const [agency] = await db
    .select({ id: agencies.id, disabled: agencies.disabled })
    .from(agencies)
    .where(eq(agencies.id, draft.agencyId));
  if (!agency) errors.push({ field: "agencyId", problem: "agency_unknown" });
  // A disabled agency receives nothing: a rule naming it would route tips nowhere.
  else if (agency.disabled) errors.push({ field: "agencyId", problem: "agency_disabled" });
  if (draft.role !== "primary" && draft.role !== "notify") errors.push({ field: "role", problem: "role_unknown" });
  const conditions = ruleConditionsSchema.safeParse(draft.conditions);
  if (!conditions.success) {
    const fields = new Set(conditions.error.issues.map((i) => String(i.path[0] ?? "")));
    for (const field of RULE_FIELDS.filter((f) => fields.has(f))) errors.push({ field, problem: "value_unknown" });
  }
  if (errors.length > 0 || !conditions.success) return { errors };
  return {
    errors,
    rule: { name, agencyId: draft.agencyId, role: draft.role as "primary" | "notify", conditions: conditions.data },
  };
};

/** What the audit log keeps of a rule: enough to read the change without the database of that day. */
const auditView = (rule: Omit<StoredRule, "id" | "agencySlug" | "agencyName"> & { agencySlug?: string }) => ({
  name: rule.name,
  agency: rule.agencySlug ?? rule.agencyId,
  role: rule.role,
  conditions: rule.conditions,
  enabled: rule.enabled,
  position: rule.position,
});

const slugOf = async (db: AppDb, agencyId: string) =>
  (await db.select({ slug: agencies.slug }).from(agencies).where(eq(agencies.id, agencyId)))[0]?.slug ?? agencyId;

type Ctx = { db: AppDb; actor: string; now: Date };

export const createRule = async (ctx: Ctx, draft: RuleDraft): Promise<RuleEditResult> => {
  const { errors, rule } = await validate(ctx.db, draft);
  if (!rule) return { ok: false, reason: "invalid", errors };
  const rules = await listRules(ctx.db);
  const position = Math.max(-1, ...rules.map((r) => r.position)) + 1;
  const id = crypto.randomUUID();
  const after = auditView({ ...rule, enabled: true, position, agencySlug: await slugOf(ctx.db, rule.agencyId) });
  await auditedBatch(
    ctx.db,
    (now) => [ctx.db.insert(routingRules).values({ id, position, ...rule, enabled: true, createdAt: now })],
    { actor: ctx.actor, action: "rule.create", subject: id, details: { before: null, after } },
    ctx.now,
  );
  return { ok: true, id };
};

export const updateRule = async (ctx: Ctx, id: string, draft: RuleDraft): Promise<RuleEditResult> => {
  const before = await findRule(ctx.db, id);
  if (!before) return { ok: false, reason: "not_found" };
  const { errors, rule } = await validate(ctx.db, draft);
  if (!rule) return { ok: false, reason: "invalid", errors };
  const after = auditView({ ...before, ...rule, agencySlug: await slugOf(ctx.db, rule.agencyId) });
  const previous = auditView(before);
  const changed = (Object.keys(after) as (keyof typeof after)[]).filter(
    (key) => JSON.stringify(previous[key]) !== JSON.stringify(after[key]),
  );
  await auditedBatch(
    ctx.db,
    () => [ctx.db.update(routingRules).set(rule).where(eq(routingRules.id, id))],
    { actor: ctx.actor, action: "rule.update", subject: id, details: { changed, before: previous, after } },
    ctx.now,
  );
  return { ok: true, id };
};

export const setRuleEnabled = async (ctx: Ctx, id: string, enabled: boolean): Promise<RuleEditResult> => {
  const before = await findRule(ctx.db, id);
  if (!before) return { ok: false, reason: "not_found" };
  await auditedBatch(
    ctx.db,
    () => [ctx.db.update(routingRules).set({ enabled }).where(eq(routingRules.id, id))],
    {
      actor: ctx.actor,
      action: enabled ? "rule.enable" : "rule.disable",
      subject: id,
      details: { before: auditView(before), after: auditView({ ...before, enabled }) },
    },
    ctx.now,
  );
  return { ok: true, id };
};

/** Swaps the rule with its neighbour; the first rule moved up (or the last down) stays where it is. */
export const moveRule = async (ctx: Ctx, id: string, direction: "up" | "down"): Promise<RuleEditResult> => {
  const rules = await listRules(ctx.db);
  const at = rules.findIndex((r) => r.id === id);
  const rule = rules[at];
  if (!rule) return { ok: false, reason: "not_found" };
  const other = rules[direction === "up" ? at - 1 : at + 1];
  if (!other) return { ok: true, id };
  // Positions may repeat (rows sharing one are ordered by creation): give both distinct ones from their order.
  const [first, second] = direction === "up" ? [at - 1, at] : [at, at + 1];
  await auditedBatch(
    ctx.db,
    () => [
      ...rules.map((r, i) =>
        ctx.db
          .update(routingRules)
          .set({ position: i === first ? second : i === second ? first : i })
          .where(eq(routingRules.id, r.id)),
      ),
    ],
    {
      actor: ctx.actor,
      action: "rule.move",
      subject: id,
      details: {
        before: auditView({ ...rule, position: at }),
        after: auditView({ ...rule, position: direction === "up" ? at - 1 : at + 1 }),
      },
    },
    ctx.now,
  );
  return { ok: true, id };
};

/** Tips keep their routes: tip_routes holds the rule's id as text, with no link that would cascade. */
export const deleteRule = async (ctx: Ctx, id: string): Promise<RuleEditResult> => {
  const before = await findRule(ctx.db, id);
  if (!before) return { ok: false, reason: "not_found" };
  await auditedBatch(
    ctx.db,
    () => [ctx.db.delete(routingRules).where(eq(routingRules.id, id))],
    { actor: ctx.actor, action: "rule.delete", subject: id, details: { before: auditView(before), after: null } },
    ctx.now,
  );
  return { ok: true, id };
};
