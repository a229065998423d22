import type { FormMessage } from "../protocol.js";
import type { Mode } from "./boot.js";

let mode: Mode = "page";

export const setMode = (value: Mode) => {
  mode = value;
};

/**
 * Messages to the loader on the partner page. Target "*" because the partner's origin is not known
 * here and, more to the point, nothing secret travels: only these three types, never anything the
 * reporter typed (the exit URL is the partner's own, public setting), nor the form's height, which
 * would tell what was answered. The loader checks that messages come from this iframe and origin.
 */
const post = (message: FormMessage) => {
  if (mode === "iframe" && window.parent !== window) window.parent.postMessage(message, "*");
};

export const postReady = () => post({ source: "balagh", type: "ready" });
export const postClose = () => post({ source: "balagh", type: "close" });

/**
 * Quick exit. The caller has already unmounted the form (so its text is gone from the DOM).
 * iframe: the loader replaces the partner page, history entry included, with the exit URL; the
 * frame also replaces itself with a blank page in case the loader is missing or slow.
 * page: this page replaces itself, so Back does not return to it.
 */
export const leave = (exitUrl: string) => {
  if (mode === "iframe") {
    post({ source: "balagh", type: "exit", url: exitUrl });
    location.replace("about:blank");
  } else {
    location.replace(exitUrl);
  }
};
