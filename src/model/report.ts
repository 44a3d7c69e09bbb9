/**
 * What a stack grants, in a few lines: per grant the principal, preset, scope and policies, and which
 * actions moved to account level (grants that moved the same actions are listed together). Built from
 * grant plans (grant.ts), so it says what the constructs emit, not what they were asked for.
 */
import { type Diagnostic, DiagnosticCode, Severity } from '../policy';
import type { GrantPlan } from './grant';

/** One grant of a report. */
export interface GrantSummary {
  /** The grant's construct path. */
  readonly path: string;
  /** `<principal type> <name>`; a name given as a reference is shown as its expression. */
  readonly principal: string;
  readonly preset: string;
  /** `account`, or `resource groups: <ids>`. */
  readonly scope: string;
  /** Names of the policies attached, system first. */
  readonly policies: string[];
  /** Catalog actions moved to account level (sorted). */
  readonly movedToAccountLevel: string[];
}

/** One custom policy of a stack, by its stable key (constructs/naming.ts), and how many use it. */
export interface SharedPolicy {
  readonly name: string;
  /** The access it states: preset, custom access name, `custom-<hash>` (unnamed) or `fix-<hash>` (a check fix). */
  readonly access: string;
  /** `account` (whole access at account scope), `rg` (resource-group part) or `rgaccount` (account-level part). */
  readonly scopePart: string;
  /** Its size-split part number, from 1. */
  readonly part: number;
  /** How many grants and check fixes attach it. */
  readonly users: number;
}

/** A stack's report. */
export interface GrantReport {
  readonly stack: string;
  readonly grants: GrantSummary[];
  /**
   * Account-level policies CrAccessCheck attached in fix mode, one per fixed principal and document
   * (preset `check-fix`, scope `account`; movedToAccountLevel: the actions the fix grants).
   */
  readonly fixes: GrantSummary[];
  /** Custom policies of the stack. */
  readonly customPolicies: number;
  /** Each custom policy by its stable key, with how many grants and fixes share it (sorted by name). */
  readonly policies: SharedPolicy[];
  /** Policy attachments made by the grants and the fixes. */
  readonly attachments: number;
}

/**
 * The summary of one planned grant. The emitter gives what the plan cannot know: the names of the
 * policies in plan order, and how to show the principal's name and the resource groups (a reference
 * rather than a placeholder for a value not known yet).
 */
export function summarizeGrant(
  path: string,
  plan: GrantPlan,
  shown: { principalName: string; resourceGroupIds: string[]; policyNames: string[] },
): GrantSummary {
  const groups = shown.resourceGroupIds;
  const { principalName, policyNames } = shown;
  return {
    path,
    principal: `${plan.principal.principalType} ${principalName}`,
    preset: plan.preset,
    scope: groups.length === 0 ? 'account' : `resource groups: ${groups.join(', ')}`,
    policies: policyNames,
    movedToAccountLevel: plan.movedToAccountLevel,
  };
}

const SCOPE_PART_TEXT: { [part: string]: string } = {
  account: 'account scope',
  rg: 'resource-group part',
  rgaccount: 'account-level part',
};

/** How many attachments a plan emits. */
export function attachmentCount(plan: GrantPlan): number {
  return plan.resourceGroupIds.length * plan.resourceGroupPolicies.length + plan.accountPolicies.length;
}

/** The report as text: one line for the stack, one per grant, one per distinct set of moved actions. */
export function formatGrantReport(report: GrantReport): string {
  const lines = [
    `stack ${report.stack}: ${report.grants.length} grants${report.fixes.length === 0 ? '' : ` and ${report.fixes.length} fixes`}, ${report.customPolicies} custom policies, ${report.attachments} policy attachments`,
  ];
  const moved = new Map<string, string[]>();
  for (const g of report.grants) {
    lines.push(`  ${g.path}: ${g.principal}, ${g.preset}, ${g.scope}; ${g.policies.join(', ')}`);
    if (g.movedToAccountLevel.length === 0) continue;
    const key = g.movedToAccountLevel.join(' ');
    moved.set(key, [...(moved.get(key) ?? []), g.path]);
  }
  for (const f of report.fixes) {
    lines.push(
      `  fixed by CrAccessCheck ${f.path}: ${f.principal}, ${f.scope}; ${f.policies.join(', ')}; ${f.movedToAccountLevel.length} actions: ${f.movedToAccountLevel.join(', ')}`,
    );
  }
  for (const p of report.policies) {
    const part = p.part > 1 ? `, part ${p.part}` : '';
    lines.push(
      `  policy ${p.name}: ${p.access}, ${SCOPE_PART_TEXT[p.scopePart] ?? p.scopePart}${part}; shared by ${p.users} grant(s)`,
    );
  }
  for (const [actions, paths] of moved) {
    const list = actions.split(' ');
    lines.push(
      `  moved to account level for ${paths.length} grant(s), ${list.length} actions: ${list.join(', ')}`,
    );
  }
  return lines.join('\n');
}

/**
 * The stack-wide information (one annotation per stack): what moved. Built from the plans alone, so it
 * costs a pass over the grants and nothing per action (plans of one access share their lists).
 */
export function reportDiagnostic(plans: GrantPlan[], customPolicies: number, fixAttachments = 0): Diagnostic {
  const moving = plans.filter((p) => p.movedToAccountLevel.length > 0);
  const lists = new Set(moving.map((p) => p.movedToAccountLevel));
  const actions = new Set([...lists].flat());
  const attachments = plans.reduce((n, p) => n + attachmentCount(p), fixAttachments);
  return {
    code: DiagnosticCode.CR_ACCESS_SUMMARY,
    severity: Severity.INFO,
    location: '',
    message: `${plans.length} Container Registry grants, ${customPolicies} custom policies, ${attachments} attachments; ${moving.length} resource-group grants had ${actions.size} actions without resource-group support moved to account-level policies`,
    rule: 'a resource-group attachment has no effect for actions without resource-group support, so each grant attaches them at account scope, listed explicitly',
    fix: 'nothing to do; CrAccessReport.of(stack) lists each grant and its moved actions',
  };
}
