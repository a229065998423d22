import { Hono } from "hono";
import type { Services } from "../../../deps.js";
import type { ConsoleEnv } from "../../types.js";

/** /console/admin/partners: filled in by the administration work (issue 11). */
export const partnersAdminRoutes = (_services: Services) => new Hono<ConsoleEnv>();
