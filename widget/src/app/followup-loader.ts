import { useEffect, useState } from "preact/hooks";
import { loadLate } from "./late-loader.js";

type Followup = typeof import("./followup/followup.js");

let followup: Promise<Followup> | null = null;

/**
 * Starts (or restarts, after a failed download) loading the follow-up screens. With the later
 * screens too: their stylesheet has the notices, counters and spinners these screens use.
 */
const loadFollowup = () => {
  followup ??= Promise.all([import("./followup/followup.js"), loadLate()])
    .then(async ([module]) => {
      await module.stylesApplied;
      return module;
    })
    .catch((error: unknown) => {
      followup = null;
      throw error;
    });
  return followup;
};

/** The follow-up screens once `needed`; never fetched for a reporter who does not ask for them. */
export const useFollowup = (needed: boolean) => {
  const [module, setModule] = useState<Followup | null>(null);
  useEffect(() => {
    if (module || !needed) return;
    let live = true;
    loadFollowup().then(
      (m) => live && setModule(m),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [needed]);
  return module;
};
