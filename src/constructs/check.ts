/**
 * CrAccessCheck: the stack-wide check of every resource-group grant, not only the library's own. It
 * reads the stack's resources as Terraform will see them (whatever created them: these constructs,
 * the user's own bindings, escape-hatch overrides) and runs the model's check (src/model/check.ts).
 * It is an Aspect, so it runs at synth before the stack is written; in fix mode it adds the missing
 * account-level policies through the same policy registry and attachment code the grants use, warns
 * about the write-level actions it grants account-wide exactly as a grant does (src/model/fix.ts),
 * and records each fix in the stack's report. A gap has one severity (src/model/gap-severity.ts):
 * the default mode follows it, so the stack check and the CLI agree.
 */
import type { IConstruct } from 'constructs';
import { Construct } from 'constructs';
import { Aspects, AnnotationMetadataEntryType, type IAspect, TerraformStack } from '../core-lib';
import {
  type CheckFinding,
  type CheckOptions,
  checkOptionErrors,
  checkResources,
  findingDiagnostic,
  GRANT_GAP_SEVERITY,
  planFix,
  readSynthesized,
} from '../model';
import { DiagnosticCode, formatDiagnostic, Severity } from '../policy';
import { defaultPolicyNamePrefix, fixAccessKey, fixAttachmentId, PolicyScopePart } from './naming';
import { annotate, throwViolations, withPath } from './errors';
import type { CrAccountLevelOptions } from './grant';
import { CrAccessLedger } from './ledger';
import { CrPolicyRegistry } from './policy-registry';
import { attachAtAccountScope, type PrincipalType } from './principal';
import { addSuppression, type CrAccessSuppressionOptions, withSuppressions } from './suppressions';

/** What the check does with a grant that silently lacks actions. */
export enum CrAccessCheckMode {
  /** A warning annotation per finding (synth goes on). */
  WARN = 'warn',
  /** An error annotation per finding: synth fails. */
  ERROR = 'error',
  /** Adds the missing account-level policy and attachment, and notes each fix as information. */
  FIX = 'fix',
}

/**
 * Props of CrAccessCheck. The account-level options apply as they do to a grant's split: the actions
 * they leave out are not reported missing and not added by a fix.
 */
export interface CrAccessCheckProps extends CrAccountLevelOptions {
  /**
   * What to do with findings.
   * @default CrAccessCheckMode.ERROR: a gap is an error, as in the CLI's `check` (GRANT_GAP_SEVERITY)
   */
  readonly mode?: CrAccessCheckMode;
  /**
   * Prefix of the names of policies added in fix mode.
   * @default `cr-<stack name>`
   */
  readonly policyNamePrefix?: string;
}

const FIXES_ID = 'CrAccessCheckFixes';

/** Checks every resource-group grant of the stacks it is applied to. */
export class CrAccessCheck implements IAspect {
  /**
   * Checks at synth the stack `scope` is in, or, for an app, every stack the app has when this is
   * called (cdktf runs aspects from each stack down, so an aspect on the app itself would never run:
   * call this after the stacks are defined, or once per stack).
   */
  public static applyTo(scope: IConstruct, props: CrAccessCheckProps = {}): CrAccessCheck {
    const check = withPath(scope, () => new CrAccessCheck(props));
    const stacks = scope.node.findAll().filter((c) => TerraformStack.isStack(c));
    const within = scope.node.scopes.find((c) => TerraformStack.isStack(c));
    if (stacks.length === 0 && within === undefined) {
      throwViolations(scope, [
        {
          code: DiagnosticCode.NO_STACK_TO_CHECK,
          message: 'CrAccessCheck.applyTo found no stack to check',
          value: scope.node.path === '' ? '(the app)' : scope.node.path,
          rule: 'cdktf runs aspects from each stack down, so the check is added to the stacks that exist when it is applied',
          fix: 'call CrAccessCheck.applyTo after defining the stacks, or on each stack',
        },
      ]);
    }
    const targets = stacks.length > 0 ? stacks : [within!];
    for (const stack of targets) Aspects.of(stack).add(check);
    return check;
  }

  /**
   * Accepts findings of `code` (e.g. `CR_RG_GRANT_GAP`) for `construct` and everything under it, with
   * a reason and optionally a last day. An accepted finding is an information annotation that gives
   * the reason, is never fixed, and does not fail synth; past `until` it is reported again, saying the
   * suppression expired. Throws INVALID_SUPPRESSION without a code, a reason or a valid date.
   */
  public static suppress(construct: IConstruct, code: string, options: CrAccessSuppressionOptions): void {
    addSuppression(construct, code, options);
  }

