import { z } from "zod";

export const ERROR_CODES = [
  "invalid_json",
  "validation_failed",
  "unsupported_media_type",
  "payload_too_large",
  "not_found",
  "origin_not_allowed",
  "captcha_failed",
  "captcha_not_allowed",
  "rate_limited",
  "idempotency_conflict",
  "unauthorized",
  "forbidden",
  "database_unavailable",
  "service_unavailable",
  "internal_error",
] as const;

export const errorBodySchema = z.strictObject({
  error: z.strictObject({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    issues: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
  }),
});

export type ErrorCode = (typeof ERROR_CODES)[number];
export type ErrorBody = z.infer<typeof errorBodySchema>;
export type ErrorIssue = NonNullable<ErrorBody["error"]["issues"]>[number];
