import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { captchaRoutes } from "./captcha/routes.js";
import { IMMUTABLE } from "./console/assets/routes.js";
import { consoleRoutes } from "./console/routes.js";
import { deliveryRoutes } from "./delivery/routes.js";
import { type AppDeps, resolveServices } from "./deps.js";
import { followupRoutes } from "./followup/routes.js";
import { healthRoutes } from "./health/routes.js";
import { notFound, onError } from "./http/errors.js";
import { intakeRoutes } from "./intake/routes.js";
import { partnerRoutes } from "./partners/routes.js";
import { HCAPTCHA_SCRIPT_URL } from "./security/captcha/hcaptcha.js";
import { widgetRoutes } from "./widget/routes.js";

export type { AppDeps } from "./deps.js";

/** The one app, shared by Node, workerd and the tests; it uses Web APIs only. */
export const createApp = (deps: AppDeps) => {
  const services = resolveServices(deps);
  const app = new Hono();
  // No X-Frame-Options: the widget page is framed by partners, governed by its CSP frame-ancestors.
  // overwrite: false, so that the console keeps its own Referrer-Policy (console/headers.ts says why).
  app.use(
    secureHeaders({
      referrerPolicy: "no-referrer",
      crossOriginResourcePolicy: false,
      xFrameOptions: false,
      overwrite: false,
    }),
  );
  app.use(async (c, next) => {
    await next();
    // Nothing a reporter sends or receives may stay in a browser or proxy cache; only a file named by its content may.
    // On the headers in place, as secureHeaders does: c.header() on a finished response copies it into a new one,
    // which on Node costs more than a refused request's whole check.
    if (c.res.headers.get("Cache-Control") !== IMMUTABLE) c.res.headers.set("Cache-Control", "no-store");
  });
  app.route("/", healthRoutes(services));
  app.route("/api/v1", partnerRoutes(services));
  app.route("/api/v1", captchaRoutes(services));
  app.route("/api/v1", intakeRoutes(services));
  app.route("/api/v1", followupRoutes(services));
  app.route("/api/v1", deliveryRoutes(services));
  app.route("/console", consoleRoutes(services));
  app.route("/", widgetRoutes(services, deps.widget ?? null, deps.config.hcaptchaScriptUrl ?? HCAPTCHA_SCRIPT_URL));
  app.notFound(notFound);
  app.onError(onError(services.log));
  return app;
};

export type App = ReturnType<typeof createApp>;
