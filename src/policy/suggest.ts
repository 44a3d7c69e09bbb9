/**
 * "Did you mean" suggestions: the candidate with the smallest edit distance (case ignored), offered
 * only when that distance is small next to the word (at most a third of its length, and at least 2),
 * so a wild guess is never suggested. Ties go to the alphabetically first candidate, for determinism.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const needle = word.toLowerCase();
  const budget = Math.max(2, Math.floor(needle.length / 3));
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

/** Levenshtein distance, giving up (returning `limit`) once it cannot stay below `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin >= limit) return limit;
    previous = current;
  }
  return previous[b.length];
}

/** ` Did you mean "x"?` or an empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const hit = closest(word, candidates);
  return hit === undefined ? '' : ` Did you mean ${JSON.stringify(hit)}?`;
}

/** `message`, followed by `. Did you mean "x"?` when there is a suggestion (no stray period without one). */
export function withSuggestion(message: string, word: string, candidates: Iterable<string>): string {
  const hit = didYouMean(word, candidates);
  return hit === '' ? message : `${message}.${hit}`;
}
