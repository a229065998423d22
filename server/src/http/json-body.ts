import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { ApiError } from "./errors.js";

export const MAX_JSON_BODY = 64 * 1024;

// The unread rest of the body is still on the connection: closing it is the only way the next request there is parsed cleanly.
const tooLarge = () =>
  new ApiError(413, "payload_too_large", `The request body is larger than ${MAX_JSON_BODY / 1024} KB.`, {
    headers: { Connection: "close" },
  });

const streamedLimit = bodyLimit({
  maxSize: MAX_JSON_BODY,
  onError: () => {
    throw tooLarge();
  },
});

/** Content type first (a wrong one is 415 whatever its size), then the 64 KB cap before any parsing. */
export const jsonBody: MiddlewareHandler = async (c, next) => {
  const type = c.req.header("Content-Type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiError(415, "unsupported_media_type", "Send the body as JSON with 'Content-Type: application/json'.");
  }
  // A declared length is checked from the header alone: asking for the request's body stream (as the
  // generic limit does) makes the Node adapter build a web stream, a third of a refusal's cost.
  const length = c.req.header("Content-Length");
  if (length !== undefined && c.req.header("Transfer-Encoding") === undefined && /^\d+$/.test(length)) {
    if (Number(length) > MAX_JSON_BODY) throw tooLarge();
    return next();
  }
  return streamedLimit(c, next);
};
