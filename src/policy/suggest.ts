/**
 * Spelling help, with the edit distance case ignored (optimal string alignment: one letter added,
 * dropped or changed, or two neighbouring letters swapped, each counts 1).
 *   - `closest`/`didYouMean`: the nearest candidate, offered only when the distance is small next to
 *     the word (at most a third of its length, and at least 2), so a wild guess is never suggested.
 *   - `likelyTypo`: the candidate at most TYPO_DISTANCE away, which a caller may treat as a typo.
 * Ties go to the alphabetically first candidate, for determinism.
 */

/**
 * Edits from a known name up to which an unknown name is taken for a typo of it. One edit: no two
 * documented Container Registry actions are that close (the closest pairs, such as cr:GetScan and
 * cr:PutScan, are two apart; test/policy/catalog.test.ts keeps that true), so a name one edit from a
 * catalog action is far likelier a slip than an action Alibaba added.
 */
export const TYPO_DISTANCE = 1;

/** The nearest candidate within `budget` edits, or undefined. */
function nearest(word: string, candidates: Iterable<string>, budget: number): string | undefined {
  const needle = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = budget + 1;
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase(), bestDistance + 1);
    const better = distance < bestDistance || (distance === bestDistance && candidate < (best ?? ''));
    if (distance <= budget && better) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** The closest candidate, if close enough to suggest (see the file header). */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  return nearest(word, candidates, Math.max(2, Math.floor(word.length / 3)));
}

/** The candidate `word` is likely a typo of (at most TYPO_DISTANCE edits, case ignored), if any. */
export function likelyTypo(word: string, candidates: Iterable<string>): string | undefined {
  return nearest(word, candidates, TYPO_DISTANCE);
}

/** Edit distance (see the file header), giving up (returning `limit`) once it cannot stay below `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  const n = b.length;
  // Three rows of the table, reused: the one before the previous (for swaps), the previous, the current.
  let before = new Uint32Array(n + 1);
  let previous = new Uint32Array(n + 1);
  let current = new Uint32Array(n + 1);
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin >= limit) return limit;
    [before, previous, current] = [previous, current, before];
  }
  return previous[n];
}

/** ` Did you mean "x"?` or an empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const hit = closest(word, candidates);
  return hit === undefined ? '' : ` Did you mean ${JSON.stringify(hit)}?`;
}
