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
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        current[j] = Math.min(current[j], before[j - 2] + 1);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin >= limit) return limit;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

/** ` Did you mean "x"?` or an empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const hit = closest(word, candidates);
  return hit === undefined ? '' : ` Did you mean ${JSON.stringify(hit)}?`;
}
