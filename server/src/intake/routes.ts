import { idempotencyKey, tipSubmissionSchema } from "@balagh/shared";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import type { Services } from "../deps.js";
import { ApiError, validationError } from "../http/errors.js";
import { jsonBody } from "../http/json-body.js";
import { submitTip } from "./submit.js";

const idempotencyHeader = (value: string | undefined) => {
  if (value === undefined) return undefined;
  const parsed = idempotencyKey.safeParse(value);
  if (!parsed.success) {
    throw new ApiError(
      422,
      "validation_failed",
      `Idempotency-Key ${parsed.error.issues[0]?.message ?? "is not valid"}.`,
    );
  }
  return parsed.data;
};

export const intakeRoutes = (services: Services) =>
  new Hono().post(
    "/tips",
    jsonBody,
    zValidator("json", tipSubmissionSchema, (result) => {
      if (!result.success) throw validationError(result.error);
    }),
    async (c) => {
      const { receipt, replayed } = await submitTip(services, c.req.valid("json"), {
        origin: c.req.header("Origin"),
        idempotencyKey: idempotencyHeader(c.req.header("Idempotency-Key")),
        clientAddress: services.clientAddress(c),
      });
      if (replayed) c.header("Idempotent-Replayed", "true");
      return c.json(receipt, 201);
    },
  );
