import type { Mode } from "./boot.js";

type Outgoing =
  | { type: "ready" }
  | { type: "close" }
  | { type: "exit"; url: string }
  | { type: "resize"; height: number };

let mode: Mode = "page";

export const setMode = (value: Mode) => {
  mode = value;
};

/**
 * Messages to the loader on the partner page. Target "*" because the partner's origin is not known
 * here and, more to the point, nothing secret travels: only these four types and a height, never
 * anything the reporter typed (the exit URL is the partner's own, public setting). The loader checks that messages come from this iframe and origin.
 */
const post = (message: Outgoing) => {
  if (mode === "iframe" && window.parent !== window) window.parent.postMessage({ source: "balagh", ...message }, "*");
};

export const postReady = () => post({ type: "ready" });
export const postClose = () => post({ type: "close" });

let lastHeight = 0;
let observer: ResizeObserver | null = null;

export const watchHeight = (element: Element) => {
  if (mode !== "iframe" || typeof ResizeObserver === "undefined") return;
  observer?.disconnect();
  observer = new ResizeObserver(() => {
    const height = Math.ceil(element.getBoundingClientRect().height);
    if (height !== lastHeight) {
      lastHeight = height;
      post({ type: "resize", height });
    }
  });
  observer.observe(element);
};

/**
 * Quick exit. The caller has already unmounted the form (so its text is gone from the DOM).
 * iframe: the loader replaces the partner page, history entry included, with the exit URL; the
 * frame also replaces itself with a blank page in case the loader is missing or slow.
 * page: this page replaces itself, so Back does not return to it.
 */
export const leave = (exitUrl: string) => {
  observer?.disconnect();
  if (mode === "iframe") {
    post({ type: "exit", url: exitUrl });
    location.replace("about:blank");
  } else {
    location.replace(exitUrl);
  }
};
