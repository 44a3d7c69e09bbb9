/** A short account of what a synthesized app grants, for `npm run example`. */
import type { IConstruct } from 'constructs';
import { CrAccessGrant, CrPolicyRegistry, Placement } from '../src';
import { TerraformStack, Token } from '../src/core-lib';

function name(value: string): string {
  return Token.isUnresolved(value) ? '(reference)' : value;
}

export function summarize(root: IConstruct): string {
  const lines: string[] = [];
  for (const stack of root.node.findAll().filter((c): c is TerraformStack => c instanceof TerraformStack)) {
    const grants = stack.node.findAll().filter((c): c is CrAccessGrant => c instanceof CrAccessGrant);
    const registry = stack.node.tryFindChild('CrAccessPolicies') as CrPolicyRegistry | undefined;
    const attachments = stack.node
      .findAll()
      .filter((c) => /^(Account|Rg\d+)-/.test(c.node.id) && c.node.scope instanceof CrAccessGrant).length;
    lines.push(
      `stack ${stack.node.id}: ${grants.length} grants, ${registry?.size ?? 0} custom policies, ${attachments} policy attachments`,
    );
    for (const g of grants) {
      const scope = g.scope.isResourceGroupScope ? `${g.scope.resourceGroupIds.length} resource group(s)` : 'account';
      const principal = `${g.principal.principalType} ${name(g.principal.principalName)}`;
      const split = g.explanation.filter((p) => p.placement === Placement.ACCOUNT_LEVEL).map((p) => p.action);
      const policies = [...g.systemPolicyNames, ...g.customPolicyNames].join(', ');
      lines.push(`  ${g.node.path}: ${principal}, ${g.access.preset}, scope ${scope}; policies: ${policies}`);
      if (split.length > 0) {
        lines.push(`    split to account level (${new Set(split).size} actions): ${[...new Set(split)].sort().join(' ')}`);
      }
    }
  }
  return lines.join('\n');
}
