import { asc } from "drizzle-orm";
import { type Context, Hono } from "hono";
import { agencies } from "../../../db/schema.js";
import type { Services } from "../../../deps.js";
import { dryRun } from "../../../routing/dry-run.js";
import {
  createRule,
  deleteRule,
  findRule,
  listRules,
  moveRule,
  type RuleEditResult,
  setRuleEnabled,
  updateRule,
} from "../../../routing/edit.js";
import { IMMUTABLE } from "../../assets/routes.js";
import { requireRole, requireViewer } from "../../guard.js";
import { errorPage } from "../../pages/errors.js";
import { textOf } from "../../render.js";
import type { ConsoleEnv, ViewerEnv } from "../../types.js";
import { coverageFlags } from "./coverage.js";
import { listPage, RULE_DONE, type RuleDone } from "./list-page.js";
import { draftOf, formOfRule, type RuleForm, ruleErrors, ruleFormOf } from "./rule-draft.js";
import { RULES_PATH, rulePage } from "./rule-page.js";
import { RULES_CSS, RULES_CSS_PATH } from "./rules-css.js";
import { answersOfTip, formOfTip, parseTryForm, TRY_LIST_FIELDS, tryFieldId } from "./try-answers.js";
import { tryPage } from "./try-page.js";
import type { TryResult } from "./try-result.js";

const agencyChoices = (services: Services) =>
  services.db
    .select({ id: agencies.id, name: agencies.name, slug: agencies.slug, disabled: agencies.disabled })
    .from(agencies)
    .orderBy(asc(agencies.name));

const formOf = async (c: Context<ViewerEnv>, lists?: readonly string[]) =>
  ruleFormOf(await c.req.parseBody({ all: true }), lists);

const isDone = (value: string | undefined): value is RuleDone => RULE_DONE.includes(value as RuleDone);

/** Where a change sends the member: the list, with the change said, or the form again with its messages. */
const afterEdit = async (
  c: Context<ViewerEnv>,
  services: Services,
  result: RuleEditResult,
  done: RuleDone,
  again: { ruleId: string | null; form: RuleForm },
) => {
  if (result.ok) return c.redirect(`${RULES_PATH}?done=${done}`, 303);
  if (result.reason === "not_found") return errorPage(c, "notFound");
  return rulePage(c, {
    ...again,
    errors: ruleErrors(textOf(c), result.errors),
    agencies: await agencyChoices(services),
  });
};

const tryResult = async (services: Services, run: TryResult["run"], fromTip: string | null): Promise<TryResult> => ({
  run,
  fromTip,
  agencyNames: new Map((await agencyChoices(services)).map((a) => [a.id, a.name])),
});

/**
 * /console/admin/rules: admins change the rules; supervisors read them and try sample tips. The rules
 * intake reads are cached for `services.cacheTtlMs` (the page says so); a tip already received keeps its routes.
 */
export const rulesAdminRoutes = (services: Services) => {
  const readers = [requireViewer(services), requireRole("admin", "supervisor")] as const;
  const admins = [requireViewer(services), requireRole("admin")] as const;
  const actor = (c: Context<ViewerEnv>) => ({ db: services.db, actor: c.var.viewer.id, now: services.now() });
  const byTip = (c: Context<ViewerEnv>) => c.var.viewer.role === "supervisor";
  return (
    new Hono<ConsoleEnv>()
      // Public, as the console's other assets: a stylesheet says nothing about the rules.
      .get(RULES_CSS_PATH.replace(RULES_PATH, ""), (c) =>
        c.body(RULES_CSS, 200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": IMMUTABLE }),
      )
      .get("/", ...readers, async (c) => {
        const done = c.req.query("done");
        return listPage(c, {
          rules: await listRules(services.db),
          coverage: await coverageFlags(services.db),
          cacheSeconds: Math.ceil(services.cacheTtlMs / 1000),
          done: isDone(done) ? done : null,
        });
      })
      .get("/try", ...readers, (c) => tryPage(c, { form: {}, errors: [], result: null, byTip: byTip(c) }))
      .post("/try", ...readers, async (c) => {
        const form = await formOf(c, TRY_LIST_FIELDS);
        const parsed = parseTryForm(textOf(c), form);
        if ("errors" in parsed) return tryPage(c, { form, errors: parsed.errors, result: null, byTip: byTip(c) });
        const run = dryRun(parsed.tip, await services.routingTable());
        return tryPage(c, { form, errors: [], result: await tryResult(services, run, null), byTip: byTip(c) });
      })
      // Admins read no tip (README, "What each role can see"): starting from one is for supervisors.
      .post("/try/tip", requireViewer(services), requireRole("supervisor"), async (c) => {
        const form = await formOf(c);
        const tipId = typeof form.tipId === "string" ? form.tipId.trim() : "";
        const found = tipId
          ? await answersOfTip(services.db, services.keys, c.var.viewer, tipId, services.now())
          : null;
        if (!found || "problem" in found) {
          const t = textOf(c);
          const message = found?.problem === "old_tip" ? t("rules.try.error.oldTip") : t("rules.try.error.tipId");
          return tryPage(c, { form, errors: [{ field: tryFieldId("tipId"), message }], result: null, byTip: true });
        }
        const run = dryRun(found.tip, await services.routingTable());
        return tryPage(c, {
          form: { ...formOfTip(found.tip), tipId },
          errors: [],
          result: await tryResult(services, run, tipId),
          byTip: true,
        });
      })
      .get("/new", ...admins, async (c) =>
        rulePage(c, { ruleId: null, form: {}, errors: [], agencies: await agencyChoices(services) }),
      )
      .post("/", ...admins, async (c) => {
        const form = await formOf(c);
        const result = await createRule(actor(c), draftOf(form));
        return afterEdit(c, services, result, "create", { ruleId: null, form });
      })
      .get("/:id/edit", ...admins, async (c) => {
        const rule = await findRule(services.db, c.req.param("id"));
        if (!rule) return errorPage(c, "notFound");
        return rulePage(c, {
          ruleId: rule.id,
          form: formOfRule(rule),
          errors: [],
          agencies: await agencyChoices(services),
        });
      })
      .post("/:id", ...admins, async (c) => {
        const ruleId = c.req.param("id");
        const form = await formOf(c);
        const result = await updateRule(actor(c), ruleId, draftOf(form));
        return afterEdit(c, services, result, "update", { ruleId, form });
      })
      .post("/:id/move", ...admins, async (c) => {
        const direction = (await formOf(c)).direction;
        if (direction !== "up" && direction !== "down") return errorPage(c, "form");
        const result = await moveRule(actor(c), c.req.param("id"), direction);
        return afterEdit(c, services, result, "move", { ruleId: null, form: {} });
      })
      .post("/:id/enabled", ...admins, async (c) => {
        const enabled = (await formOf(c)).enabled;
        if (enabled !== "yes" && enabled !== "no") return errorPage(c, "form");
        const result = await setRuleEnabled(actor(c), c.req.param("id"), enabled === "yes");
        return afterEdit(c, services, result, enabled === "yes" ? "on" : "off", { ruleId: null, form: {} });
      })
      .post("/:id/delete", ...admins, async (c) => {
        const result = await deleteRule(actor(c), c.req.param("id"));
        return afterEdit(c, services, result, "delete", { ruleId: null, form: {} });
      })
  );
};
