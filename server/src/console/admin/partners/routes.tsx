import { Hono } from "hono";
import type { Services } from "../../../deps.js";
import { createPartner, partnerValues, setPartnerDisabled, updatePartner } from "../../../partners/changes.js";
import { inputOf } from "../../../partners/fields.js";
import { allPartners, partnerByKey } from "../../../partners/repository.js";
import { readHotlineSettings } from "../../../settings/hotline.js";
import { requireRole, requireViewer } from "../../guard.js";
import { errorPage } from "../../pages/errors.js";
import { textOf } from "../../render.js";
import type { ConsoleEnv } from "../../types.js";
import { partnerAssetRoutes } from "./assets.js";
import { EMPTY_PARTNER, partnerFormPage } from "./form-page.js";
import { fieldErrorsOf, partnerInputOf } from "./form-values.js";
import { kitPage, PARTNER_DONE, type PartnerDone } from "./kit-page.js";
import { partnerListPage } from "./list-page.js";
import { POSTER_LANGUAGES, POSTER_SIZES, type PosterLanguage, type PosterSize, partnerPath } from "./paths.js";
import { posterPage } from "./poster-page.js";

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | null =>
  (values as readonly string[]).includes(value ?? "") ? (value as T) : null;

/**
 * /console/admin/partners: admins only. A partner is never deleted (its tips keep it): it is
 * disabled, and its widget and intake then answer as for an unknown key.
 */
export const partnersAdminRoutes = (services: Services) => {
  const actorOf = (id: string) => ({ db: services.db, actor: id, now: services.now() });
  return new Hono<ConsoleEnv>()
    .route("/", partnerAssetRoutes())
    .use("*", requireViewer(services), requireRole("admin"))
    .get("/", async (c) => partnerListPage(c, await allPartners(services.db)))
    .get("/new", (c) => partnerFormPage(c, { key: null, values: EMPTY_PARTNER, errors: [] }))
    .post("/new", async (c) => {
      const values = partnerInputOf(await c.req.parseBody({ all: true }));
      const result = await createPartner(actorOf(c.var.viewer.id), values);
      if (result.ok) return c.redirect(partnerPath(result.key, "?done=created"), 303);
      if ("notFound" in result) return errorPage(c, "notFound");
      return partnerFormPage(c, { key: null, values, errors: fieldErrorsOf(textOf(c), result.problems) });
    })
    .get("/:key", async (c) => {
      const partner = await partnerByKey(services.db, c.req.param("key"));
      if (!partner) return errorPage(c, "notFound");
      return kitPage(c, {
        partner,
        publicUrl: services.publicUrl,
        cacheSeconds: Math.ceil(services.cacheTtlMs / 1000),
        done: oneOf<PartnerDone>(PARTNER_DONE, c.req.query("done")),
      });
    })
    .get("/:key/edit", async (c) => {
      const partner = await partnerByKey(services.db, c.req.param("key"));
      if (!partner) return errorPage(c, "notFound");
      return partnerFormPage(c, { key: partner.key, values: inputOf(partnerValues(partner)), errors: [] });
    })
    .post("/:key/edit", async (c) => {
      const key = c.req.param("key");
      const values = partnerInputOf(await c.req.parseBody({ all: true }));
      const result = await updatePartner(actorOf(c.var.viewer.id), key, values);
      if (result.ok) return c.redirect(partnerPath(key, "?done=saved"), 303);
      if ("notFound" in result) return errorPage(c, "notFound");
      return partnerFormPage(c, { key, values: { ...values, key }, errors: fieldErrorsOf(textOf(c), result.problems) });
    })
    .post("/:key/:state{disable|enable}", async (c) => {
      const key = c.req.param("key");
      const disabled = c.req.param("state") === "disable";
      const result = await setPartnerDisabled(actorOf(c.var.viewer.id), key, disabled);
      if (!result.ok) return errorPage(c, "notFound");
      return c.redirect(partnerPath(key, `?done=${disabled ? "disabled" : "enabled"}`), 303);
    })
    .get("/:key/poster", async (c) => {
      const partner = await partnerByKey(services.db, c.req.param("key"));
      if (!partner) return errorPage(c, "notFound");
      return posterPage(c, {
        partner,
        publicUrl: services.publicUrl,
        size: oneOf<PosterSize>(POSTER_SIZES, c.req.query("size")) ?? "a4",
        language: oneOf<PosterLanguage>(POSTER_LANGUAGES, c.req.query("lang")) ?? "fr",
        freePhone: (await readHotlineSettings(services.db)).freePhone,
      });
    });
};
