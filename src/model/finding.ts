/**
 * What the check reports: one finding per resource-group attachment whose grant is silently
 * incomplete (CR_RG_GRANT_GAP), or that could not be checked (CR_RG_GRANT_UNCHECKED). Field names
 * are stable: the CLI's `--format json` writes them as they are (README, "Check existing stacks").
 */
import {
  CrCatalog,
  type Diagnostic,
  type DiagnosticCode,
  listed,
  type Severity,
  writeLevelActions,
} from '../policy';
import type { SourceLocation } from './terraform';

/** One finding of the check. */
export interface CheckFinding {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** What is wrong, in a few words. */
  readonly message: string;
  /** The rule that is broken (or, for information, why nothing was checked). */
  readonly rule: string;
  /** What to do about it. */
  readonly fix: string;
  /** Where the resource-group attachment is defined. */
  readonly location: SourceLocation;
  /** The attachment's Terraform address, e.g. `alicloud_resource_manager_policy_attachment.dev`. */
  readonly attachment: string;
  /** The principal as the attachment names it (`principal_type` and the name it resolves to). */
  readonly principal: string;
  /**
   * The principal's type (`IMSUser`, `IMSGroup`, `ServiceRole`), when it can be read.
   * @default - not known
   */
  readonly principalType?: string;
  /**
   * The principal's RAM name as an account-scope attachment writes it (a literal or `${...}`).
   * @default - not known
   */
  readonly principalName?: string;
  /**
   * The resource group, as written (an ID or an expression).
   * @default - not known
   */
  readonly resourceGroupId?: string;
  /**
   * The policy attached, as written.
   * @default - not known
   */
  readonly policyName?: string;
  /** The actions without resource-group support the attachment intends and nothing grants (sorted). */
  readonly missingActions: string[];
  /**
   * The account-level policy document that closes the gap (canonical JSON), for CR_RG_GRANT_GAP.
   * @default - none
   */
  readonly fixDocument?: string;
  /**
   * The exception that accepts this finding (accepted.ts), with its reason; an accepted finding does
   * not change the exit status.
   * @default - not accepted
   */
  readonly accepted?: FindingAcceptance;
}

/** How a finding was accepted. */
export interface FindingAcceptance {
  /** `comment`, `construct` or `baseline`. */
  readonly kind: string;
  readonly reason: string;
  /** Where the exception is written. */
  readonly source: string;
  /**
   * Its last day.
   * @default - no end
   */
  readonly until?: string;
}

/** The result of a check. */
export interface CheckReport {
  readonly findings: CheckFinding[];
  /** How many resource-group attachments were looked at. */
  readonly attachmentsChecked: number;
  /**
   * Of those, how many provably grant no cr: action (outside-cr.ts): counted, not findings.
   * @default 0
   */
  readonly attachmentsOutside?: number;
}

/**
 * A finding as an engine diagnostic (the library's one message format), for annotations: the
 * missing actions, counted with their write-level ones first (listed.ts), are its value; the full
 * list is the finding's missingActions. Where it is, the annotation's construct or the file, is given apart.
 */
export function findingDiagnostic(f: CheckFinding, catalog: CrCatalog = CrCatalog.bundled()): Diagnostic {
  const writes = writeLevelActions(f.missingActions, catalog);
  return {
    code: f.code,
    severity: f.severity,
    location: '',
    message: f.message,
    value:
      f.missingActions.length === 0
        ? undefined
        : listed(
            f.missingActions,
            'actions',
            writes.length === 0 ? undefined : { label: 'write-level', items: writes },
          ),
    rule: f.rule,
    fix: f.fix,
  };
}
