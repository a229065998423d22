import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { captchaRoutes } from "./captcha/routes.js";
import { type AppDeps, resolveServices } from "./deps.js";
import { healthRoutes } from "./health/routes.js";
import { notFound, onError } from "./http/errors.js";
import { intakeRoutes } from "./intake/routes.js";
import { partnerRoutes } from "./partners/routes.js";

export type { AppDeps } from "./deps.js";

/** The one app, shared by Node, workerd and the tests; it uses Web APIs only. */
export const createApp = (deps: AppDeps) => {
  const services = resolveServices(deps);
  const app = new Hono();
  app.use(secureHeaders({ referrerPolicy: "no-referrer", crossOriginResourcePolicy: false }));
  app.use(async (c, next) => {
    await next();
    // Nothing a reporter sends or receives may stay in a browser or proxy cache.
    c.header("Cache-Control", "no-store");
  });
  app.route("/", healthRoutes(services));
  app.route("/api/v1", partnerRoutes(services));
  app.route("/api/v1", captchaRoutes(services));
  app.route("/api/v1", intakeRoutes(services));
  app.notFound(notFound);
  app.onError(onError(services.log));
  return app;
};

export type App = ReturnType<typeof createApp>;
