import type { Construct } from 'constructs';
import {
  CrAccess,
  CrAccessGrant,
  CrAccessScope,
  CrReadOnlyUser,
  PolicyDocument,
  PolicyStatement,
  RamPrincipal,
  ResourceGroupScopedCrDeveloper,
} from '../../src';
import { AnnotationMetadataEntryType, TerraformProvider, TerraformStack, Testing } from '../../src/core-lib';
import fullExample from '../fixtures/seeds/002-full-account-level-example.json';
import * as alicloud from '../../src/generated/alicloud';
import { newStack, policyActions, resources } from '../support/stack';
import { synth } from '../support/synth';

describe('CrAccessGrant', () => {
  test('full access scoped to a group puts exactly the 72 actions of the seed at account level, with a warning', () => {
    const stack = newStack();
    const grant = new CrAccessGrant(stack, 'Admins', {
      principal: RamPrincipal.group('registry-admins'),
      access: CrAccess.fullAccess(),
      scope: CrAccessScope.resourceGroups(['rg-team1']),
      accountId: '1234567890123456',
    });
    const out = synth(stack);
    const policies = Object.values(resources(out, 'alicloud_ram_policy'));
    expect(policies).toHaveLength(1);
    expect(policyActions(policies[0].policy_document)).toEqual([...fullExample.Statement[0].Action].sort());
    expect(Object.values(resources(out, 'alicloud_ram_group_policy_attachment'))).toHaveLength(1);
    const warnings = grant.node.metadata
      .filter((m) => m.type === AnnotationMetadataEntryType.WARN)
      .map((m) => String(m.data));
    expect(warnings).toHaveLength(1);
    // cdktf prints the construct path before the message: the message starts with the location.
    expect(warnings[0]).toMatch(/^\[Statement\[0\]\] 35 write-level actions are granted at account level/);
    // Counted, not listed in full: the full list is the grant's explanation.
    expect(warnings[0]).toMatch(/\(value: 35 actions: cr:\w+(, cr:\w+){7}, … \(\+27 more\)\)/);
    expect(warnings[0].length).toBeLessThan(700);
  });

  test('50 developers in one resource group share one scoped and one account-level policy', () => {
    const stack = newStack();
    for (let i = 0; i < 50; i++) {
      new ResourceGroupScopedCrDeveloper(stack, `Dev${i}`, {
        userName: `dev-${i}`,
        resourceGroupIds: ['rg-team1'],
      });
    }
    const out = synth(stack);
    expect(Object.keys(resources(out, 'alicloud_ram_policy'))).toHaveLength(2);
    expect(Object.keys(resources(out, 'alicloud_resource_manager_policy_attachment'))).toHaveLength(50);
    expect(Object.keys(resources(out, 'alicloud_ram_user_policy_attachment'))).toHaveLength(50);
  });

  test("a shared policy's construct ID and name do not depend on which grant declared it first", () => {
    const build = (order: string[]) => {
      const stack = newStack();
      for (const who of order) {
        if (who === 'reader')
          new CrReadOnlyUser(stack, 'Reader', { userName: 'reader', resourceGroupIds: ['rg-team1'] });
        else
          new ResourceGroupScopedCrDeveloper(stack, 'Dev', {
            userName: 'dev',
            resourceGroupIds: ['rg-team1'],
          });
      }
      return resources(synth(stack), 'alicloud_ram_policy');
    };
    const a = build(['reader', 'dev']);
    const b = build(['dev', 'reader']);
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    expect(JSON.stringify(Object.entries(a).sort())).toBe(JSON.stringify(Object.entries(b).sort()));
  });

  // Groups named by literal ID, or created in the stack and passed as tokens.
  test.each([
    ['literal IDs', false],
    ['resource groups of the stack (tokens)', true],
  ])('with %s, the order of groups does not matter and adding one leaves the others alone', (_, tokens) => {
    const build = (teams: string[]) => {
      const stack = newStack();
      const groupId = (t: string) =>
        tokens
          ? new alicloud.resourceManagerResourceGroup.ResourceManagerResourceGroup(stack, `Team-${t}`, {
              resourceGroupName: `team-${t}`,
              displayName: `Team ${t}`,
            }).id
          : `rg-team${t}`;
      const ids = new Map(['a', 'b', 'c'].map((t) => [t, groupId(t)]));
      new ResourceGroupScopedCrDeveloper(stack, 'Dev', {
        userName: 'dev',
        resourceGroupIds: teams.map((t) => ids.get(t)!),
        accountId: '1234567890123456',
      });
      return synth(stack);
    };
    expect(JSON.stringify(build(['b', 'a']))).toBe(JSON.stringify(build(['a', 'b'])));
    const attachments = (teams: string[]) =>
      resources(build(teams), 'alicloud_resource_manager_policy_attachment');
    const before = attachments(['a', 'c']);
    const after = attachments(['a', 'b', 'c']);
    expect(Object.keys(before)).toHaveLength(2);
    for (const [id, attachment] of Object.entries(before)) expect(after[id]).toEqual(attachment);
    expect(
      Object.values(after)
        .map((a) => a.resource_group_id)
        .sort(),
    ).toEqual(
      ['a', 'b', 'c'].map((t) =>
        tokens ? `\${alicloud_resource_manager_resource_group.Team-${t}.id}` : `rg-team${t}`,
      ),
    );
  });

  test.each([
    [RamPrincipal.user('alice'), 'alice@1234567890123456.onaliyun.com', 'IMSUser'],
    [RamPrincipal.group('readers'), 'readers@group.1234567890123456.onaliyun.com', 'IMSGroup'],
    [RamPrincipal.role('builder'), 'builder@role.1234567890123456.onaliyunservice.com', 'ServiceRole'],
  ])('resource-group principal name of %o', (principal, name, type) => {
    const stack = newStack();
    new CrAccessGrant(stack, 'G', {
      principal,
      access: CrAccess.readOnly(),
      scope: CrAccessScope.resourceGroups(['rg-team1']),
      accountId: '1234567890123456',
    });
    const [attachment] = Object.values(
      resources(synth(stack), 'alicloud_resource_manager_policy_attachment'),
    );
    expect([attachment.principal_name, attachment.principal_type]).toEqual([name, type]);
  });

  test('an account alias replaces the account ID in principal names', () => {
    const stack = newStack();
    new CrAccessGrant(stack, 'G', {
      principal: RamPrincipal.user('alice'),
      access: CrAccess.readOnly(),
      scope: CrAccessScope.resourceGroups(['rg-team1']),
      accountAlias: 'acme-prod',
    });
    const [attachment] = Object.values(
      resources(synth(stack), 'alicloud_resource_manager_policy_attachment'),
    );
    expect(attachment.principal_name).toBe('alice@acme-prod.onaliyun.com');
  });

  test('without an account ID, the stack has exactly one alicloud_account data source', () => {
    const stack = newStack();
    new CrReadOnlyUser(stack, 'A', { userName: 'a', resourceGroupIds: ['rg-team1'] });
    new CrReadOnlyUser(stack, 'B', { userName: 'b', resourceGroupIds: ['rg-team2'] });
    const out = synth(stack);
    expect(Object.keys(out.data.alicloud_account)).toEqual(['CrAccessAccount']);
    for (const a of Object.values(resources(out, 'alicloud_resource_manager_policy_attachment'))) {
      expect(a.principal_name).toContain('@${data.alicloud_account.CrAccessAccount.id}.onaliyun.com');
    }
  });

  test('resource groups created in the same stack are referenced by token', () => {
    const stack = newStack();
    const { resourceManagerResourceGroup } = require('../../src/generated/alicloud');
    const group = new resourceManagerResourceGroup.ResourceManagerResourceGroup(stack, 'TeamA', {
      displayName: 'Team A',
      resourceGroupName: 'team-a',
    });
    new CrReadOnlyUser(stack, 'A', { userName: 'a', resourceGroupIds: [group.id] });
    const [attachment] = Object.values(
      resources(synth(stack), 'alicloud_resource_manager_policy_attachment'),
    );
    expect(attachment.resource_group_id).toBe('${alicloud_resource_manager_resource_group.TeamA.id}');
  });

  test("works with the user's own alicloud provider class (same provider name)", () => {
    class UsersAlicloudProvider extends TerraformProvider {
      constructor(scope: Construct, id: string) {
        super(scope, id, {
          terraformResourceType: 'alicloud',
          terraformGeneratorMetadata: { providerName: 'alicloud', providerVersion: '1.280.0' },
          terraformProviderSource: 'aliyun/alicloud',
        });
      }
      protected synthesizeAttributes() {
        return { region: 'cn-shanghai' };
      }
    }
    const stack = new TerraformStack(Testing.app(), 'own');
    new UsersAlicloudProvider(stack, 'alicloud');
    new CrReadOnlyUser(stack, 'A', {
      userName: 'a',
      resourceGroupIds: ['rg-team1'],
      accountId: '1234567890123456',
    });
    const out = synth(stack);
    expect(out.terraform.required_providers.alicloud).toEqual({
      source: 'aliyun/alicloud',
      version: '1.280.0',
    });
    expect(out.provider.alicloud).toEqual([{ region: 'cn-shanghai' }]);
    expect(Object.keys(resources(out, 'alicloud_ram_policy'))).toHaveLength(1);
  });

  test('a custom document over the size limit becomes several policies, all attached', () => {
    const stack = newStack();
    const repos = Array.from(
      { length: 120 },
      (_, i) => `acs:cr:*:*:repository/cri-abcdefgh/team-a/service-${i}`,
    );
    new CrAccessGrant(stack, 'G', {
      principal: RamPrincipal.role('builder'),
      access: CrAccess.custom(PolicyDocument.of([PolicyStatement.allow(['cr:PullRepository'], repos)])),
      accountId: '1234567890123456',
    });
    const out = synth(stack);
    const policies = Object.values(resources(out, 'alicloud_ram_policy'));
    expect(policies.length).toBeGreaterThan(1);
    for (const p of policies) expect(p.policy_document.length).toBeLessThanOrEqual(6144);
    expect(Object.keys(resources(out, 'alicloud_ram_role_policy_attachment'))).toHaveLength(policies.length);
  });

  test('synthesizes as snapshotted: a custom document for a role, at account scope and in a group', () => {
    const stack = newStack();
    // GetAuthorizationToken has no repository to act on: on a repository ARN it would never be
    // granted (ACTION_RESOURCE_MISMATCH), so it has its own statement on "*".
    const document = PolicyDocument.of([
      PolicyStatement.allow(['cr:GetAuthorizationToken']),
      PolicyStatement.allow(
        ['cr:PullRepository', 'cr:PushRepository'],
        ['acs:cr:*:*:repository/cri-abcdefgh/ci/*'],
      ),
    ]);
    for (const [id, scope] of [
      ['Everywhere', CrAccessScope.account()],
      ['InTeam', CrAccessScope.resourceGroups(['rg-team1'])],
    ] as const) {
      new CrAccessGrant(stack, id, {
        principal: RamPrincipal.role(`builder-${id.toLowerCase()}`),
        access: CrAccess.custom(document),
        scope,
        accountId: '1234567890123456',
      });
    }
    expect(synth(stack)).toMatchSnapshot();
  });
});
