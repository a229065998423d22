import { partnerKey } from "@balagh/shared";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import type { Services } from "../deps.js";
import { validationError } from "../http/errors.js";
import { partnerConfig } from "./config.js";

export const partnerRoutes = (services: Services) =>
  new Hono().get(
    "/partners/:partnerKey/config",
    zValidator("param", z.object({ partnerKey }), (result) => {
      if (!result.success) throw validationError(result.error);
    }),
    async (c) => {
      const partner = await services.partner(c.req.valid("param").partnerKey);
      return c.json(partnerConfig(partner, services));
    },
  );
