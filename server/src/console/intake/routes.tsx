import { Hono } from "hono";
import type { Services } from "../../deps.js";
import { enterTipByStaff } from "../../tips/intake-by-staff.js";
import { IMMUTABLE } from "../assets/routes.js";
import { requireRole, requireViewer } from "../guard.js";
import { textOf } from "../render.js";
import type { ConsoleEnv } from "../types.js";
import { entryOf, fieldErrorsOf, intakeFormOf } from "./answers.js";
import { FIELD_ORDER } from "./field-order.js";
import { intakeFormPage } from "./form-page.js";
import { alreadyEnteredPage, receiptPage } from "./receipt-page.js";
import { INTAKE_CSS, INTAKE_CSS_PATH } from "./style.js";

/** /console/intake: tips taken by phone, in person or by referral (issue 11), by supervisors and agency officers. */
export const intakeRoutes = (services: Services) => {
  const members = [requireViewer(services), requireRole("supervisor", "agent")] as const;
  return new Hono<ConsoleEnv>()
    .get(INTAKE_CSS_PATH.replace("/console/intake", ""), (c) =>
      c.body(INTAKE_CSS, 200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": IMMUTABLE }),
    )
    .get("/", ...members, (c) => intakeFormPage(c, { tipId: crypto.randomUUID(), values: {}, errors: [] }))
    .post("/", ...members, async (c) => {
      const form = intakeFormOf(await c.req.parseBody({ all: true }));
      const result = await enterTipByStaff(services, c.var.viewer, entryOf(form));
      if (result.ok) {
        return receiptPage(c, { tipId: result.tipId, receipt: result.receipt, visible: result.visibleToViewer });
      }
      if (result.reason === "already_entered") return alreadyEnteredPage(c);
      if (result.reason === "not_allowed")
        throw new Error("the role check let a member through that may not enter tips");
      const errors = fieldErrorsOf(textOf(c), result.issues, form, FIELD_ORDER);
      const stale = result.issues.some((issue) => issue.path === "tipId");
      return intakeFormPage(c, { tipId: stale ? crypto.randomUUID() : String(form.tipId ?? ""), values: form, errors });
    });
};
