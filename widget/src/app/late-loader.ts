import { loadOnce, useLoaded } from "./lazy-module.js";

/** Starts (or restarts, after a failed download) loading the later screens. */
export const loadLate = loadOnce(() => import("./steps/late.js"));

// Fetched at once, before a later screen needs it; retried whenever a later screen is shown without it.
export const useLate = (needed: boolean) => useLoaded(loadLate, true, needed);
