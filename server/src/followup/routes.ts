import { followupMessageRequestSchema, followupSessionRequestSchema, idempotencyKey } from "@balagh/shared";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import type { Services } from "../deps.js";
import { ApiError, validationError } from "../http/errors.js";
import { jsonBody } from "../http/json-body.js";
import { sendMessage } from "./message.js";
import { openSession, tipOfSession } from "./session.js";
import { readFollowup } from "./status.js";

const refuseInvalid = (result: { success: boolean; error?: unknown }) => {
  if (!result.success) throw validationError(result.error as Parameters<typeof validationError>[0]);
};

const requiredIdempotencyKey = (value: string | undefined) => {
  const parsed = idempotencyKey.safeParse(value ?? "");
  if (!parsed.success) {
    const why = value === undefined ? "is required" : (parsed.error.issues[0]?.message ?? "is not valid");
    throw new ApiError(422, "validation_failed", `Idempotency-Key ${why}.`);
  }
  return parsed.data;
};

/** The reporter's way back: a receipt opens a session; the session's token reads and writes the conversation. */
export const followupRoutes = (services: Services) => {
  // The session first: an ended session is told as such whatever the body, so the widget keeps the text and asks the receipt.
  const session = createMiddleware<{ Variables: { tipId: string } }>(async (c, next) => {
    c.set("tipId", await tipOfSession(services, c.req.header("Authorization")));
    await next();
  });
  return new Hono()
    .post("/followup/session", jsonBody, zValidator("json", followupSessionRequestSchema, refuseInvalid), async (c) =>
      c.json(await openSession(services, c.req.valid("json").receipt, services.clientAddress(c)), 201),
    )
    .get("/followup", session, async (c) => c.json(await readFollowup(services, c.var.tipId)))
    .post(
      "/followup/messages",
      session,
      jsonBody,
      zValidator("json", followupMessageRequestSchema, refuseInvalid),
      async (c) => {
        const key = requiredIdempotencyKey(c.req.header("Idempotency-Key"));
        const { message, replayed } = await sendMessage(services, c.var.tipId, c.req.valid("json").body, key);
        if (replayed) c.header("Idempotent-Replayed", "true");
        return c.json(message, 201);
      },
    );
};
