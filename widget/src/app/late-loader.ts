import { useEffect, useState } from "preact/hooks";

type Late = typeof import("./steps/late.js");

let late: Promise<Late> | null = null;
/** Starts (or restarts, after a failed download) loading the later screens. */
export const loadLate = () => {
  late ??= import("./steps/late.js")
    .then(async (module) => {
      await module.stylesApplied;
      return module;
    })
    .catch((error: unknown) => {
      late = null;
      throw error;
    });
  return late;
};

export const useLate = (needed: boolean) => {
  const [module, setModule] = useState<Late | null>(null);
  // Retried whenever a later screen is shown without it (a failed download is tried again).
  useEffect(() => {
    if (module) return;
    let live = true;
    loadLate().then(
      (m) => live && setModule(m),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [needed]);
  return module;
};
