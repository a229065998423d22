/**
 * Keeps a loader's answer for `ttlMs`, per key. Partners and routing rules change by operator
 * action, rarely; reading them for every tip cost more than the tip's own write.
 */
export const ttlCache = <K, V>(ttlMs: number, now: () => Date, load: (key: K) => Promise<V>) => {
  const entries = new Map<K, { at: number; value: Promise<V> }>();
  return (key: K): Promise<V> => {
    if (ttlMs <= 0) return load(key);
    const t = now().getTime();
    const hit = entries.get(key);
    if (hit && t - hit.at < ttlMs) return hit.value;
    const value = load(key);
    // A failed load (database down, unknown partner) is not kept: the next request asks again.
    value.catch(() => entries.delete(key));
    entries.set(key, { at: t, value });
    return value;
  };
};
