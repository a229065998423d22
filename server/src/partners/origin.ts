import { z } from "zod";

export type OriginProblem = "invalid" | "scheme" | "credentials" | "path" | "query" | "notCanonical";

/** Hosts a partner may test from over plain http: the browser treats them as secure contexts. */
const LOOPBACK_HOSTS = ["localhost", "127.0.0.1"];

const parse = (text: string) => {
  try {
    return new URL(text);
  } catch {
    return null;
  }
};

/**
 * What is wrong with one allowed origin, or null. It goes into the widget's CSP frame-ancestors as
 * it is written, so it must be exactly an origin: scheme, host and optional port, nothing else.
 */
export const originProblem = (text: string): OriginProblem | null => {
  const url = parse(text);
  if (!url || !["https:", "http:"].includes(url.protocol) || url.hostname === "") return "invalid";
  if (url.protocol === "http:" && !LOOPBACK_HOSTS.includes(url.hostname)) return "scheme";
  if (url.username || url.password) return "credentials";
  if (url.pathname !== "/") return "path";
  if (url.search || url.hash || /[?#]/.test(text)) return "query";
  if (url.origin !== text) return "notCanonical";
  return null;
};

/** The origin a nearly right entry stands for (a trailing slash, capitals, a default port). */
export const canonicalOrigin = (text: string) => parse(text)?.origin ?? text;

/** The exit URL replaces the partner's page at a quick exit: only https, so no one on the path can swap it. */
export const exitUrlProblem = (text: string): "invalid" | "scheme" | null => {
  const url = parse(text);
  if (!url || url.hostname === "") return "invalid";
  return url.protocol === "https:" ? null : "scheme";
};

const ORIGIN_MESSAGES: Record<OriginProblem, string> = {
  invalid: "must be an origin such as https://www.partner.example",
  scheme: "must use https:// (http:// only for localhost and 127.0.0.1)",
  credentials: "must not carry a user name or password",
  path: "must be an origin: scheme, host and port, no path",
  query: "must be an origin: no query and no fragment",
  notCanonical: "must be written exactly as its origin (no trailing slash, lower case, no default port)",
};

/** The same checks for the deployment file, with messages for the person editing it. */
export const partnerOrigin = z.string().superRefine((text, ctx) => {
  const problem = originProblem(text);
  if (problem) ctx.addIssue({ code: "custom", message: ORIGIN_MESSAGES[problem] });
});

export const partnerExitUrl = z.string().superRefine((text, ctx) => {
  const problem = exitUrlProblem(text);
  if (problem) ctx.addIssue({ code: "custom", message: "must be an https:// address" });
});
