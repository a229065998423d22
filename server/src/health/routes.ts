import { sql } from "drizzle-orm";
import { Hono } from "hono";
import type { Services } from "../deps.js";

export const healthRoutes = ({ db }: Services) =>
  new Hono().get("/healthz", async (c) => {
    try {
      await db.run(sql`select 1`);
      return c.json({ status: "ok", database: "ok" });
    } catch {
      return c.json({ status: "degraded", database: "unavailable" }, 503);
    }
  });
