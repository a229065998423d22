import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/**
 * Behind a reverse proxy (TRUST_PROXY) the proxy appends the caller as the last X-Forwarded-For
 * entry; anything before it was written by the caller and could be forged to dodge rate limits.
 */
export const nodeClientAddress =
  (trustProxy: boolean) =>
  (c: Context): string | undefined => {
    if (trustProxy) {
      const forwarded = c.req.header("X-Forwarded-For")?.split(",").at(-1)?.trim();
      if (forwarded) return forwarded;
    }
    try {
      return getConnInfo(c).remote.address;
    } catch {
      return undefined;
    }
  };
