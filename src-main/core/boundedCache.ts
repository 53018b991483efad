/**
 * Remembers `value` under `key` in a cache that holds at most `bound` entries: a full cache is
 * emptied and starts again, which costs nothing per entry, unlike tracking recent use. For caches
 * that serve one long job (an import asks for each phone and name a few times, close together).
 */
export function rememberBounded<V>(cache: Map<string, V>, key: string, value: V, bound: number): V {
  if (cache.size >= bound) cache.clear();
  cache.set(key, value);
  return value;
}
