import { Hono } from "hono";
import type { Services } from "../../deps.js";
import type { ConsoleEnv } from "../types.js";

/** /console/intake: tips taken by phone, in person or by referral (issue 11). */
export const intakeRoutes = (_services: Services) => new Hono<ConsoleEnv>();
