/**
 * A fixed hash of a text and its score for each numbered part (rendezvous hashing): FNV-1a over the
 * UTF-16 code units, then the MurmurHash3 32-bit finalizer, with the part number mixed in. Written out
 * here (not node:crypto, which the pure engine does not import) so it never changes with a platform or
 * library version: which size-split part a statement piece lands in depends on it (size-split.ts).
 */

/** The MurmurHash3 32-bit finalizer: spreads every input bit over the output. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The seed of `key`: FNV-1a over its UTF-16 code units, mixed. */
export function hashSeed(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix(h >>> 0);
}

/** The score of part `part` for the key with seed `seed` (rendezvous hashing: highest score wins). */
export function hashScore(seed: number, part: number): number {
  return mix((seed ^ mix(Math.imul(part + 1, 0x9e3779b9))) >>> 0);
}
