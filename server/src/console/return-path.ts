export const CONSOLE_HOME = "/console";

// Browsers read a backslash as a slash, and drop tabs and newlines, before resolving a URL.
const hasBrowserQuirks = (value: string) =>
  [...value].some((char) => char === "\\" || char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);

const NOT_A_DESTINATION = ["/console/sign-in", "/console/sign-out", "/console/assets/"];

/**
 * Where to go after sign-in: a console path of this hotline only, never another site (an
 * open redirect would lend the hotline's name to a phishing page). Anything else is the home page.
 */
export const safeReturnPath = (value: unknown, origin: string): string => {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) return CONSOLE_HOME;
  if (hasBrowserQuirks(value)) return CONSOLE_HOME;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return CONSOLE_HOME;
  }
  if (url.origin !== origin) return CONSOLE_HOME;
  if (url.pathname !== CONSOLE_HOME && !url.pathname.startsWith(`${CONSOLE_HOME}/`)) return CONSOLE_HOME;
  if (NOT_A_DESTINATION.some((prefix) => url.pathname.startsWith(prefix))) return CONSOLE_HOME;
  return `${url.pathname}${url.search}`;
};

export const signInPath = (returnPath: string, extra: Record<string, string> = {}) => {
  const query = new URLSearchParams({ ...(returnPath !== CONSOLE_HOME && { return: returnPath }), ...extra });
  const search = query.toString();
  return `/console/sign-in${search ? `?${search}` : ""}`;
};
