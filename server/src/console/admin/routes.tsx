import { Hono } from "hono";
import type { Services } from "../../deps.js";
import type { ConsoleEnv } from "../types.js";
import { agenciesAdminRoutes } from "./agencies/routes.js";
import { partnersAdminRoutes } from "./partners/routes.js";
import { rulesAdminRoutes } from "./rules/routes.js";
import { staffAdminRoutes } from "./staff/routes.js";

/** Running the hotline: each section checks its own roles (rules are readable by supervisors too). */
export const adminRoutes = (services: Services) =>
  new Hono<ConsoleEnv>()
    .route("/admin/staff", staffAdminRoutes(services))
    .route("/admin/agencies", agenciesAdminRoutes(services))
    .route("/admin/partners", partnersAdminRoutes(services))
    .route("/admin/rules", rulesAdminRoutes(services));
