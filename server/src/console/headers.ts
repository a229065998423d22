import type { MiddlewareHandler } from "hono";

/** Nothing but the hotline's own files; no inline script or style; never framed; forms post only here. */
export const CONSOLE_CSP = "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

/**
 * `same-origin`, not `no-referrer`: under `no-referrer` a browser sends `Origin: null` with the
 * console's own form posts (the Fetch standard's origin serialisation), and the Origin check could
 * not tell them from a foreign site's. No referrer ever leaves for another site either way.
 */
export const CONSOLE_REFERRER_POLICY = "same-origin";

export const consoleHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  // In place: c.header() on a finished response would copy the whole response once per header.
  const headers = c.res.headers;
  headers.set("Content-Security-Policy", CONSOLE_CSP);
  headers.set("Referrer-Policy", CONSOLE_REFERRER_POLICY);
  headers.set("X-Frame-Options", "DENY");
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-store");
};
