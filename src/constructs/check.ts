/**
 * CrAccessCheck: the stack-wide check of every resource-group grant, not only the library's own. It
 * reads the stack's resources as Terraform will see them (whatever created them: these constructs,
 * the user's own bindings, escape-hatch overrides) and runs the model's check (src/model/check.ts).
 * It is an Aspect, so it runs at synth before the stack is written; in fix mode it adds the missing
 * account-level policies through the same policy registry and attachment code the grants use.
 */
import type { IConstruct } from 'constructs';
import { Construct } from 'constructs';
import { Aspects, AnnotationMetadataEntryType, type IAspect, TerraformStack } from '../core-lib';
import { type CheckFinding, checkResources, findingDiagnostic, readSynthesized } from '../model';
import { DiagnosticCode, formatDiagnostic, PolicyDocument, Severity, splitBySize } from '../policy';
import { defaultPolicyNamePrefix, fixAttachmentId } from './naming';
import { throwViolations } from './errors';
import { CrPolicyRegistry } from './policy-registry';
import { attachAtAccountScope, type PrincipalType } from './principal';

/** What the check does with a grant that silently lacks actions. */
export enum CrAccessCheckMode {
  /** A warning annotation per finding (synth goes on). */
  WARN = 'warn',
  /** An error annotation per finding: synth fails. */
  ERROR = 'error',
  /** Adds the missing account-level policy and attachment, and notes each fix as information. */
  FIX = 'fix',
}

/** Props of CrAccessCheck. */
export interface CrAccessCheckProps {
  /**
   * What to do with findings.
   * @default CrAccessCheckMode.WARN
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
    const check = new CrAccessCheck(props);
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

  /** The mode. */
  public readonly mode: CrAccessCheckMode;
  private readonly policyNamePrefix?: string;
  private readonly results = new Map<string, CheckFinding[]>();

  public constructor(props: CrAccessCheckProps = {}) {
    this.mode = props.mode ?? CrAccessCheckMode.WARN;
    this.policyNamePrefix = props.policyNamePrefix;
  }

  /** The findings of the last run on `stack` (after synth), before any fix. */
  public findingsOf(stack: TerraformStack): CheckFinding[] {
    return this.results.get(stack.node.path) ?? [];
  }

  public visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node)) return;
    const stack = node as TerraformStack;
    const report = checkResources(readSynthesized(stack.toTerraform(), stack.node.id));
    this.results.set(stack.node.path, report.findings);
    const byPath = new Map(stack.node.findAll().map((c) => [c.node.path, c] as const));
    for (const f of report.findings) {
      const target = (f.location.constructPath && byPath.get(f.location.constructPath)) || stack;
      const fixed = this.mode === CrAccessCheckMode.FIX && f.code === DiagnosticCode.CR_RG_GRANT_GAP;
      if (fixed) this.fix(stack, f);
      const type =
        f.severity !== Severity.ERROR || fixed
          ? AnnotationMetadataEntryType.INFO
          : this.mode === CrAccessCheckMode.ERROR
            ? AnnotationMetadataEntryType.ERROR
            : AnnotationMetadataEntryType.WARN;
      // cdktf prints the construct path before the message: the message carries no location of its own.
      const text = formatDiagnostic(findingDiagnostic(f));
      target.node.addMetadata(type, fixed ? `fixed: ${text}` : text, { stackTrace: false });
    }
  }

  private fix(stack: TerraformStack, f: CheckFinding): void {
    const fixes =
      (stack.node.tryFindChild(FIXES_ID) as Construct | undefined) ?? new Construct(stack, FIXES_ID);
    const prefix = this.policyNamePrefix ?? defaultPolicyNamePrefix(stack.node.id);
    const principal = { principalType: f.principalType as PrincipalType, principalName: f.principalName! };
    for (const part of splitBySize(PolicyDocument.fromJson(f.fixDocument!))) {
      const policy = CrPolicyRegistry.of(stack).policyFor(prefix, part);
      const id = fixAttachmentId(principal.principalType, principal.principalName, policy.name);
      if (fixes.node.tryFindChild(id) === undefined)
        attachAtAccountScope(fixes, id, principal, policy.nameReference, 'Custom');
    }
  }
}
