import { z } from "zod";
import { countryCode } from "./countries.js";
import { SITUATIONS } from "./taxonomy.js";

export const WEBHOOK_EVENTS = ["tip.routed"] as const;

/**
 * What an agency's webhook receives: enough to open the tip in the console, nothing more.
 * No narrative, place, people, details or contact ever leave the hotline this way (DOMAIN.md, safety).
 */
export const tipWebhookPayloadSchema = z
  .strictObject({
    type: z.enum(WEBHOOK_EVENTS),
    timestamp: z.iso.datetime().describe("When the tip was routed (the same on every retry)."),
    tip: z.strictObject({
      id: z.uuid(),
      priority: z
        .enum(["P0", "P1", "P2", "P3"])
        .nullable()
        .describe("P0 emergency … P3 information; null until the tip is triaged."),
      classification: z.enum(["trafficking", "smuggling", "both", "unclear"]).nullable(),
      country: countryCode,
      situations: z.array(z.enum(SITUATIONS)),
      childInvolved: z.boolean().describe("True when the reporter answered yes or not sure."),
      role: z.enum(["primary", "notify"]).describe("Whether this agency leads on the tip or is kept informed."),
      consoleUrl: z.url().describe("Where staff of this agency open the tip after signing in."),
    }),
  })
  .meta({ title: "Balagh tip webhook payload" });

export type TipWebhookPayload = z.infer<typeof tipWebhookPayloadSchema>;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
