/**
 * RAM's wildcard semantics for Action and Resource values: `*` matches any run of characters (also an
 * empty one), `?` matches exactly one character, every other character matches itself.
 *
 * Character: one Unicode code point (a surrogate pair is one character, a lone surrogate too).
 * Alibaba's "Policy elements" page does not say; no Container Registry action or resource name can
 * hold a character outside the Basic Multilingual Plane, so the choice changes no real result. It
 * follows what a reader counts as one character.
 *
 * Case: Alibaba's "Policy elements" page says Action values are not case-sensitive "in most cases",
 * and recommends the spelling each service documents. So action names are matched without regard to
 * case here (`cr:getrepository` and `cr:get*` match `cr:GetRepository`: the split never misses an
 * action RAM may apply), and the catalog check warns where the case differs from the documented
 * spelling (ACTION_CASE_MISMATCH), because in the cases the page leaves open RAM may not match it.
 * Ignoring case compares each UTF-16 code unit's single-unit upper-case form, never mapping a
 * non-ASCII unit to ASCII (the rule of JavaScript's non-Unicode `i` regular expressions, which this
 * matcher replaced). Resource names are matched as written. This file is the only place that decides
 * either.
 *
 * Time: the greedy two-pointer match with star restart, no backtracking: O(pattern x text) at worst
 * (a RegExp of `.*` took 11.5 s for one `cr:*?*?*?*?*?*?*?*?*?*?*Z`; issue 18, BENCHMARKS.md).
 */

/**
 * Where the case rule above comes from. The "in most cases" sentence was read in the page's Japanese
 * edition (https://www.alibabacloud.com/help/ja/ram/policy-elements, last updated Nov 09, 2025).
 */
export const ACTION_MATCHING_SOURCE = 'https://www.alibabacloud.com/help/en/ram/policy-elements';

/** Whether action names compare case-sensitively (see the file header). */
export const ACTION_NAMES_CASE_SENSITIVE = false;

const STAR = 0x2a;
const QUESTION = 0x3f;

/** A UTF-16 code unit ignoring case (see the file header). */
function foldUnit(unit: number): number {
  if (unit < 0x80) return unit >= 0x61 && unit <= 0x7a ? unit - 0x20 : unit;
  const upper = String.fromCharCode(unit).toUpperCase();
  if (upper.length !== 1) return unit;
  const folded = upper.charCodeAt(0);
  return folded < 0x80 ? unit : folded;
}

/** The characters (code points, see the file header) of `s`, folded when case is ignored. */
function characters(s: string, caseSensitive: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out.push(((unit - 0xd800) << 10) + (next - 0xdc00) + 0x10000);
      i++;
    } else {
      out.push(caseSensitive ? unit : foldUnit(unit));
    }
  }
  return out;
}

/**
 * Greedy match: literals and `?` advance both sides; at a `*` remember where it is and let it match
 * nothing; on a mismatch let the last `*` take one more character and resume after it. Only the last
 * `*` ever needs to be retried (whatever an earlier one would take, the last one can take instead),
 * so each text position is revisited at most once per pattern position.
 */
function matches(pattern: string, text: string, caseSensitive: boolean, textIsPattern = false): boolean {
  const p = textIsPattern
    ? normalized(characters(pattern, caseSensitive))
    : characters(pattern, caseSensitive);
  const t = textIsPattern ? normalized(characters(text, caseSensitive)) : characters(text, caseSensitive);
  let pi = 0;
  let ti = 0;
  let star = -1;
  let starText = 0;
  while (ti < t.length) {
    const one = p[pi] === QUESTION && !(textIsPattern && t[ti] === STAR);
    if (pi < p.length && p[pi] !== STAR && (one || p[pi] === t[ti])) {
      pi++;
      ti++;
    } else if (pi < p.length && p[pi] === STAR) {
      star = pi++;
      starText = ti;
    } else if (star >= 0) {
      pi = star + 1;
      ti = ++starText;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === STAR) pi++;
  return pi === p.length;
}

/** Each run of `*` and `?` as its `?`s then one `*` if it had any (the same names, a canonical form). */
function normalized(p: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < p.length;) {
    if (p[i] !== STAR && p[i] !== QUESTION) {
      out.push(p[i++]);
      continue;
    }
    let star = false;
    for (; i < p.length && (p[i] === STAR || p[i] === QUESTION); i++) {
      if (p[i] === STAR) star = true;
      else out.push(QUESTION);
    }
    if (star) out.push(STAR);
  }
  return out;
}

/**
 * Whether Resource pattern `pattern` matches every name that Resource pattern `other` matches, decided
 * by matching `other` as text in which its `*` is a symbol only a `*` of `pattern` can cover and its
 * `?` one that a `?` or `*` can. Sound: true only when it holds (a `?` never covers a `*`, which the
 * old name match allowed), O(pattern x other). It may say false for an unusual pair that does cover;
 * the check then reports a gap to look at rather than hiding one.
 */
export function resourcePatternCovers(pattern: string, other: string): boolean {
  return matches(pattern, other, true, true);
}

/** True when `pattern` contains a wildcard character. */
export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/** Whether an Action pattern matches an action name. */
export function actionMatches(pattern: string, action: string): boolean {
  return matches(pattern, action, ACTION_NAMES_CASE_SENSITIVE);
}

/** Whether an Action pattern matches an action name with case compared as written (for the case warning). */
export function actionMatchesAsWritten(pattern: string, action: string): boolean {
  return matches(pattern, action, true);
}

/** Whether a Resource pattern matches a resource name. */
export function resourceMatches(pattern: string, resource: string): boolean {
  return matches(pattern, resource, true);
}

/** Compares action names under the case rule (for de-duplication and lookups). */
export function actionKey(action: string): string {
  return ACTION_NAMES_CASE_SENSITIVE ? action : action.toLowerCase();
}
