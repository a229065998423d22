import { tipWebhookPayloadSchema } from "@balagh/shared";
import { Hono } from "hono";
import { z } from "zod";
import type { Services } from "../deps.js";

/** The webhook payload as JSON Schema, generated from the same zod schema the server writes against. */
export const deliveryRoutes = (services: Pick<Services, "publicUrl">) => {
  const schema = {
    $id: `${services.publicUrl}/api/v1/schema/webhook.json`,
    ...z.toJSONSchema(tipWebhookPayloadSchema),
  };
  return new Hono().get("/schema/webhook.json", (c) => c.json(schema));
};
