import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import type { Services } from "../deps.js";
import { isDatabaseError } from "../http/errors.js";
import { adminRoutes } from "./admin/routes.js";
import { assetRoutes } from "./assets/routes.js";
import { auditRoutes } from "./audit/routes.js";
import { sameOriginPosts } from "./guard.js";
import { consoleHeaders } from "./headers.js";
import { pageLanguage } from "./i18n.js";
import { intakeRoutes } from "./intake/routes.js";
import { errorPage } from "./pages/errors.js";
import { queueRoutes } from "./queue/routes.js";
import { accountRoutes } from "./routes/account.js";
import { signInRoutes } from "./routes/sign-in.js";
import { tipRoutes } from "./tip/routes.js";
import type { ConsoleEnv } from "./types.js";

/** Room for a long note and its fields; far less than a body meant to tie up the server. */
const MAX_FORM_BYTES = 256 * 1024;

/**
 * The staff console, mounted at /console. Pages, errors included, are HTML; the public API keeps
 * its JSON errors. Routes added later (the queue, the workspace) go behind `requireViewer`.
 */
export const consoleRoutes = (services: Services) =>
  new Hono<ConsoleEnv>()
    .use(consoleHeaders, pageLanguage, sameOriginPosts(services))
    .use(bodyLimit({ maxSize: MAX_FORM_BYTES, onError: (c) => errorPage(c, "form") }))
    .route("/", assetRoutes())
    .route("/", signInRoutes(services))
    .route("/", queueRoutes(services))
    .route("/", accountRoutes(services))
    .route("/", tipRoutes(services))
    .route("/", auditRoutes(services))
    .route("/", adminRoutes(services))
    .route("/intake", intakeRoutes(services))
    .all("*", (c) => errorPage(c, "notFound"))
    .onError((error, c) => {
      if (error instanceof HTTPException) return errorPage(c, "form");
      if (isDatabaseError(error)) {
        services.log(`console: database unavailable: ${error.name}`);
        return errorPage(c, "database");
      }
      // Only the error's class reaches the log: a message could quote what a member typed.
      services.log(`console: unexpected error: ${error.name}`);
      return errorPage(c, "unexpected");
    });
