import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

/** `__Host-`: the browser keeps it only if Secure, Path=/ and without Domain, so no subdomain can plant one. */
export const SESSION_COOKIE = "__Host-balagh_session";

const ATTRIBUTES = { path: "/", secure: true, httpOnly: true, sameSite: "Strict" } as const;

export const sessionToken = (c: Context) => getCookie(c, SESSION_COOKIE);

/** No Max-Age: the browser forgets it when it closes; the server ends it anyway (idle, absolute, sign-out). */
export const setSessionCookie = (c: Context, token: string) => setCookie(c, SESSION_COOKIE, token, ATTRIBUTES);

export const clearSessionCookie = (c: Context) => deleteCookie(c, SESSION_COOKIE, ATTRIBUTES);
