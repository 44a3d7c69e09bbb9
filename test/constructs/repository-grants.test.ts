/**
 * Grants on namespaces and repositories: CrAccess.onResources, CrResourceTarget and
 * CrRepositoryGrants, synthesized, with the effective access of the synthesized policies decided by
 * the independent evaluation of test/support/resource-evaluation.ts.
 */
import {
  CrAccess,
  CrAccessGrant,
  CrAccessScope,
  CrAccessTeam,
  CrCatalog,
  CrRepositoryGrants,
  CrResourceTarget,
  PolicyDocument,
  PolicyStatement,
  RamPrincipal,
} from '../../src';
import { TerraformVariable } from '../../src/core-lib';
import { concreteResources, evaluableActions, grants, intended } from '../support/resource-evaluation';
import { newStack, resources } from '../support/stack';
import { synth } from '../support/synth';

const ACCOUNT = '1234567890123456';
const ISSUE_ACTIONS = [
  'cr:PullRepository',
  'cr:PushRepository',
  'cr:GetInstance',
  'cr:ListInstance',
  'cr:GetAuthorizationToken',
];
const unsupported = new Set(CrCatalog.bundled().resourceGroupUnsupportedActions);

/** The synthesized policies attached at resource-group scope and at account scope, as documents. */
function attached(out: any): { groups: Map<string, PolicyDocument[]>; account: PolicyDocument[] } {
  const policies = resources(out, 'alicloud_ram_policy');
  const doc = (ref: string) => {
    const id = /^\$\{alicloud_ram_policy\.([^.]+)\.policy_name\}$/.exec(ref)![1];
    return PolicyDocument.fromJson(policies[id].policy_document);
  };
  const groups = new Map<string, PolicyDocument[]>();
  for (const a of Object.values(resources(out, 'alicloud_resource_manager_policy_attachment')) as any[])
    groups.set(a.resource_group_id, [...(groups.get(a.resource_group_id) ?? []), doc(a.policy_name)]);
  const account = [
    ...Object.values(resources(out, 'alicloud_ram_group_policy_attachment')),
    ...Object.values(resources(out, 'alicloud_ram_user_policy_attachment')),
  ].map((a: any) => doc(a.policy_name));
  return { groups, account };
}

