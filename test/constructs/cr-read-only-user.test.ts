import { CrReadOnlyUser } from '../../src';
import readOnlyExample from '../fixtures/seeds/002-readonly-account-level-example.json';
import { newStack, policyActions, resources } from '../support/stack';
import { synth } from '../support/synth';

describe('CrReadOnlyUser', () => {
  test('at account scope: one user and the system policy, no custom policy', () => {
    const stack = newStack();
    new CrReadOnlyUser(stack, 'CiPuller', { userName: 'ci-puller', displayName: 'CI image puller' });
    const out = synth(stack);
    expect(Object.values(resources(out, 'alicloud_ram_user'))).toEqual([
      { name: 'ci-puller', display_name: 'CI image puller' },
    ]);
    expect(resources(out, 'alicloud_ram_policy')).toEqual({});
    expect(Object.values(resources(out, 'alicloud_ram_user_policy_attachment'))).toEqual([
      {
        policy_name: 'AliyunContainerRegistryReadOnlyAccess',
        policy_type: 'System',
        user_name: expect.stringMatching(/^\$\{alicloud_ram_user\.CiPuller_User_[0-9A-F]+\.name\}$/),
        lifecycle: { create_before_destroy: true },
      },
    ]);
    expect(out.data).toBeUndefined();
  });

  test('scoped to resource groups: a system attachment per group and one account-level policy with the 37 read actions of the seed', () => {
    const stack = newStack();
    new CrReadOnlyUser(stack, 'Auditor', { userName: 'auditor', resourceGroupIds: ['rg-team1', 'rg-team2'] });
    const out = synth(stack);
    expect(Object.keys(resources(out, 'alicloud_ram_user'))).toHaveLength(1);
    const scoped = Object.values(resources(out, 'alicloud_resource_manager_policy_attachment'));
    expect(scoped.map((a) => [a.resource_group_id, a.policy_name, a.policy_type, a.principal_type])).toEqual([
      ['rg-team1', 'AliyunContainerRegistryReadOnlyAccess', 'System', 'IMSUser'],
      ['rg-team2', 'AliyunContainerRegistryReadOnlyAccess', 'System', 'IMSUser'],
    ]);
    const policies = Object.values(resources(out, 'alicloud_ram_policy'));
    expect(policies).toHaveLength(1);
    expect(policyActions(policies[0].policy_document)).toEqual(
      [...readOnlyExample.Statement[0].Action].sort(),
    );
    expect(policyActions(policies[0].policy_document)).toHaveLength(37);
    const attachments = Object.values(resources(out, 'alicloud_ram_user_policy_attachment'));
    expect(attachments).toEqual([
      {
        policy_name: expect.stringMatching(/^\$\{alicloud_ram_policy\..+\.policy_name\}$/),
        policy_type: 'Custom',
        user_name: expect.stringMatching(/^\$\{alicloud_ram_user\..+\.name\}$/),
        lifecycle: { create_before_destroy: true },
      },
    ]);
  });

  test('synthesizes as snapshotted', () => {
    const stack = newStack();
    new CrReadOnlyUser(stack, 'Auditor', {
      userName: 'auditor',
      resourceGroupIds: ['rg-team1'],
      accountId: '1234567890123456',
    });
    expect(synth(stack)).toMatchSnapshot();
  });
});
