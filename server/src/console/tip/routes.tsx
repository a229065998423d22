import { Hono } from "hono";
import type { Services } from "../../deps.js";
import { requireViewer } from "../guard.js";
import { errorPage } from "../pages/errors.js";
import { textOf } from "../render.js";
import type { ConsoleEnv } from "../types.js";
import { fieldErrorOf, formValues, isTipAction, takeAction } from "./act.js";
import { conversationRoutes, conversationView } from "./conversation-routes.js";
import { tipPath } from "./history.js";
import { loadWorkspace } from "./load.js";
import { rerouteRoutes } from "./reroute-routes.js";
import { workspacePage } from "./workspace.js";

/**
 * GET /console/tips/:id and POST /console/tips/:id/<action>. A tip that does not exist and a tip
 * outside the member's scope get the same 404 page: the answer must not tell that a tip exists.
 */
export const tipRoutes = (services: Services) =>
  new Hono<ConsoleEnv>()
    .route("/", conversationRoutes(services))
    .route("/", rerouteRoutes(services))
    .get("/tips/:id", requireViewer(services), async (c) => {
      const done = c.req.query("done") ?? "";
      const conversation = await conversationView(services, c.var.viewer, c.req.param("id"), {
        template: c.req.query("template"),
        done: done === "reply",
      });
      const workspace = await loadWorkspace(services, c.var.viewer, c.req.param("id"));
      if (!workspace) return errorPage(c, "notFound");
      return workspacePage(c, workspace, { done: isTipAction(done) ? done : null, conversation });
    })
    .post("/tips/:id/:action", requireViewer(services), async (c) => {
      const action = c.req.param("action");
      if (!isTipAction(action)) return errorPage(c, "notFound");
      const tipId = c.req.param("id");
      const form = formValues(await c.req.parseBody());
      const result = await takeAction(services, c.var.viewer, tipId, action, form);
      if (result.ok) return c.redirect(`${tipPath(tipId)}?done=${action}`, 303);
      if (result.reason !== "invalid") return errorPage(c, result.reason === "not_found" ? "notFound" : "forbidden");
      const conversation = await conversationView(services, c.var.viewer, tipId);
      const workspace = await loadWorkspace(services, c.var.viewer, tipId);
      if (!workspace) return errorPage(c, "notFound");
      const errors = [fieldErrorOf(textOf(c), action, result, form)];
      return workspacePage(c, workspace, { attempt: { action, values: form, errors }, conversation });
    });
