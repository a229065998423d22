import { z } from "zod";
import { boundedText } from "./text.js";

export const FOLLOWUP_MESSAGE_MAX = 5_000;

export const followupSessionRequestSchema = z.strictObject({ receipt: z.string().min(1).max(100) });
export const followupSessionSchema = z.strictObject({ token: z.string(), expiresAt: z.iso.datetime() });
export const followupMessageRequestSchema = z.strictObject({ body: boundedText(FOLLOWUP_MESSAGE_MAX, { min: 1 }) });

export const TIP_STATUSES = ["received", "in_review", "referred", "closed"] as const;

export const followupStatusSchema = z.strictObject({
  status: z.enum(TIP_STATUSES),
  messages: z.array(
    z.strictObject({ from: z.enum(["reporter", "hotline"]), body: z.string(), sentAt: z.iso.datetime() }),
  ),
});

export type FollowupSession = z.infer<typeof followupSessionSchema>;
export type FollowupStatus = z.infer<typeof followupStatusSchema>;
export type TipStatus = (typeof TIP_STATUSES)[number];
