/**
 * Accepted findings (exceptions), as cdk-nag suppressions, Checkov skip comments and InfraGuard
 * waivers do it: a finding code accepted for one resource (and, in a stack, a construct's children),
 * with a reason, optionally until a date. Rules:
 *   1. A reason is required; `until` is a date (YYYY-MM-DD), the last day the exception applies (UTC).
 *   2. An exception applies to findings of its code on that resource while `today <= until`; past it,
 *      the finding is reported as before, saying the exception expired.
 *   3. Accepted findings are kept (counted, in JSON with their reason, SARIF `suppressions`); they
 *      never change the exit status. check.ts applies them; this file holds the rules and the syntax.
 */

/** One accepted finding code, with its reason. */
export interface AcceptedFinding {
  /** The finding code accepted, e.g. `CR_RG_GRANT_GAP`. */
  readonly code: string;
  readonly reason: string;
  /**
   * The last day it applies, `YYYY-MM-DD`.
   * @default - no end
   */
  readonly until?: string;
  /** Where it was written: `main.tf:12`, a construct path, a baseline file. */
  readonly source: string;
  /** How: `comment`, `construct`, `baseline`. */
  readonly kind: string;
}

/** Why an exception's fields are wrong, or undefined (rule 1). */
export function acceptedProblem(
  code: string,
  reason: string | undefined,
  until: string | undefined,
): string | undefined {
  if (!/^[A-Z][A-Z0-9_]*$/.test(code)) return `"${code}" is not a finding code (e.g. CR_RG_GRANT_GAP)`;
  if (reason === undefined || reason.trim() === '') return 'a reason is required';
  if (until !== undefined) {
    const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(until);
    const date = d === null ? undefined : new Date(Date.UTC(+d[1], +d[2] - 1, +d[3]));
    if (date === undefined || date.toISOString().slice(0, 10) !== until)
      return `until=${until} is not a date (YYYY-MM-DD)`;
  }
  return undefined;
}

/** True when the exception still applies on `today` (`YYYY-MM-DD`, UTC; rule 2). */
export function acceptedApplies(a: AcceptedFinding, today: string): boolean {
  return a.until === undefined || today <= a.until;
}

/** Today's date as rule 2 compares it. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** The syntax of a .tf comment: `# cr-access:ignore CODE [until=YYYY-MM-DD] -- reason` (also `//`). */
export const IGNORE_COMMENT = /^\s*(?:#|\/\/)\s*cr-access:ignore\b(.*)$/;

/** A comment's fields, or the problem with it; undefined when the line is no such comment. */
export function parseIgnoreComment(
  line: string,
): { code: string; until?: string; reason: string } | string | undefined {
  const m = IGNORE_COMMENT.exec(line);
  if (m === null) return undefined;
  const [head, ...rest] = m[1].split(' -- ');
  const reason = rest.join(' -- ').trim();
  const words = head.trim().split(/\s+/).filter(Boolean);
  const code = words[0] ?? '';
  const untilWord = words.slice(1).find((w) => w.startsWith('until='));
  const extra = words.slice(1).filter((w) => !w.startsWith('until='));
  if (extra.length > 0)
    return `unexpected "${extra.join(' ')}" (expected: # cr-access:ignore CODE until=YYYY-MM-DD -- reason)`;
  const until = untilWord?.slice('until='.length);
  const problem = acceptedProblem(code, reason === '' ? undefined : reason, until);
  if (problem !== undefined)
    return `${problem} (expected: # cr-access:ignore CODE until=YYYY-MM-DD -- reason)`;
  return { code, until, reason };
}