  /** The mode. */
  public readonly mode: CrAccessCheckMode;
  private readonly policyNamePrefix?: string;
  private readonly options: CheckOptions;
  private readonly results = new Map<string, CheckFinding[]>();

  /** Throws (INVALID_EXCLUSION) when excludeFromAccountLevel names an action that cannot be excluded. */
  public constructor(props: CrAccessCheckProps = {}) {
    this.mode =
      props.mode ??
      (GRANT_GAP_SEVERITY === Severity.ERROR ? CrAccessCheckMode.ERROR : CrAccessCheckMode.WARN);
    this.policyNamePrefix = props.policyNamePrefix;
    this.options = {
      excludeFromAccountLevel: props.excludeFromAccountLevel,
      excludeWriteActionsFromAccountLevel: props.excludeWriteActionsFromAccountLevel,
    };
    checkOptionErrors(this.options);
  }

  /** The findings of the last run on `stack` (after synth), before any fix. */
  public findingsOf(stack: TerraformStack): CheckFinding[] {
    return this.results.get(stack.node.path) ?? [];
  }

  public visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node)) return;
    const stack = node as TerraformStack;
    const byPath = new Map(stack.node.findAll().map((c) => [c.node.path, c] as const));
    const resources = withSuppressions(readSynthesized(stack.toTerraform(), stack.node.id), byPath);
    const report = checkResources(resources, this.options);
    this.results.set(stack.node.path, report.findings);
    for (const f of report.findings) {
      const target = (f.location.constructPath && byPath.get(f.location.constructPath)) || stack;
      const text = formatDiagnostic(findingDiagnostic(f));
      if (f.accepted !== undefined) {
        const until = f.accepted.until === undefined ? '' : ` until ${f.accepted.until}`;
        const by = `${f.code} accepted by ${f.accepted.source}${until}: "${f.accepted.reason}"`;
        target.node.addMetadata(AnnotationMetadataEntryType.INFO, `${by}: ${text}`, { stackTrace: false });
        continue;
      }
      const fixed = this.mode === CrAccessCheckMode.FIX && f.code === DiagnosticCode.CR_RG_GRANT_GAP;
      if (fixed) annotate(target, this.fix(stack, f));
      const type =
        f.severity !== Severity.ERROR || fixed
          ? AnnotationMetadataEntryType.INFO
          : this.mode === CrAccessCheckMode.ERROR
            ? AnnotationMetadataEntryType.ERROR
            : AnnotationMetadataEntryType.WARN;
      // cdktf prints the construct path before the message: the message carries no location of its own.
      target.node.addMetadata(type, fixed ? `fixed: ${text}` : text, { stackTrace: false });
    }
  }

  /** Attaches the fix of `f` and records it in the report; returns the fix's diagnostics. */
  private fix(stack: TerraformStack, f: CheckFinding) {
    const fixes =
      (stack.node.tryFindChild(FIXES_ID) as Construct | undefined) ?? new Construct(stack, FIXES_ID);
    const prefix = this.policyNamePrefix ?? defaultPolicyNamePrefix(stack.node.id);
    const principal = { principalType: f.principalType as PrincipalType, principalName: f.principalName! };
    const plan = planFix(f);
    const names: string[] = [];
    const access = fixAccessKey(
      principal.principalType,
      principal.principalName,
      f.policyName ?? f.attachment,
    );
    for (const [k, part] of plan.documents.entries()) {
      const key = { access, scopePart: PolicyScopePart.ACCOUNT_LEVEL, variant: '', part: plan.parts[k] };
      const policy = withPath(fixes, () => CrPolicyRegistry.of(stack).policyFor(prefix, key, part, fixes));
      const id = fixAttachmentId(principal.principalType, principal.principalName, policy.name);
      if (fixes.node.tryFindChild(id) !== undefined) continue;
      attachAtAccountScope(fixes, id, principal, policy.nameReference, 'Custom');
      names.push(policy.name);
    }
    if (names.length > 0) {
      CrAccessLedger.of(stack).recordFix({
        path: `${fixes.node.path} (${f.attachment})`,
        principal: f.principal,
        preset: 'check-fix',
        scope: 'account',
        policies: names,
        movedToAccountLevel: plan.actions,
      });
    }
    return plan.diagnostics;
  }
}
