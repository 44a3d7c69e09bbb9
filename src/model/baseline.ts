/**
 * Baselines: the findings a team accepts as they are today, written by `check --write-baseline` and
 * read by `--baseline`. Rules:
 *   1. An entry is a finding's code, attachment address, principal, policy and missing actions, with
 *      the reason the team gave (required).
 *   2. A finding is accepted by an entry with the same code, attachment, principal and policy whose
 *      missing actions include all of the finding's: a new missing action in the same attachment makes
 *      it a new finding.
 *   3. Entries are sorted, so the same findings write byte-identical files.
 */
import type { CheckFinding } from './finding';

export const BASELINE_VERSION = 1;

/** One accepted finding of a baseline file, matched by all of its fields but the reason. */
export interface BaselineEntry {
  readonly code: string;
  readonly attachment: string;
  readonly principal: string;
  /**
   * @default - the finding names no policy
   */
  readonly policyName?: string;
  readonly missingActions: string[];
  readonly reason: string;
}

/** A baseline file (`--write-baseline`): the findings accepted as they are. */
export interface Baseline {
  readonly version: number;
  readonly findings: BaselineEntry[];
}

/** Rule 1 and 3: the baseline of `findings` (those not already accepted otherwise). */
export function baselineOf(findings: readonly CheckFinding[], reason: string): Baseline {
  const entries = findings
    .filter((f) => f.accepted === undefined)
    .map((f) => ({
      code: f.code,
      attachment: f.attachment,
      principal: f.principal,
      ...(f.policyName === undefined ? {} : { policyName: f.policyName }),
      missingActions: [...f.missingActions].sort(),
      reason,
    }))
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return { version: BASELINE_VERSION, findings: entries };
}

/** Rule 2: the entry that accepts `f`, if any. */
export function baselineEntryFor(f: CheckFinding, baseline: Baseline): BaselineEntry | undefined {
  return baseline.findings.find(
    (e) =>
      e.code === f.code &&
      e.attachment === f.attachment &&
      e.principal === f.principal &&
      e.policyName === f.policyName &&
      f.missingActions.every((a) => e.missingActions.includes(a)),
  );
}

/** Why `json` is not a baseline, or undefined. */
export function baselineProblem(json: unknown): string | undefined {
  const b = json as Baseline;
  if (b === null || typeof b !== 'object' || b.version !== BASELINE_VERSION || !Array.isArray(b.findings))
    return `not a baseline (expected {"version": ${BASELINE_VERSION}, "findings": [...]}, as --write-baseline writes)`;
  const i = b.findings.findIndex(
    (e) =>
      e === null ||
      typeof e !== 'object' ||
      typeof e.code !== 'string' ||
      typeof e.attachment !== 'string' ||
      typeof e.principal !== 'string' ||
      !Array.isArray(e.missingActions) ||
      typeof e.reason !== 'string' ||
      e.reason.trim() === '',
  );
  return i < 0 ? undefined : `entry ${i + 1} needs code, attachment, principal, missingActions and a reason`;
}
