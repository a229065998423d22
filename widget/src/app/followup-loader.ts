import { loadLate } from "./late-loader.js";
import { loadOnce, useLoaded } from "./lazy-module.js";

/**
 * Starts (or restarts, after a failed download) loading the follow-up screens. With the later
 * screens too: their stylesheet has the notices, counters and spinners these screens use.
 */
const loadFollowup = loadOnce(() =>
  Promise.all([import("./followup/followup.js"), loadLate()]).then(([module]) => module),
);

/** The follow-up screens once `needed`; never fetched for a reporter who does not ask for them. */
export const useFollowup = (needed: boolean) => useLoaded(loadFollowup, needed, needed);
