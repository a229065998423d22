import { z } from "zod";
import { boundedText } from "./text.js";

/** A reporter's message, counted in characters as the narrative is (shared/src/text.ts). */
export const FOLLOWUP_MESSAGE_MAX = 10_000;
/** A follow-up session's whole life: the token is then refused (401) and the receipt asked for again. */
export const FOLLOWUP_SESSION_MINUTES = 30;

/** `receipt` as typed or pasted: spaces, dashes, Eastern Arabic or Persian digits and direction marks are fine. */
export const followupSessionRequestSchema = z.strictObject({ receipt: z.string().min(1).max(100) });
/** `token` goes back as `Authorization: Bearer <token>`; keep it in memory only. */
export const followupSessionSchema = z.strictObject({ token: z.string(), expiresAt: z.iso.datetime() });
export const followupMessageRequestSchema = z.strictObject({ body: boundedText(FOLLOWUP_MESSAGE_MAX, { min: 1 }) });

/** What the reporter sees: spam and duplicate read as "closed". The widget translates each code. */
export const TIP_STATUSES = ["received", "in_review", "referred", "closed"] as const;
export const FOLLOWUP_SENDERS = ["reporter", "hotline"] as const;

export const followupMessageSchema = z.strictObject({
  from: z.enum(FOLLOWUP_SENDERS),
  body: z.string(),
  sentAt: z.iso.datetime(),
  /** The hotline's acknowledgement, written by no one: shown first, in the report's language. */
  automatic: z.boolean(),
});

export const followupStatusSchema = z.strictObject({
  status: z.enum(TIP_STATUSES),
  receivedAt: z.iso.datetime(),
  /** Oldest first; the acknowledgement is always the first. */
  messages: z.array(followupMessageSchema),
});

export type FollowupSession = z.infer<typeof followupSessionSchema>;
export type FollowupMessage = z.infer<typeof followupMessageSchema>;
export type FollowupStatus = z.infer<typeof followupStatusSchema>;
export type TipStatus = (typeof TIP_STATUSES)[number];
