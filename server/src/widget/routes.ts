import { LANGUAGES, type Language, partnerKey } from "@balagh/shared";
import { zValidator } from "@hono/zod-validator";
import { type Context, Hono } from "hono";
import { compress } from "hono/compress";
import { z } from "zod";
import type { Services } from "../deps.js";
import { ApiError, validationError } from "../http/errors.js";
import { partnerConfig } from "../partners/config.js";
import type { WidgetBuild } from "./build.js";
import { hcaptchaOrigins, PERMISSIONS_POLICY, widgetCsp } from "./headers.js";
import { widgetPage } from "./page.js";

const pageQuery = z.object({
  lang: z.enum(LANGUAGES).optional().catch(undefined),
  country: z.string().optional().catch(undefined),
});

const validQuery = zValidator("query", pageQuery);

const validParam = zValidator("param", z.object({ partnerKey }), (result) => {
  if (!result.success) throw validationError(result.error);
});

export const widgetRoutes = (services: Services, build: WidgetBuild | null, hcaptchaScriptUrl: string) => {
  const requireBuild = () => {
    if (!build) throw new ApiError(503, "service_unavailable", "The reporting form is not built on this server.");
    return build;
  };

  const render = async (c: Context, key: string, query: z.infer<typeof pageQuery>, mode: "iframe" | "page") => {
    const entry = requireBuild().entry;
    const partner = await services.partner(key);
    const config = partnerConfig(partner, services);
    const lang: Language = query.lang && config.languages.includes(query.lang) ? query.lang : config.defaultLanguage;
    const country = query.country && partner.countries.includes(query.country) ? query.country : null;
    c.header(
      "Content-Security-Policy",
      widgetCsp({
        // The iframe may sit only in the partner's own pages, and in the hotline's own console for
        // the partner kit's preview (its pages run none but the hotline's scripts); the full page in none.
        frameAncestors: mode === "iframe" ? [...partner.allowedOrigins, services.publicOrigin] : [],
        captchaOrigins: config.captcha.hcaptcha ? hcaptchaOrigins(hcaptchaScriptUrl) : [],
      }),
    );
    c.header("Permissions-Policy", PERMISSIONS_POLICY);
    return c.html(widgetPage({ config, mode, lang, country, hcaptchaScriptUrl }, entry));
  };

  const asset = async (path: string) => {
    const file = await requireBuild().asset(path);
    if (!file) throw new ApiError(404, "not_found", "There is nothing at this address.");
    return new Response(file.body, { headers: { "Content-Type": file.type, "X-Content-Type-Options": "nosniff" } });
  };

  // Only the form's pages and files are compressed: they reflect nothing a reporter sent, so no
  // BREACH-style guessing applies; on a 400 kbps line it is the difference between 23 and 63 KB.
  const gzip = compress();
  return new Hono()
    .use("/w/*", gzip)
    .use("/report/*", gzip)
    .use("/embed.js", gzip)
    .use("/assets/*", gzip)
    .get("/w/:partnerKey", validParam, validQuery, (c) =>
      render(c, c.req.valid("param").partnerKey, c.req.valid("query"), "iframe"),
    )
    .get("/report/:partnerKey", validParam, validQuery, (c) =>
      render(c, c.req.valid("param").partnerKey, c.req.valid("query"), "page"),
    )
    .get("/embed.js", () => asset("/embed.js"))
    .get("/assets/*", (c) => asset(c.req.path));
};
