import { useEffect, useState } from "preact/hooks";

/**
 * A screen module fetched once and ready only when its stylesheet is applied (no unstyled flash);
 * a failed download is forgotten, so the next call tries again.
 */
export const loadOnce = <M extends { stylesApplied: Promise<unknown> }>(load: () => Promise<M>) => {
  let pending: Promise<M> | null = null;
  return () => {
    pending ??= load()
      .then(async (module) => {
        await module.stylesApplied;
        return module;
      })
      .catch((error: unknown) => {
        pending = null;
        throw error;
      });
    return pending;
  };
};

/** The module once loaded; loading starts while `wanted`, and is tried again whenever `retryOn` changes. */
export const useLoaded = <M>(load: () => Promise<M>, wanted: boolean, retryOn: unknown) => {
  const [module, setModule] = useState<M | null>(null);
  useEffect(() => {
    if (module || !wanted) return;
    let live = true;
    load().then(
      (m) => live && setModule(m),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [retryOn]);
  return module;
};
