import { z } from "zod";
import { countryCode } from "./countries.js";
import { SITUATIONS } from "./taxonomy.js";

export const WEBHOOK_EVENTS = ["tip.routed", "tip.updated"] as const;

const priority = z.enum(["P0", "P1", "P2", "P3"]);

const sentTip = z.strictObject({
  id: z.uuid(),
  priority: priority.nullable().describe("P0 emergency … P3 information; null until the tip is triaged."),
  classification: z.enum(["trafficking", "smuggling", "both", "unclear"]).nullable(),
  country: countryCode,
  situations: z.array(z.enum(SITUATIONS)),
  childInvolved: z.boolean().describe("True when the reporter answered yes or not sure."),
  role: z.enum(["primary", "notify"]).describe("Whether this agency leads on the tip or is kept informed."),
  consoleUrl: z.url().describe("Where staff of this agency open the tip after signing in."),
});

const change = z
  .strictObject({
    cause: z.enum(["followup_message"]).describe("The reporter wrote again and triage read an emergency in it."),
    previousPriority: priority.nullable(),
  })
  .describe("tip.updated only: what changed; `tip.priority` is the new priority.");

/**
 * What an agency's webhook receives: enough to open the tip in the console, nothing more. No narrative,
 * place, people, details, contact or follow-up message ever leave the hotline this way (DOMAIN.md, safety).
 * One object for both events (`change` only on `tip.updated`), so that a receiver written for `tip.routed` still reads it.
 */
export const tipWebhookPayloadSchema = z
  .strictObject({
    type: z.enum(WEBHOOK_EVENTS),
    timestamp: z.iso.datetime().describe("When the tip was routed or changed (the same on every retry)."),
    tip: sentTip,
    change: change.optional(),
  })
  .meta({ title: "Balagh tip webhook payload" });

export type TipWebhookPayload = z.infer<typeof tipWebhookPayloadSchema>;
export type TipUpdatedPayload = TipWebhookPayload & { type: "tip.updated"; change: z.infer<typeof change> };
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
