/**
 * RAM's wildcard semantics for Action and Resource values: `*` matches any run of characters (also an
 * empty one), `?` matches exactly one character, every other character matches itself.
 *
 * Case: Alibaba's "Policy elements" page says Action values are not case-sensitive "in most cases",
 * and recommends the spelling each service documents. So action names are matched without regard to
 * case here (`cr:getrepository` and `cr:get*` match `cr:GetRepository`: the split never misses an
 * action RAM may apply), and the catalog check warns where the case differs from the documented
 * spelling (ACTION_CASE_MISMATCH), because in the cases the page leaves open RAM may not match it.
 * Resource names are matched as written. This file is the only place that decides either.
 */

/**
 * Where the case rule above comes from. The "in most cases" sentence was read in the page's Japanese
 * edition (https://www.alibabacloud.com/help/ja/ram/policy-elements, last updated Nov 09, 2025).
 */
export const ACTION_MATCHING_SOURCE = 'https://www.alibabacloud.com/help/en/ram/policy-elements';

/** Whether action names compare case-sensitively (see the file header). */
export const ACTION_NAMES_CASE_SENSITIVE = false;

const compiled = new Map<string, RegExp>();

function compile(pattern: string, caseSensitive: boolean): RegExp {
  const key = `${caseSensitive ? 's' : 'i'}${pattern}`;
  let re = compiled.get(key);
  if (re === undefined) {
    const body = Array.from(pattern, (ch) => {
      if (ch === '*') return '.*';
      if (ch === '?') return '.';
      return ch.replace(/[\\^$.|+()[\]{}/-]/g, '\\$&');
    }).join('');
    re = new RegExp(`^${body}$`, caseSensitive ? 's' : 'is');
    compiled.set(key, re);
  }
  return re;
}

/** True when `pattern` contains a wildcard character. */
export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/** Whether an Action pattern matches an action name. */
export function actionMatches(pattern: string, action: string): boolean {
  return compile(pattern, ACTION_NAMES_CASE_SENSITIVE).test(action);
}

/** Whether an Action pattern matches an action name with case compared as written (for the case warning). */
export function actionMatchesAsWritten(pattern: string, action: string): boolean {
  return compile(pattern, true).test(action);
}

/** Whether a Resource pattern matches a resource name. */
export function resourceMatches(pattern: string, resource: string): boolean {
  return compile(pattern, true).test(resource);
}

/** Compares action names under the case rule (for de-duplication and lookups). */
export function actionKey(action: string): string {
  return ACTION_NAMES_CASE_SENSITIVE ? action : action.toLowerCase();
}
