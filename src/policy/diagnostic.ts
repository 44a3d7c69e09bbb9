/**
 * Every finding of the engine carries a stable code, a severity, where it is, the offending value,
 * the rule it breaks and how to fix it, so users can test for a code and every message reads the same:
 *
 *   [where] what is wrong (value: …). Rule: …. Fix: ….
 */
import { boundedJson } from './bounded-json';

/** How serious a finding is. */
export enum Severity {
  /** The input cannot be used; nothing is synthesized. */
  ERROR = 'error',
  /** The output is correct but deserves a look (for example an account-level write action). */
  WARNING = 'warning',
  /** Something the engine did on the user's behalf (for example an action moved to account level). */
  INFO = 'info',
}

/** Stable identifiers of every finding the engine can report. */
export enum DiagnosticCode {
  INVALID_POLICY_JSON = 'INVALID_POLICY_JSON',
  UNKNOWN_POLICY_KEY = 'UNKNOWN_POLICY_KEY',
  UNSUPPORTED_VERSION = 'UNSUPPORTED_VERSION',
  EMPTY_STATEMENT_LIST = 'EMPTY_STATEMENT_LIST',
  INVALID_EFFECT = 'INVALID_EFFECT',
  ACTION_AND_NOT_ACTION = 'ACTION_AND_NOT_ACTION',
  MISSING_ACTION = 'MISSING_ACTION',
  EMPTY_ACTION_LIST = 'EMPTY_ACTION_LIST',
  INVALID_ACTION_FORMAT = 'INVALID_ACTION_FORMAT',
  RESOURCE_AND_NOT_RESOURCE = 'RESOURCE_AND_NOT_RESOURCE',
  MISSING_RESOURCE = 'MISSING_RESOURCE',
  EMPTY_RESOURCE_LIST = 'EMPTY_RESOURCE_LIST',
  INVALID_RESOURCE_FORMAT = 'INVALID_RESOURCE_FORMAT',
  INVALID_CONDITION = 'INVALID_CONDITION',
  UNKNOWN_CR_ACTION = 'UNKNOWN_CR_ACTION',
  NO_MATCHING_CR_ACTION = 'NO_MATCHING_CR_ACTION',
  UNKNOWN_CR_ACTION_ACCEPTED = 'UNKNOWN_CR_ACTION_ACCEPTED',
  NOT_ACTION_AT_RESOURCE_GROUP_SCOPE = 'NOT_ACTION_AT_RESOURCE_GROUP_SCOPE',
  NON_CR_ACTION_UNCHECKED = 'NON_CR_ACTION_UNCHECKED',
  RG_UNSUPPORTED_ACTION = 'RG_UNSUPPORTED_ACTION',
  ACCOUNT_LEVEL_WRITE_ACTION = 'ACCOUNT_LEVEL_WRITE_ACTION',
  EXCLUDED_FROM_ACCOUNT_LEVEL = 'EXCLUDED_FROM_ACCOUNT_LEVEL',
  INVALID_EXCLUSION = 'INVALID_EXCLUSION',
  POLICY_TOO_LONG = 'POLICY_TOO_LONG',
  STATEMENT_TOO_LONG = 'STATEMENT_TOO_LONG',
  // Construct-level findings (the same format, raised by src/constructs).
  INVALID_NAME = 'INVALID_NAME',
  INVALID_RESOURCE_GROUP_ID = 'INVALID_RESOURCE_GROUP_ID',
  DUPLICATE_RESOURCE_GROUP_ID = 'DUPLICATE_RESOURCE_GROUP_ID',
  EMPTY_RESOURCE_GROUP_LIST = 'EMPTY_RESOURCE_GROUP_LIST',
  INVALID_ACCOUNT = 'INVALID_ACCOUNT',
  CONFLICTING_PROPS = 'CONFLICTING_PROPS',
  CONFLICTING_PRESETS = 'CONFLICTING_PRESETS',
  POLICY_QUOTA_EXCEEDED = 'POLICY_QUOTA_EXCEEDED',
  // Findings of the check over Terraform configuration (src/model/check.ts).
  CR_RG_GRANT_GAP = 'CR_RG_GRANT_GAP',
  CR_RG_GRANT_UNCHECKED = 'CR_RG_GRANT_UNCHECKED',
  // The stack's summary of what its grants moved to account level (information).
  CR_ACCESS_SUMMARY = 'CR_ACCESS_SUMMARY',
  /** CrAccessCheck.applyTo was called where there is no stack (yet). */
  NO_STACK_TO_CHECK = 'NO_STACK_TO_CHECK',
  /** A `cr:` action or wildcard the catalog does not know, kept at resource-group scope (a warning). */
  UNKNOWN_CR_ACTION_PASSED_THROUGH = 'UNKNOWN_CR_ACTION_PASSED_THROUGH',
  /** A `cr:` action or wildcard whose case differs from Alibaba's documented spelling (a warning). */
  ACTION_CASE_MISMATCH = 'ACTION_CASE_MISMATCH',
  /** Custom policies attached at every scope exceed the per-principal quota, which RAM's docs do not say they count toward. */
  POLICY_QUOTA_MAY_BE_EXCEEDED = 'POLICY_QUOTA_MAY_BE_EXCEEDED',
  /** Two constructs create a RAM user, user group or role of the same name. */
  DUPLICATE_PRINCIPAL_NAME = 'DUPLICATE_PRINCIPAL_NAME',
  /** Two grants attach the same policy to the same principal at the same scope. */
  DUPLICATE_ATTACHMENT = 'DUPLICATE_ATTACHMENT',
  POLICY_SPLIT_BY_SIZE = 'POLICY_SPLIT_BY_SIZE',
  /** A RAM user group limit (groups per account, groups per user) would be exceeded by the stack's teams. */
  GROUP_QUOTA_EXCEEDED = 'GROUP_QUOTA_EXCEEDED',
  /** A team names one member twice. */
  DUPLICATE_TEAM_MEMBER = 'DUPLICATE_TEAM_MEMBER',
  /** Two teams of one stack create the same RAM user group. */
  DUPLICATE_GROUP = 'DUPLICATE_GROUP',
  /** An Allow statement's action is of another service, or its service part is a wildcard (container-registry-only.ts). */
  ACTION_OUTSIDE_CONTAINER_REGISTRY = 'ACTION_OUTSIDE_CONTAINER_REGISTRY',
  /** An Allow statement with NotAction, which grants every other service (container-registry-only.ts). */
  ALLOW_WITH_NOT_ACTION = 'ALLOW_WITH_NOT_ACTION',
  /** An access with only Deny statements grants nothing (a warning). */
  DENY_ONLY_ACCESS = 'DENY_ONLY_ACCESS',
  /** Names that differ only in case, where Alibaba does not say whether they are one (name-case.ts; a warning). */
  NAME_CASE_VARIANT = 'NAME_CASE_VARIANT',
  /** A required prop is missing (as JavaScript callers can leave it out). */
  MISSING_REQUIRED_PROP = 'MISSING_REQUIRED_PROP',
  /** A prop has the wrong kind of value (as JavaScript callers can pass it). */
  INVALID_PROP_TYPE = 'INVALID_PROP_TYPE',
  /** A team without members (a warning). */
  EMPTY_TEAM = 'EMPTY_TEAM',
  /** CrAccessCheck.suppress without a finding code, a reason or a valid date (constructs/suppressions.ts). */
  INVALID_SUPPRESSION = 'INVALID_SUPPRESSION',
  /** Two different documents would get one policy name (one access name in a stack; constructs/policy-registry.ts). */
  ACCESS_NAME_CONFLICT = 'ACCESS_NAME_CONFLICT',
  /** A custom access without a name: its policies are named from its content (information; constructs/naming.ts). */
  UNNAMED_CUSTOM_ACCESS = 'UNNAMED_CUSTOM_ACCESS',
  /** Two stacks of one app create policies of the same name (constructs/app-policy-names.ts). */
  DUPLICATE_POLICY_NAME = 'DUPLICATE_POLICY_NAME',
  /** An action named in an Allow whose Resources can never match the resource it is authorized against (resource-check.ts). */
  ACTION_RESOURCE_MISMATCH = 'ACTION_RESOURCE_MISMATCH',
  /** Actions whose resource the documentation read does not give, so their Resources are not checked or placed by type (information). */
  ACTION_RESOURCE_TYPE_UNKNOWN = 'ACTION_RESOURCE_TYPE_UNKNOWN',
  /** Actions of an access that no resource of a resource target is of, so the target does not grant them (resource-placement.ts; information). */
  ACTION_OUTSIDE_RESOURCE_TARGET = 'ACTION_OUTSIDE_RESOURCE_TARGET',
  /** A resource target's instance ID, namespace or repository name cannot be part of an ARN, or it names nothing (resource-placement.ts). */
  INVALID_RESOURCE_TARGET = 'INVALID_RESOURCE_TARGET',
}

