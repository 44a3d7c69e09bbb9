/**
 * What one `check` run produced, for the output formats: the inputs read and the combined report
 * (each configuration is checked on its own; findings keep the inputs' order).
 */
import type { CheckFinding, CheckReport } from '../model/finding';
import { Severity } from '../policy/diagnostic';
import type { UnreadInput } from './read-each';

export interface CheckedInput {
  /** The file or stack read. */
  readonly source: string;
  /** Its form (`cdk.tf.json`, `plan JSON`, ...). */
  readonly form: string;
  /** How many resources and data sources it holds. */
  readonly resources: number;
  /**
   * What the reader did not evaluate, or read beyond the path given.
   * @default - none
   */
  readonly notes?: string[];
}

export interface CheckRun {
  readonly inputs: CheckedInput[];
  /** The paths that could not be read (each also reported on stderr; the run exits 2). */
  readonly unread: UnreadInput[];
  readonly report: CheckReport;
}

const RANK: { [s in Severity]: number } = { [Severity.ERROR]: 3, [Severity.WARNING]: 2, [Severity.INFO]: 1 };

/** True when `severity` is at or above `threshold`. */
export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold];
}

/** A finding with its fields in the documented order, absent optional fields left out. */
export function findingFields(f: CheckFinding): { [field: string]: unknown } {
  const out: { [field: string]: unknown } = {
    code: f.code,
    severity: f.severity,
    message: f.message,
    rule: f.rule,
    fix: f.fix,
    location: {
      file: f.location.file,
      ...(f.location.line === undefined ? {} : { line: f.location.line }),
      ...(f.location.constructPath === undefined ? {} : { constructPath: f.location.constructPath }),
    },
    attachment: f.attachment,
    principal: f.principal,
  };
  if (f.principalType !== undefined) out.principalType = f.principalType;
  if (f.principalName !== undefined) out.principalName = f.principalName;
  if (f.resourceGroupId !== undefined) out.resourceGroupId = f.resourceGroupId;
  if (f.policyName !== undefined) out.policyName = f.policyName;
  out.missingActions = f.missingActions;
  if (f.fixDocument !== undefined) out.fixDocument = f.fixDocument;
  if (f.accepted !== undefined) out.accepted = f.accepted;
  return out;
}
