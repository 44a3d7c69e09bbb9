import { RamPrincipal, ResourceGroupScopedCrReadOnly } from '../../src';
import readOnlyExample from '../fixtures/seeds/002-readonly-account-level-example.json';
import { newStack, policyActions, resources } from '../support/stack';
import { synth } from '../support/synth';

const ACCOUNT_ID = '1234567890123456';

describe('ResourceGroupScopedCrReadOnly', () => {
  test('a role: the system policy in each group and the 37 ignored read actions at account level', () => {
    const stack = newStack();
    new ResourceGroupScopedCrReadOnly(stack, 'Builder', {
      principal: RamPrincipal.role('image-builder'),
      resourceGroupIds: ['rg-team1', 'rg-team2'],
      accountId: ACCOUNT_ID,
    });
    const out = synth(stack);
    const scoped = Object.values(resources(out, 'alicloud_resource_manager_policy_attachment'));
    expect(
      scoped.map((a) => [a.resource_group_id, a.policy_name, a.principal_name, a.principal_type]),
    ).toEqual([
      [
        'rg-team1',
        'AliyunContainerRegistryReadOnlyAccess',
        'image-builder@role.1234567890123456.onaliyunservice.com',
        'ServiceRole',
      ],
      [
        'rg-team2',
        'AliyunContainerRegistryReadOnlyAccess',
        'image-builder@role.1234567890123456.onaliyunservice.com',
        'ServiceRole',
      ],
    ]);
    const [policy] = Object.values(resources(out, 'alicloud_ram_policy'));
    expect(policyActions(policy.policy_document)).toEqual([...readOnlyExample.Statement[0].Action].sort());
    expect(
      Object.values(resources(out, 'alicloud_ram_role_policy_attachment')).map((a) => a.role_name),
    ).toEqual(['image-builder']);
  });

  test('a group and a user with the same read-only scope share the one account-level policy', () => {
    const stack = newStack();
    for (const [id, principal] of [
      ['Readers', RamPrincipal.group('readers')],
      ['Auditor', RamPrincipal.user('auditor')],
    ] as const) {
      new ResourceGroupScopedCrReadOnly(stack, id, {
        principal,
        resourceGroupIds: ['rg-team1'],
        accountId: ACCOUNT_ID,
      });
    }
    const out = synth(stack);
    expect(Object.keys(resources(out, 'alicloud_ram_policy'))).toHaveLength(1);
    expect(Object.keys(resources(out, 'alicloud_ram_group_policy_attachment'))).toHaveLength(1);
    expect(Object.keys(resources(out, 'alicloud_ram_user_policy_attachment'))).toHaveLength(1);
  });

  test('synthesizes as snapshotted', () => {
    const stack = newStack();
    new ResourceGroupScopedCrReadOnly(stack, 'Readers', {
      principal: RamPrincipal.group('readers'),
      resourceGroupIds: ['rg-team1'],
      accountId: ACCOUNT_ID,
    });
    expect(synth(stack)).toMatchSnapshot();
  });
});
