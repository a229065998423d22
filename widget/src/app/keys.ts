import type { Mode } from "./boot.js";

const DOUBLE_PRESS_MS = 1_000;

let guardClose = false;

/** While the receipt is shown and not yet saved, a single Escape must not close the widget. */
export const setCloseGuard = (on: boolean) => {
  guardClose = on;
};

/**
 * Escape twice within a second: quick exit, from anywhere in the app. Escape once, in the iframe:
 * ask the loader to close the widget, but only after that second has passed without a second press.
 * Listens in the capture phase so no field or widget can swallow the key first.
 */
export const installEscape = (mode: Mode, onExit: () => void, onClose: () => void) => {
  let last = Number.NEGATIVE_INFINITY;
  let pending: ReturnType<typeof setTimeout> | undefined;
  document.addEventListener(
    "keydown",
    (event) => {
      if (event.key !== "Escape" || event.isComposing) return;
      const now = performance.now();
      clearTimeout(pending);
      if (now - last < DOUBLE_PRESS_MS) {
        event.preventDefault();
        last = Number.NEGATIVE_INFINITY;
        onExit();
        return;
      }
      last = now;
      if (mode === "iframe") {
        pending = setTimeout(() => {
          if (!guardClose) onClose();
        }, DOUBLE_PRESS_MS);
      }
    },
    true,
  );
};
