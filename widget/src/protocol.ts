/**
 * What the form (app/parent.ts) tells the loader on the partner page (embed/loader.ts), by
 * postMessage. Only these three messages exist, and none carries anything the reporter typed or
 * chose: the partner page could listen in. No height either: a frame that followed the form's
 * height would tell what was answered.
 */
export type FormMessage =
  | { source: "balagh"; type: "ready" }
  | { source: "balagh"; type: "close" }
  | { source: "balagh"; type: "exit"; url: string };

/** Where a quick exit goes when the exit URL cannot be used: out of the partner page all the same. */
export const BLANK = "about:blank";
export const MAX_URL_LENGTH = 2048;

/**
 * A message as the loader may act on it, or null. An exit is never refused for its URL: the
 * reporter asked to leave, so an unusable address leaves for a blank page rather than staying.
 */
export const readFormMessage = (data: unknown): FormMessage | null => {
  const { source, type, url }: { source?: unknown; type?: unknown; url?: unknown } = { ...(data as object) };
  if (source !== "balagh") return null;
  if (type !== "exit") return type === "ready" || type === "close" ? { source, type } : null;
  const usable = typeof url === "string" && url.length <= MAX_URL_LENGTH && /^https?:\/\//.test(url);
  return { source, type, url: usable ? url : BLANK };
};
