/**
 * One model both ways: what the constructs plan (GrantPlan) is exactly what the check reads back from
 * the synthesized stack (readGrants), attachment for attachment: principal, scope and document.
 */
import { buildApp } from '../../examples/main';
import { readSynthesized } from '../../src';
import { CrAccessGrant } from '../../src/constructs/grant';
import { TerraformStack } from '../../src/core-lib';
import { tokenKey } from '../../src/constructs/token-key';
import { readGrants } from '../../src/model/attachments';
import { principalFromName } from '../../src/model/principals';
import { ResourceIndex } from '../../src/model/references';

test('reading the example stack back gives exactly the attachments its grants planned', () => {
  const app = buildApp(
    require('node:fs').mkdtempSync(require('node:path').join(require('node:os').tmpdir(), 'rt-')),
  );
  const [stack] = app.node.children.filter(TerraformStack.isStack);
  const resources = readSynthesized(stack.toTerraform(), stack.node.id);
  const index = new ResourceIndex(resources);
  const anchor = resources[0];

  const planned: string[] = [];
  for (const grant of stack.node.findAll().filter((c): c is CrAccessGrant => c instanceof CrAccessGrant)) {
    const { plan } = grant;
    const name = tokenKey(stack, plan.principal.principalName).key;
    const key = principalFromName(index, anchor, plan.principal.principalType, name)!.key;
    for (const rg of plan.resourceGroupIds)
      for (const p of plan.resourceGroupPolicies)
        planned.push(`${key} | ${tokenKey(stack, rg).key} | ${p.document.render()}`);
    for (const p of plan.accountPolicies) planned.push(`${key} | account | ${p.document.render()}`);
  }
  const read = readGrants(resources).attachments.map(
    (a) => `${a.principal!.key} | ${a.resourceGroupId ?? 'account'} | ${a.policy.document!.render()}`,
  );
  expect(planned.length).toBeGreaterThan(10);
  expect(read.sort()).toEqual(planned.sort());
});
