import { type Context, Hono } from "hono";
import type { Services } from "../../../deps.js";
import {
  agencyChoices,
  changePlacement,
  createMember,
  findMember,
  listMembers,
  type MemberResult,
  resetSecondFactor,
  setDisabled,
} from "../../../staff/members.js";
import { requireRole, requireViewer } from "../../guard.js";
import { errorPage } from "../../pages/errors.js";
import { textOf } from "../../render.js";
import { formValues } from "../../tip/act.js";
import type { ConsoleEnv, ViewerEnv } from "../../types.js";
import { memberPath, staffListPage } from "./list-page.js";
import { isMemberAction, type MemberAction, memberPage } from "./member-page.js";
import { memberCreatedPage, newMemberPage } from "./new-page.js";
import { fieldErrorsOf } from "./problems.js";

/** /console/admin/staff: admins only; every change is audited with what it was before and after. */
export const staffAdminRoutes = (services: Services) => {
  const { db } = services;
  const showMember = async (c: Context<ViewerEnv>, id: string, extra: Partial<Parameters<typeof memberPage>[1]>) => {
    const member = await findMember(db, id);
    if (!member) return errorPage(c, "notFound");
    return memberPage(c, { member, agencies: await agencyChoices(db), done: null, ...extra });
  };

  const act = (c: Context<ViewerEnv>, action: MemberAction, id: string, form: Record<string, string>) => {
    const actor = c.var.viewer.id;
    const now = services.now();
    const placement = { role: form.role ?? "", agencyId: form.agency ?? "" };
    const run: Record<MemberAction, () => Promise<MemberResult>> = {
      placement: () => changePlacement(db, actor, id, placement, now),
      "second-factor": () => resetSecondFactor(db, actor, id, now),
      disable: () => setDisabled(db, actor, id, true, now),
      enable: () => setDisabled(db, actor, id, false, now),
    };
    return run[action]();
  };

  return new Hono<ConsoleEnv>()
    .use(requireViewer(services), requireRole("admin"))
    .get("/", async (c) => staffListPage(c, await listMembers(db)))
    .get("/new", async (c) => newMemberPage(c, { agencies: await agencyChoices(db), values: {}, errors: [] }))
    .post("/", async (c) => {
      const form = formValues(await c.req.parseBody());
      const values = { email: form.email ?? "", role: form.role ?? "", agencyId: form.agency ?? "" };
      const created = await createMember(db, c.var.viewer.id, values, services.now());
      if (created.ok) return memberCreatedPage(c, created);
      if (created.reason === "not_found") return errorPage(c, "notFound");
      const errors = fieldErrorsOf(textOf(c), created.refusals);
      return newMemberPage(c, { agencies: await agencyChoices(db), values, errors });
    })
    .get("/:id", (c) => {
      const done = c.req.query("done") ?? "";
      return showMember(c, c.req.param("id"), { done: isMemberAction(done) ? done : null });
    })
    .post("/:id/:action", async (c) => {
      const action = c.req.param("action");
      const id = c.req.param("id");
      if (!isMemberAction(action)) return errorPage(c, "notFound");
      const form = formValues(await c.req.parseBody());
      const result = await act(c, action, id, form);
      if (result.ok) return c.redirect(`${memberPath(id)}?done=${action}`, 303);
      if (result.reason === "not_found") return errorPage(c, "notFound");
      const values = action === "placement" ? { role: form.role ?? "", agencyId: form.agency ?? "" } : undefined;
      return showMember(c, id, { attempt: { values, errors: fieldErrorsOf(textOf(c), result.refusals) } });
    });
};
