import { z } from "zod";
import type { QueueCursor } from "../../tips/list.js";

const cursorShape = z.strictObject({
  priority: z.string().regex(/^P\d$/),
  createdAt: z.number().int().nonnegative(),
  id: z.string().max(64),
});

const toBase64Url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");

const fromBase64Url = (text: string) => {
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
};

/** Where the next page starts, as one opaque URL-safe word. */
export const encodeCursor = (cursor: QueueCursor) =>
  toBase64Url(JSON.stringify([cursor.priority, cursor.createdAt, cursor.id]));

/**
 * The cursor a "next page" link carried, or null for anything else. It only says where to resume
 * in the viewer's own queue (scope is applied again on every page), so a forged one can do no more
 * than skip ahead; a damaged one starts from the first page.
 */
export const decodeCursor = (text: string | undefined): QueueCursor | null => {
  if (!text || text.length > 200) return null;
  try {
    const [priority, createdAt, id] = JSON.parse(fromBase64Url(text)) as unknown[];
    const parsed = cursorShape.safeParse({ priority, createdAt, id });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};
