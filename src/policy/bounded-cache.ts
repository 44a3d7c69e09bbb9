/**
 * A map that holds at most `cap` entries and forgets the least recently used one first (a JS Map
 * keeps insertion order, so a hit is moved to the end and the first key is the oldest).
 *
 * Every long-lived cache of the engine and the model uses it, so that one process planning or
 * checking any number of distinct documents stays within a bounded amount of memory (issue 18:
 * unbounded caches held 730 MB after 100,000 distinct documents). Caches only save work: an evicted
 * entry is computed again, with the same result.
 *
 * Cap: DEFAULT_CACHE_CAP = 4,096 entries per cache. A stack has one entry per distinct access (a
 * few dozen at 1,000 principals x 50 resource groups in BENCHMARKS.md: 28 custom documents), so
 * sharing one computation among the principals of one access is kept far past any real stack, while
 * a plan body (documents, explanation, diagnostics: a few KB, up to about 40 KB for a large split)
 * times 4,096 stays well under 200 MB.
 */
export const DEFAULT_CACHE_CAP = 4096;

export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(public readonly cap: number = DEFAULT_CACHE_CAP) {
    if (!Number.isInteger(cap) || cap < 1)
      throw new RangeError(`cache cap must be a positive integer (value: ${cap})`);
  }

  /** Entries held (never more than `cap`). */
  public get size(): number {
    return this.entries.size;
  }

  /** The value for `key`, computed by `make` and kept when absent. */
  public get(key: K, make: () => V): V {
    if (this.entries.has(key)) {
      const hit = this.entries.get(key) as V;
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = make();
    this.entries.set(key, value);
    if (this.entries.size > this.cap) this.entries.delete(this.entries.keys().next().value as K);
    return value;
  }
}
