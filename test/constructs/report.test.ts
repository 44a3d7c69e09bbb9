/** What moved, visible: the stack's report and its one information annotation. */
import { CrAccessReport, CrReadOnlyUser, ResourceGroupScopedCrDeveloper } from '../../src';
import * as readOnlySeed from '../fixtures/seeds/002-readonly-account-level-example.json';
import { newStack } from '../support/stack';
import { synth } from '../support/synth';

function platform() {
  const stack = newStack();
  new CrReadOnlyUser(stack, 'Auditor', {
    userName: 'auditor',
    resourceGroupIds: ['rg-aek2teama'],
    accountId: '1234567890123456',
  });
  new ResourceGroupScopedCrDeveloper(stack, 'Alice', {
    userName: 'alice',
    resourceGroupIds: ['rg-aek2teama', 'rg-aek2teamb'],
  });
  new CrReadOnlyUser(stack, 'Ci', { userName: 'ci' });
  return stack;
}

test('the report lists each grant with its principal, preset, scope, policies and moved actions', () => {
  const stack = platform();
  const out = synth(stack);
  const attachments = Object.keys(out.resource)
    .filter((t) => t.endsWith('policy_attachment'))
    .reduce((n, t) => n + Object.keys(out.resource[t]).length, 0);
  const report = CrAccessReport.of(stack);
  expect(report).toMatchObject({ stack: 'platform', customPolicies: 3, attachments });
  expect(attachments).toBe(6);
  const [auditor, alice, ci] = report.grants;
  expect(auditor).toMatchObject({
    path: 'platform/Auditor/Grant',
    principal: 'IMSUser auditor',
    preset: 'read-only',
    scope: 'resource groups: rg-aek2teama',
  });
  expect(auditor.policies[0]).toBe('AliyunContainerRegistryReadOnlyAccess');
  expect(auditor.movedToAccountLevel).toEqual([...readOnlySeed.Statement[0].Action].sort());
  expect(alice.movedToAccountLevel).toEqual(auditor.movedToAccountLevel);
  expect(ci).toMatchObject({
    scope: 'account',
    movedToAccountLevel: [],
    policies: ['AliyunContainerRegistryReadOnlyAccess'],
  });
  const text = CrAccessReport.text(stack);
  expect(text.split('\n')[0]).toBe('stack platform: 3 grants, 3 custom policies, 6 policy attachments');
  expect(text).toMatch(/^ {2}moved to account level for 2 grant\(s\), 37 actions: cr:GetAccessVpcLink, /m);
});

test('synth adds one information annotation per stack that says what moved', () => {
  const stack = platform();
  synth(stack);
  const infos = stack.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata.filter((m) => m.type === '@cdktf/info').map((m) => `${c.node.path}: ${m.data}`),
    );
  expect(infos).toEqual([
    'platform/CrAccessLedger: 3 Container Registry grants, 3 custom policies, 6 attachments; 2 resource-group grants had 37 actions without resource-group support moved to account-level policies. Rule: a resource-group attachment has no effect for actions without resource-group support, so each grant attaches them at account scope, listed explicitly. Fix: nothing to do; CrAccessReport.of(stack) lists each grant and its moved actions',
  ]);
});

test('the report counts, per custom policy and its stable key, the grants that share it', () => {
  const stack = newStack();
  for (const name of ['alice', 'bob', 'carol']) {
    new ResourceGroupScopedCrDeveloper(stack, name, { userName: name, resourceGroupIds: ['rg-aek2teama'] });
  }
  new CrReadOnlyUser(stack, 'Auditor', { userName: 'auditor', resourceGroupIds: ['rg-aek2teama'] });
  synth(stack);
  expect(CrAccessReport.of(stack).policies).toEqual([
    { name: 'cr-platform-developer-rg', access: 'developer', scopePart: 'rg', part: 1, users: 3 },
    {
      name: 'cr-platform-developer-rgaccount',
      access: 'developer',
      scopePart: 'rgaccount',
      part: 1,
      users: 3,
    },
    {
      name: 'cr-platform-read-only-rgaccount',
      access: 'read-only',
      scopePart: 'rgaccount',
      part: 1,
      users: 1,
    },
  ]);
  expect(
    CrAccessReport.text(stack)
      .split('\n')
      .filter((l) => l.startsWith('  policy ')),
  ).toEqual([
    '  policy cr-platform-developer-rg: developer, resource-group part; shared by 3 grant(s)',
    '  policy cr-platform-developer-rgaccount: developer, account-level part; shared by 3 grant(s)',
    '  policy cr-platform-read-only-rgaccount: read-only, account-level part; shared by 1 grant(s)',
  ]);
});
