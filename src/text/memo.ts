// The one memo helper for pure functions of one key (slugs, date texts): bounded, so a dev server that runs for
// days or a 10,000-document build keeps at most `max` results, and shared by nothing but the function it wraps.
// Per-build state (documents, rendered bodies, the site's chrome) is not memoised here: it lives in the site model.

/**
 * `fn` with its last `max` results kept by key. When full, the oldest half is dropped at once: cheaper per call than
 * a least-recently-used list, and a pure function's results are as good to compute again as to keep.
 */
export function memoise<K, V>(fn: (key: K) => V, max = 10_000): (key: K) => V {
  let kept = new Map<K, V>();
  return (key: K): V => {
    const known = kept.get(key);
    if (known !== undefined || kept.has(key)) return known as V;
    const value = fn(key);
    if (kept.size >= max) kept = new Map([...kept].slice(Math.floor(max / 2)));
    kept.set(key, value);
    return value;
  };
}
