import { codePointLength, SHORT_TEXT_MAX } from "@balagh/shared";
import { Hono } from "hono";
import type { Services } from "../../deps.js";
import { type RerouteProblem, rerouteChoices, rerouteTip } from "../../tips/reroute.js";
import { requireViewer } from "../guard.js";
import type { Translate } from "../i18n.js";
import { errorPage } from "../pages/errors.js";
import { textOf } from "../render.js";
import type { ConsoleEnv } from "../types.js";
import type { FieldError } from "../ui/forms.js";
import { formValues } from "./act.js";
import { reroutePage, reroutePath } from "./reroute-page.js";

const PROBLEM_MESSAGE: Record<RerouteProblem, Parameters<Translate>[0]> = {
  change: "reroute.error.change",
  agency: "reroute.error.agency",
  role: "tip.error.choice",
  already: "reroute.error.already",
  notRouted: "reroute.error.notRouted",
  lastPrimary: "reroute.error.lastPrimary",
  coordinating: "reroute.error.coordinating",
};

const reasonMessage = (t: Translate, reason: string) => {
  if (reason.trim() === "") return t("tip.error.emptyReason");
  const length = codePointLength(reason);
  return length > SHORT_TEXT_MAX ? t("tip.error.tooLong", { length, max: SHORT_TEXT_MAX }) : t("tip.error.control");
};

const errorOf = (t: Translate, field: string, message: string, reason: string): FieldError =>
  field === "reason"
    ? { field, message: reasonMessage(t, reason) }
    : { field, message: t(PROBLEM_MESSAGE[message as RerouteProblem] ?? "tip.error.choice") };

/**
 * GET and POST /console/tips/:id/agencies: supervisors add an agency to a tip or remove one. A tip
 * outside the member's scope is a 404 like a missing one; a role that may not re-route gets 403.
 */
export const rerouteRoutes = (services: Services) =>
  new Hono<ConsoleEnv>()
    .get("/tips/:id/agencies", requireViewer(services), async (c) => {
      const tipId = c.req.param("id");
      const choices = await rerouteChoices(services.db, c.var.viewer, tipId);
      if (!choices.found) return errorPage(c, "notFound");
      if (!choices.allowed) return errorPage(c, "forbidden");
      return reroutePage(c, tipId, choices, { done: c.req.query("done") === "1" });
    })
    .post("/tips/:id/agencies", requireViewer(services), async (c) => {
      const tipId = c.req.param("id");
      const form = formValues(await c.req.parseBody());
      const result = await rerouteTip(
        { db: services.db, viewer: c.var.viewer, publicUrl: services.publicUrl, now: services.now() },
        tipId,
        { change: form.change ?? "", agencySlug: form.agency ?? "", role: form.role ?? "", reason: form.reason ?? "" },
      );
      if (result.ok) return c.redirect(`${reroutePath(tipId)}?done=1`, 303);
      if (result.reason !== "invalid") return errorPage(c, result.reason === "not_found" ? "notFound" : "forbidden");
      const choices = await rerouteChoices(services.db, c.var.viewer, tipId);
      if (!choices.found || !choices.allowed) return errorPage(c, "notFound");
      const errors = [errorOf(textOf(c), result.field, result.message, form.reason ?? "")];
      return reroutePage(c, tipId, choices, { values: form, errors });
    });