describe('resource targets', () => {
  test('the issue example as a custom document on a repository ARN: an error naming each action that cannot match and the Resource it needs', () => {
    const stack = newStack();
    expect(
      () =>
        new CrAccessGrant(stack, 'Ci', {
          principal: RamPrincipal.user('ci'),
          access: CrAccess.custom(
            PolicyDocument.of([
              PolicyStatement.allow(ISSUE_ACTIONS, ['acs:cr:*:*:repository/cri-abc/team-a/*']),
            ]),
          ),
        }),
    ).toThrow(
      [
        '[platform/Ci Statement[0].Action[0]] cr:GetAuthorizationToken is authorized against "*" or "acs:cr:$regionid:$accountid:repository/$instanceid"',
      ].join(''),
    );
    try {
      new CrAccessGrant(newStack(), 'Ci', {
        principal: RamPrincipal.user('ci'),
        access: CrAccess.custom(
          PolicyDocument.of([
            PolicyStatement.allow(ISSUE_ACTIONS, ['acs:cr:*:*:repository/cri-abc/team-a/*']),
          ]),
        ),
      });
      throw new Error('the grant was accepted');
    } catch (e) {
      const lines = (e as Error).message.split('\n');
      expect(lines.map((l) => /\] (cr:\w+) is authorized/.exec(l)?.[1])).toEqual([
        'cr:GetAuthorizationToken',
        'cr:GetInstance',
        'cr:ListInstance',
      ]);
      expect(lines[1]).toContain(
        'Fix: grant cr:GetInstance in a statement with Resource "acs:cr:*:*:instance/cri-abc"',
      );
    }
  });

  test('the same access on the namespace with onResources, in two resource groups: each action where it takes effect', () => {
    const stack = newStack();
    const access = CrAccess.custom(PolicyDocument.of([PolicyStatement.allow(ISSUE_ACTIONS)])).onResources(
      CrResourceTarget.namespaces('cri-abc', ['team-a']),
    );
    new CrAccessGrant(stack, 'Ci', {
      principal: RamPrincipal.user('ci'),
      access,
      scope: CrAccessScope.resourceGroups(['rg-aek2teama', 'rg-aek2teamb']),
      accountId: ACCOUNT,
    });
    const { groups, account } = attached(synth(stack));
    expect([...groups.keys()].sort()).toEqual(['rg-aek2teama', 'rg-aek2teamb']);
    const [group] = groups.get('rg-aek2teama')!;
    expect(group.isSameAs(access.document)).toBe(true);
    const repo = 'acs:cr:*:*:repository/cri-abc/team-a/app';
    expect(grants(group, 'cr:PullRepository', repo)).toBe(true);
    expect(grants(group, 'cr:PushRepository', repo)).toBe(true);
    expect(grants(group, 'cr:PullRepository', 'acs:cr:*:*:repository/cri-abc/team-b/app')).toBe(false);
    expect(grants(group, 'cr:GetInstance', 'acs:cr:*:*:instance/cri-abc')).toBe(true);
    expect(grants(group, 'cr:GetInstance', 'acs:cr:*:*:instance/cri-other')).toBe(false);
    // Account level: exactly the actions resource groups ignore, on the Resources they were placed on.
    const accountActions = new Set(account.flatMap((d) => d._statements.flatMap((s) => s.actions)));
    expect([...accountActions].sort()).toEqual(ISSUE_ACTIONS.filter((a) => unsupported.has(a)).sort());
    for (const a of accountActions)
      for (const s of account.flatMap((d) => d._statements).filter((x) => x.actions.includes(a)))
        expect(s.resources).toEqual(
          access.document._statements.find((x) => x.actions.includes(a))!.resources,
        );
  });

  test('a developer team on one namespace across two resource groups: every developer action lands where it takes effect (independent evaluation)', () => {
    const stack = newStack();
    const target = CrResourceTarget.namespaces('cri-a', ['n1']);
    CrAccessTeam.developers(stack, 'TeamA', {
      groupName: 'team-a',
      members: ['alice'],
      scope: CrAccessScope.resourceGroups(['rg-aek2teama', 'rg-aek2teamb']),
      accountId: ACCOUNT,
    });
    const team = new CrAccessTeam(stack, 'TeamAOnNamespace', {
      groupName: 'team-a-images',
      members: ['alice'],
      access: CrAccess.developer().onResources(target),
      scope: CrAccessScope.resourceGroups(['rg-aek2teama', 'rg-aek2teamb']),
      accountId: ACCOUNT,
    });
    const out = synth(stack);
    const mine = (ref: any) =>
      JSON.stringify(ref).includes('team-a-images') || JSON.stringify(ref).includes('TeamAOnNamespace');
    const policiesOfTeam = attached({
      resource: Object.fromEntries(
        Object.entries(out.resource).map(([type, byId]: [string, any]) => [
          type,
          type === 'alicloud_ram_policy'
            ? byId
            : Object.fromEntries(Object.entries(byId).filter(([id, r]) => mine(id) || mine(r))),
        ]),
      ),
    });
    expect(team.grant.access.resourceTarget).toBe(target);
    const developer = CrAccess.developer().document;
    let checked = 0;
    for (const action of evaluableActions().filter((a) => grants(developer, a, '*')))
      for (const resource of concreteResources(action)) {
        const viaGroup =
          !unsupported.has(action) &&
          [...policiesOfTeam.groups.values()].every((docs) => docs.some((d) => grants(d, action, resource)));
        const viaAccount = policiesOfTeam.account.some((d) => grants(d, action, resource));
        expect([action, resource, viaGroup || viaAccount]).toEqual([
          action,
          resource,
          intended(action, resource, target._data),
        ]);
        checked++;
      }
    expect(checked).toBeGreaterThan(300);
  });

  test('CrRepositoryGrants: grantPull returns the grant it attached, AWS ECR style (pull on the repository, the endpoint on the instance, the token on "*")', () => {
    const stack = newStack();
    const instance = new TerraformVariable(stack, 'instance', { type: 'string' });
    const grantsOn = new CrRepositoryGrants(stack, 'App', {
      target: CrResourceTarget.fromRepository({
        instanceId: instance.stringValue,
        namespaceName: 'team-a',
        name: 'app',
      }),
      accountId: ACCOUNT,
    });
    const pull = grantsOn.grantPull(RamPrincipal.role('deployer'));
    expect(pull).toBeInstanceOf(CrAccessGrant);
    expect(pull.node.path).toBe('platform/App/Pull-ServiceRole-deployer');
    const [statements] = [pull.access.document._statements];
    const byAction = Object.fromEntries(statements.flatMap((s) => s.actions.map((a) => [a, s.resources])));
    expect(byAction['cr:GetAuthorizationToken']).toEqual(['*']);
    expect(byAction['cr:PullRepository'][0]).toMatch(
      /^acs:cr:\*:\*:repository\/\$\{TfToken\[TOKEN\.\d+\]\}$/,
    );
    expect(byAction['cr:PullRepository']).toHaveLength(2);
    expect(byAction['cr:ListInstanceEndpoint']).toContain(
      byAction['cr:PullRepository'][0].replace(/repository\/.*$/, '') +
        'instance/' +
        byAction['cr:PullRepository'][0].split('/')[1],
    );
    const out = synth(stack);
    const doc = (Object.values(resources(out, 'alicloud_ram_policy'))[0] as any).policy_document;
    expect(doc).toContain('acs:cr:*:*:repository/${var.instance}/team-a/app');
    expect(doc).toContain('acs:cr:*:*:instance/${var.instance}');
    expect(() => grantsOn.grantPull(RamPrincipal.role('deployer'))).toThrow(
      '[platform/App] ServiceRole deployer is granted Pull twice on this target (value: "deployer"). Rule: each principal is granted each access once per target. Fix: remove the second call; the grant the first one returned already holds',
    );
    expect(
      grantsOn.grantPullPush(RamPrincipal.role('ci')).access.document._statements.flatMap((s) => s.actions),
    ).toContain('cr:PushRepository');
    expect(grantsOn.grantRead(RamPrincipal.user('auditor')).node.id).toBe('Read-IMSUser-auditor');
  });

  test('an invalid target is an error in the one format, with the construct path', () => {
    const stack = newStack();
    expect(
      () =>
        new CrAccessGrant(stack, 'G', {
          principal: RamPrincipal.user('alice'),
          access: CrAccess.developer().onResources(CrResourceTarget.namespaces('cri-abc', ['team-a/*'])),
        }),
    ).toThrow(
      `[platform/G] the resource target's namespace name cannot be part of an ARN (value: "team-a/*"). Rule: an ID or name is one part of an ARN (https://www.alibabacloud.com/help/en/doc-detail/144229.htm): not empty, without ":" or "/" (they separate parts), "*" or "?" (they would widen the grant) or white space. Fix: pass the namespace name as the console shows it, or a reference to the alicloud_cr_ee_* resource`,
    );
    expect(
      () =>
        new CrAccessGrant(newStack(), 'G', {
          principal: RamPrincipal.user('alice'),
          access: CrAccess.readOnly().onResources(CrResourceTarget.namespaces('cri-abc', [])),
        }),
    ).toThrow('[platform/G] the resource target names no namespace or repository');
  });
});
