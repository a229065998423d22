import { partnerKey } from "@balagh/shared";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import type { Services } from "../deps.js";
import { ApiError, validationError } from "../http/errors.js";
import { allowedCaptchas } from "../partners/config.js";
import { createAltchaChallenge } from "../security/captcha/altcha.js";

export const captchaRoutes = (services: Services) =>
  new Hono().get(
    "/captcha/altcha",
    zValidator("query", z.object({ partner: partnerKey }), (result) => {
      if (!result.success) throw validationError(result.error);
    }),
    async (c) => {
      const partner = await services.partner(c.req.valid("query").partner);
      if (!allowedCaptchas(partner, services).altcha) {
        throw new ApiError(403, "captcha_not_allowed", "This partner does not use the ALTCHA captcha.");
      }
      return c.json(await createAltchaChallenge(services.altchaOptions));
    },
  );
