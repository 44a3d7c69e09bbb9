/**
 * Checks that need every grant of a stack, run as a validation at synth time:
 *   - custom policies attached to one principal at account scope stay within
 *     CUSTOM_POLICIES_PER_PRINCIPAL_MAX, and system policies within SYSTEM_POLICIES_PER_PRINCIPAL_MAX;
 *   - one principal is not granted two different presets at the same scope (read-only and full
 *     access for the same user in the same resource group is a mistake, whichever was meant).
 */
import { Construct } from 'constructs';
import { AnnotationMetadataEntryType, TerraformStack } from '../core-lib';
import {
  CUSTOM_POLICIES_PER_PRINCIPAL_MAX,
  DiagnosticCode,
  RAM_LIMITS_SOURCE,
  SYSTEM_POLICIES_PER_PRINCIPAL_MAX,
} from '../policy';
import { type GrantReport, type GrantPlan, reportHeadline, summarizeGrant, attachmentCount } from '../model';
import { CrPreset } from './access';
import { CrPolicyRegistry } from './policy-registry';
import { describe } from './errors';
import type { IRamPrincipal } from './principal';
import { tokenKey } from './token-key';

const LEDGER_ID = 'CrAccessLedger';

interface GrantRecord {
  readonly grant: Construct;
  readonly plan: GrantPlan;
  /** Names of the policies the grant attaches, in plan order (resource-group policies, then account). */
  readonly policyNames: string[];
  readonly principal: IRamPrincipal;
  readonly preset: CrPreset;
  /** `account`, or resource groups by their keys (token-key.ts). */
  readonly scopes: string[];
  readonly accountCustomPolicies: string[];
  readonly accountSystemPolicies: string[];
}

/** The stack's record of grants. */
export class CrAccessLedger extends Construct {
  public static of(scope: Construct): CrAccessLedger {
    const stack = TerraformStack.of(scope);
    return (
      (stack.node.tryFindChild(LEDGER_ID) as CrAccessLedger | undefined) ??
      new CrAccessLedger(stack, LEDGER_ID)
    );
  }

  private readonly records: GrantRecord[] = [];
  private summarized = false;

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    this.node.addValidation({ validate: () => this.validate() });
  }

  public record(entry: GrantRecord): void {
    this.records.push(entry);
  }

  /** The stack's grants, as the model summarizes them (report.ts). */
  public report(): GrantReport {
    return {
      stack: TerraformStack.of(this).node.id,
      grants: this.records.map((r) =>
        summarizeGrant(r.grant.node.path, r.plan, {
          principalName: tokenKey(this, r.principal.principalName).key,
          resourceGroupIds: r.plan.resourceGroupIds.length === 0 ? [] : r.scopes,
          policyNames: r.policyNames,
        }),
      ),
      customPolicies: CrPolicyRegistry.of(this).size,
      attachments: this.records.reduce((n, r) => n + attachmentCount(r.plan), 0),
    };
  }

  private validate(): string[] {
    // One information annotation per stack, not per grant: what moved is in the report.
    if (!this.summarized) {
      this.summarized = true;
      this.node.addMetadata(
        AnnotationMetadataEntryType.INFO,
        `${DiagnosticCode.CR_ACCESS_SUMMARY}: ${reportHeadline(this.report())}`,
        {
          stackTrace: false,
        },
      );
    }
    const byPrincipal = new Map<string, GrantRecord[]>();
    for (const r of this.records) {
      // Two reads of one user's name are two tokens but one principal.
      const key = `${r.principal.principalType}:${tokenKey(this, r.principal.principalName).key}`;
      const list = byPrincipal.get(key);
      if (list === undefined) byPrincipal.set(key, [r]);
      else list.push(r);
    }
    const errors: string[] = [];
    for (const records of byPrincipal.values()) {
      const first = records[0];
      const name = tokenKey(this, first.principal.principalName).key;
      const paths = records.map((r) => r.grant.node.path);
      const quota = (kind: string, attached: Set<string>, max: number) => {
        if (attached.size <= max) return;
        errors.push(
          describe(first.grant, {
            code: DiagnosticCode.POLICY_QUOTA_EXCEEDED,
            message: `${first.principal.principalType} ${name} would have ${attached.size} ${kind} policies attached at account scope (grants: ${paths.join(', ')})`,
            value: [...attached].sort(),
            rule: `RAM attaches at most ${max} ${kind} policies to one principal (${RAM_LIMITS_SOURCE})`,
            fix: 'combine the grants into one custom document per principal, attach them to a group, or raise the quota',
          }),
        );
      };
      quota(
        'custom',
        new Set(records.flatMap((r) => r.accountCustomPolicies)),
        CUSTOM_POLICIES_PER_PRINCIPAL_MAX,
      );
      quota(
        'system',
        new Set(records.flatMap((r) => r.accountSystemPolicies)),
        SYSTEM_POLICIES_PER_PRINCIPAL_MAX,
      );

      const presetsByScope = new Map<string, GrantRecord[]>();
      for (const r of records.filter((x) => x.preset !== CrPreset.CUSTOM)) {
        for (const s of r.scopes) {
          const list = presetsByScope.get(s);
          if (list === undefined) presetsByScope.set(s, [r]);
          else list.push(r);
        }
      }
      for (const [s, rs] of [...presetsByScope.entries()].sort()) {
        const presets = [...new Set(rs.map((r) => r.preset))].sort();
        if (presets.length < 2) continue;
        errors.push(
          describe(rs[1].grant, {
            code: DiagnosticCode.CONFLICTING_PRESETS,
            message: `${first.principal.principalType} ${name} is granted conflicting presets at ${s === 'account' ? 'account scope' : `resource group ${s}`} (grants: ${rs.map((r) => r.grant.node.path).join(', ')})`,
            value: presets,
            rule: 'a principal gets one preset per scope; the wider one makes the narrower one meaningless',
            fix: 'keep the one grant that states the access you intend',
          }),
        );
      }
    }
    return errors;
  }
}
