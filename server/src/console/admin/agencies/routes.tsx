import { type Context, Hono } from "hono";
import { agencyDeliveries, parseCursor, retryDeadDelivery } from "../../../agencies/deliveries.js";
import {
  type AgencyInput,
  type AgencyResult,
  createAgency,
  deleteAgency,
  editAgency,
  findAgency,
  listAgencies,
  setAgencyDisabled,
} from "../../../agencies/records.js";
import { clearWebhook, sendTestEvent, setWebhook } from "../../../agencies/webhook.js";
import type { Services } from "../../../deps.js";
import { requireRole, requireViewer } from "../../guard.js";
import { errorPage } from "../../pages/errors.js";
import { textOf } from "../../render.js";
import { type FormValues, formValues } from "../../tip/act.js";
import type { ConsoleEnv, ViewerEnv } from "../../types.js";
import { type AgencyView, agencyPage, isAgencyDone, newAgencyPage, webhookSecretPage } from "./agency-page.js";
import { deliveriesPage } from "./deliveries-page.js";
import { agencyListPage } from "./list-page.js";
import { AGENCIES_HOME, agencyPath, deliveriesPath } from "./paths.js";
import { agencyErrorsOf } from "./problems.js";

const inputOf = (form: FormValues): AgencyInput => ({
  name: form.name ?? "",
  kind: form.kind ?? "",
  country: form.country ?? "",
  phone: form.phone ?? "",
  unverified: form.unverified === "yes",
  fallback: form.fallback === "yes",
});

/** /console/admin/agencies: admins only; every change audited, the webhook's secret shown once. */
export const agenciesAdminRoutes = (services: Services) => {
  const { db } = services;
  const who = (c: Context<ViewerEnv>) => ({ actor: c.var.viewer.id, now: services.now() });

  const withAgency =
    (
      handler: (
        c: Context<ViewerEnv>,
        agency: NonNullable<Awaited<ReturnType<typeof findAgency>>>,
      ) => Promise<Response>,
    ) =>
    async (c: Context<ViewerEnv>) => {
      const agency = await findAgency(db, c.req.param("id") ?? "");
      return agency ? handler(c, agency) : errorPage(c, "notFound");
    };

  /** Done: back to the agency's page, which says so; refused: the page again, each message beside its field. */
  const answer = async (
    c: Context<ViewerEnv>,
    id: string,
    result: AgencyResult,
    done: string,
    refused: Omit<AgencyView, "agency">,
  ) => {
    if (result.ok) return c.redirect(`${agencyPath(id)}?done=${done}`, 303);
    if (result.reason === "not_found") return errorPage(c, "notFound");
    const agency = await findAgency(db, id);
    if (!agency) return errorPage(c, "notFound");
    return agencyPage(c, { agency, ...refused, errors: agencyErrorsOf(textOf(c), result.refusals) });
  };

  const setOrRotate = (rotate: boolean) =>
    withAgency(async (c, agency) => {
      const form = formValues(await c.req.parseBody());
      const url = rotate ? (agency.webhookUrl ?? "") : (form.url ?? "");
      const policy = { production: services.webhooks.production };
      const set = await setWebhook(db, services.keys, agency, url, policy, { ...who(c), rotate });
      if (set.ok) return webhookSecretPage(c, { agency, url: set.url, secret: set.secret, rotated: rotate });
      // The policy's reason is English; isolated, it reads left to right inside an Arabic sentence.
      const reason = `\u2066${set.error}\u2069`;
      const errors = [{ field: "url", message: textOf(c)("agencies.webhook.refused", { reason }) }];
      return agencyPage(c, { agency, errors, webhookUrl: url });
    });

  return new Hono<ConsoleEnv>()
    .use(requireViewer(services), requireRole("admin"))
    .get("/", async (c) => agencyListPage(c, await listAgencies(db), { deleted: c.req.query("done") === "delete" }))
    .get("/new", (c) => newAgencyPage(c, { values: {}, errors: [] }))
    .post("/", async (c) => {
      const form = formValues(await c.req.parseBody());
      const input = { ...inputOf(form), slug: form.slug ?? "" };
      const created = await createAgency(db, c.var.viewer.id, input, services.now());
      if (created.ok) return c.redirect(`${agencyPath(created.id)}?done=create`, 303);
      if (created.reason === "not_found") return errorPage(c, "notFound");
      return newAgencyPage(c, { values: input, errors: agencyErrorsOf(textOf(c), created.refusals) });
    })
    .get(
      "/:id",
      withAgency(async (c, agency) => {
        const done = c.req.query("done") ?? "";
        return agencyPage(c, { agency, done: isAgencyDone(done) ? done : null });
      }),
    )
    .post("/:id", async (c) => {
      const id = c.req.param("id");
      const input = inputOf(formValues(await c.req.parseBody()));
      const result = await editAgency(db, c.var.viewer.id, id, input, services.now());
      return answer(c, id, result, "edit", { values: input });
    })
    .post("/:id/disable", async (c) => {
      const id = c.req.param("id");
      return answer(c, id, await setAgencyDisabled(db, c.var.viewer.id, id, true, services.now()), "disable", {});
    })
    .post("/:id/enable", async (c) => {
      const id = c.req.param("id");
      return answer(c, id, await setAgencyDisabled(db, c.var.viewer.id, id, false, services.now()), "enable", {});
    })
    .post("/:id/delete", async (c) => {
      const id = c.req.param("id");
      const result = await deleteAgency(db, c.var.viewer.id, id, services.now());
      if (result.ok) return c.redirect(`${AGENCIES_HOME}?done=delete`, 303);
      return answer(c, id, result, "delete", {});
    })
    .post("/:id/webhook", setOrRotate(false))
    .post(
      "/:id/webhook/rotate",
      withAgency(async (c, agency) => {
        if (!agency.webhookUrl) return errorPage(c, "notFound");
        return setOrRotate(true)(c);
      }),
    )
    .post(
      "/:id/webhook/clear",
      withAgency(async (c, agency) => {
        await clearWebhook(db, agency, who(c));
        return c.redirect(`${agencyPath(agency.id)}?done=webhook-clear`, 303);
      }),
    )
    .post(
      "/:id/webhook/test",
      withAgency(async (c, agency) => {
        const tested = await sendTestEvent(db, services.keys, agency.id, services.webhooks, who(c));
        if (!tested) return errorPage(c, "notFound");
        return agencyPage(c, { agency, tested });
      }),
    )
    .get(
      "/:id/deliveries",
      withAgency(async (c, agency) => {
        const page = await agencyDeliveries(db, agency.id, parseCursor(c.req.query("after")));
        return deliveriesPage(c, { agency, page, retried: c.req.query("done") === "retry" });
      }),
    )
    .post(
      "/:id/deliveries/:delivery/retry",
      withAgency(async (c, agency) => {
        const retried = await retryDeadDelivery(
          db,
          c.var.viewer.id,
          agency.id,
          c.req.param("delivery") ?? "",
          services.now(),
        );
        if (!retried) return errorPage(c, "notFound");
        return c.redirect(`${deliveriesPath(agency.id)}?done=retry`, 303);
      }),
    );
};
