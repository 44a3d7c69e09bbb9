import { RamPrincipal, ResourceGroupScopedCrDeveloper } from '../../src';
import { DEVELOPER_PUSH_ACTIONS, DEVELOPER_REPOSITORY_ACTIONS } from '../../src/constructs/presets';
import { newStack, policyActions, resources } from '../support/stack';
import { synth } from '../support/synth';

const ACCOUNT_ID = '1234567890123456';

describe('ResourceGroupScopedCrDeveloper', () => {
  test('a new user: the developer policy in each group, and its ignored read actions at account level', () => {
    const stack = newStack();
    const dev = new ResourceGroupScopedCrDeveloper(stack, 'Dev', {
      userName: 'alice',
      resourceGroupIds: ['rg-team1', 'rg-team2'],
      accountId: ACCOUNT_ID,
    });
    const out = synth(stack);
    expect(Object.values(resources(out, 'alicloud_ram_user'))).toEqual([{ name: 'alice' }]);
    const scoped = Object.values(resources(out, 'alicloud_resource_manager_policy_attachment'));
    expect(scoped.map((a) => [a.resource_group_id, a.policy_type, a.principal_type])).toEqual([
      ['rg-team1', 'Custom', 'IMSUser'],
      ['rg-team2', 'Custom', 'IMSUser'],
    ]);
    expect(scoped[0].principal_name).toMatch(
      /^\$\{alicloud_ram_user\..+\.name\}@1234567890123456\.onaliyun\.com$/,
    );
    const policies = Object.values(resources(out, 'alicloud_ram_policy'));
    expect(policies).toHaveLength(2);
    const account = policyActions(
      policies.find((p) => p.policy_name === dev.grant.customPolicyNames[1])!.policy_document,
    );
    expect(account).toEqual(dev.grant.accountLevelDocument!.statements.flatMap((s) => s.actions));
    // Every account-level action is a read: the preset holds no write action that groups ignore.
    expect(account.every((a) => /^cr:(Get|List)/.test(a))).toBe(true);
    expect(Object.keys(resources(out, 'alicloud_ram_user_policy_attachment'))).toHaveLength(1);
  });

  test('an existing group: no user is created and attachments name the group', () => {
    const stack = newStack();
    new ResourceGroupScopedCrDeveloper(stack, 'Team', {
      principal: RamPrincipal.group('team-a'),
      resourceGroupIds: ['rg-team1'],
      accountId: ACCOUNT_ID,
    });
    const out = synth(stack);
    expect(resources(out, 'alicloud_ram_user')).toEqual({});
    const [scoped] = Object.values(resources(out, 'alicloud_resource_manager_policy_attachment'));
    expect([scoped.principal_name, scoped.principal_type]).toEqual([
      'team-a@group.1234567890123456.onaliyun.com',
      'IMSGroup',
    ]);
    expect(
      Object.values(resources(out, 'alicloud_ram_group_policy_attachment')).map((a) => a.group_name),
    ).toEqual(['team-a']);
  });

  test('the scoped policy holds the push and repository actions of the preset', () => {
    const stack = newStack();
    const dev = new ResourceGroupScopedCrDeveloper(stack, 'Dev', {
      userName: 'alice',
      resourceGroupIds: ['rg-team1'],
      accountId: ACCOUNT_ID,
    });
    const out = synth(stack);
    const scopedName = dev.grant.customPolicyNames[0];
    const scoped = Object.values(resources(out, 'alicloud_ram_policy')).find(
      (p) => p.policy_name === scopedName,
    )!;
    expect(policyActions(scoped.policy_document)).toEqual(
      expect.arrayContaining([...DEVELOPER_PUSH_ACTIONS, ...DEVELOPER_REPOSITORY_ACTIONS]),
    );
  });

  test('synthesizes as snapshotted', () => {
    const stack = newStack();
    new ResourceGroupScopedCrDeveloper(stack, 'Dev', {
      userName: 'alice',
      resourceGroupIds: ['rg-team1'],
      accountId: ACCOUNT_ID,
    });
    expect(synth(stack)).toMatchSnapshot();
  });
});