/** One finding. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** Where inside the policy document, e.g. `Statement[1].Action[0]`; empty for the whole document. */
  readonly location: string;
  /** What is wrong, in a few words. */
  readonly message: string;
  /** The offending value, as the user wrote it; absent when there is no single value to show. */
  readonly value?: string;
  /** The rule that is broken (or, for INFO, the rule that was applied). */
  readonly rule: string;
  /** What to do about it. */
  readonly fix: string;
  /**
   * The path of the construct that reported it, when a construct did (set on the diagnostics of a
   * PolicyError a construct throws).
   * @default - none: the finding was not reported by a construct
   */
  readonly constructPath?: string;
}

/**
 * Renders a diagnostic in the one message format of this library. `context` (a construct path, for
 * example) is written before the location inside the document; with neither, there is no bracket.
 * The parts carry no closing period of their own, so none is doubled.
 */
export function formatDiagnostic(d: Diagnostic, context?: string): string {
  const where = [context ?? d.constructPath, d.location]
    .filter((part) => part !== undefined && part !== '')
    .join(' ');
  const value = d.value === undefined ? '' : ` (value: ${d.value})`;
  const prefix = where === '' ? '' : `[${where}] `;
  return `${prefix}${bare(d.message)}${value}. Rule: ${bare(d.rule)}. Fix: ${bare(d.fix)}`;
}

function bare(text: string): string {
  return text.replace(/[\s.]+$/, '');
}

/** Thrown when a document or a split has errors; carries every error found, not just the first. */
export class PolicyError extends Error {
  public readonly diagnostics: Diagnostic[];

  public constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
    this.name = 'PolicyError';
    this.diagnostics = diagnostics;
  }

  /** The same errors, each prefixed with `context` (for example the construct path). */
  public describe(context: string): string {
    return this.diagnostics.map((d) => formatDiagnostic(d, context)).join('\n');
  }

  /** A copy reported by the construct at `constructPath`: every diagnostic and message line names it. */
  public withContext(constructPath: string): PolicyError {
    return new PolicyError(this.diagnostics.map((d) => ({ ...d, constructPath })));
  }
}

/** Throws a PolicyError if `diagnostics` holds any error; returns the rest unchanged. */
export function throwIfErrors(diagnostics: Diagnostic[]): Diagnostic[] {
  const errors = diagnostics.filter((d) => d.severity === Severity.ERROR);
  if (errors.length > 0) throw new PolicyError(errors);
  return diagnostics;
}

/** Quotes a user value for a message (bounded in depth and length: bounded-json.ts). */
export function quote(value: unknown): string {
  return boundedJson(value);
}
