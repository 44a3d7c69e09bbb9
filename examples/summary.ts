/** A short account of what a synthesized app grants, for `npm run example`. */
import type { IConstruct } from 'constructs';
import { CrAccessGrant, type CrPolicyRegistry, Placement } from '../src';
import { TerraformStack } from '../src/core-lib';

export function summarize(root: IConstruct): string {
  const lines: string[] = [];
  for (const stack of root.node.findAll().filter((c): c is TerraformStack => c instanceof TerraformStack)) {
    const grants = stack.node.findAll().filter((c): c is CrAccessGrant => c instanceof CrAccessGrant);
    const registry = stack.node.tryFindChild('CrAccessPolicies') as CrPolicyRegistry | undefined;
    const attachments = grants.flatMap((g) => g.node.children).length;
    lines.push(
      `stack ${stack.node.id}: ${grants.length} grants, ${registry?.size ?? 0} custom policies, ${attachments} policy attachments`,
    );
    const splits = new Map<string, string[]>();
    for (const g of grants) {
      const where = g.scope.isResourceGroupScope
        ? `${g.scope.resourceGroupIds.length} resource group(s)`
        : 'account';
      const policies = [...g.systemPolicyNames, ...g.customPolicyNames].join(', ');
      lines.push(`  ${g.node.path}: ${g.principal.principalType}, ${g.access.preset}, ${where}; ${policies}`);
      const split = g.explanation.filter((p) => p.placement === Placement.ACCOUNT_LEVEL).map((p) => p.action);
      if (split.length > 0) {
        const key = [...new Set(split)].sort().join(' ');
        splits.set(key, [...(splits.get(key) ?? []), g.node.path]);
      }
    }
    for (const [actions, paths] of splits) {
      lines.push(
        `  split to account level for ${paths.length} grant(s), ${actions.split(' ').length} actions: ${actions}`,
      );
    }
  }
  return lines.join('\n');
}
