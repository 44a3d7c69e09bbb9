/**
 * Accepted findings in cdktf and CDK Terrain stacks: `CrAccessCheck.suppress(construct, code, options)`
 * accepts a finding code for a construct and everything under it, as cdk-nag's suppressions do. The
 * rules (a reason is required, `until` is the last day, an expired exception reports the finding
 * again) are the model's (src/model/accepted.ts); this file only records them on the construct tree
 * and hands them to the check's resources.
 */
import type { IConstruct } from 'constructs';
import { type AcceptedFinding, acceptedProblem } from '../model/accepted';
import type { TerraformResource } from '../model/terraform';
import { DiagnosticCode } from '../policy';
import { throwViolations } from './errors';

/** Options of CrAccessCheck.suppress. */
export interface CrAccessSuppressionOptions {
  /** Why the finding is accepted: kept in the annotation and the report. */
  readonly reason: string;
  /**
   * The last day the suppression applies (`YYYY-MM-DD`, UTC); past it the finding is reported again,
   * saying the suppression expired.
   * @default - no end
   */
  readonly until?: string;
}

const SUPPRESSIONS = new WeakMap<IConstruct, AcceptedFinding[]>();

/** Records the suppression on `scope`; throws INVALID_SUPPRESSION with the construct path. */
export function addSuppression(scope: IConstruct, code: string, options: CrAccessSuppressionOptions): void {
  const problem = acceptedProblem(String(code), options?.reason, options?.until);
  if (problem !== undefined) {
    throwViolations(scope, [
      {
        code: DiagnosticCode.INVALID_SUPPRESSION,
        message: `CrAccessCheck.suppress: ${problem}`,
        value: { code, ...options },
        rule: 'a suppression names a finding code, gives a reason, and ends (if at all) on a date YYYY-MM-DD',
        fix: 'CrAccessCheck.suppress(construct, "CR_RG_GRANT_GAP", { reason: "why it is accepted", until: "2027-01-31" })',
      },
    ]);
  }
  const list = SUPPRESSIONS.get(scope) ?? [];
  list.push({
    code,
    reason: options.reason,
    ...(options.until === undefined ? {} : { until: options.until }),
    source: scope.node.path,
    kind: 'construct',
  });
  SUPPRESSIONS.set(scope, list);
}

/** The suppressions that apply at `path`: those of its construct and of every construct above it. */
function suppressionsAt(path: string, byPath: ReadonlyMap<string, IConstruct>): AcceptedFinding[] {
  const out: AcceptedFinding[] = [];
  const parts = path.split('/');
  for (let i = parts.length; i > 0; i--) {
    const c = byPath.get(parts.slice(0, i).join('/'));
    if (c !== undefined) out.push(...(SUPPRESSIONS.get(c) ?? []));
  }
  return out;
}

/** `resources` with the suppressions of the constructs that define them added to `accepted`. */
export function withSuppressions(
  resources: TerraformResource[],
  byPath: ReadonlyMap<string, IConstruct>,
): TerraformResource[] {
  return resources.map((r) => {
    const path = r.location?.constructPath;
    const accepted = path === undefined ? [] : suppressionsAt(path, byPath);
    return accepted.length === 0 ? r : { ...r, accepted: [...(r.accepted ?? []), ...accepted] };
  });
}
