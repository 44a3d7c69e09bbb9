import readOnlyExample from '../fixtures/seeds/002-readonly-account-level-example.json';
import {
  CrAccess,
  CrAccessScope,
  CrAccessTeam,
  CrReadOnlyUser,
  CrTeamMembership,
  CUSTOM_POLICIES_PER_PRINCIPAL_MAX,
  GROUPS_PER_ACCOUNT_MAX,
  GROUPS_PER_USER_MAX,
  PolicyDocument,
  PolicyStatement,
  SystemPolicy,
} from '../../src';
import { type TerraformStack } from '../../src/core-lib';
import { LISTED_MAX } from '../../src/policy';
import { newStack, policyActions, resources } from '../support/stack';
import { synth } from '../support/synth';

const ACCOUNT = '1234567890123456';
const seedActions = readOnlyExample.Statement.flatMap((s) => s.Action);
/** The reference to the one group of a synthesized stack, by its logical ID. */
const groupRef = (out: any) =>
  `\${alicloud_ram_group.${Object.keys(resources(out, 'alicloud_ram_group'))[0]}.group_name}`;

function readersTeam(
  stack: TerraformStack,
  members: string[],
  membership = CrTeamMembership.PER_MEMBER,
  id = 'Auditors',
) {
  return CrAccessTeam.readers(stack, id, {
    groupName: 'registry-auditors',
    members,
    membership,
    scope: CrAccessScope.resourceGroups(['rg-aek2teama', 'rg-aek2teamb']),
    accountId: ACCOUNT,
  });
}

describe('a read-only team in two resource groups', () => {
  const stack = newStack();
  readersTeam(stack, ['carol', 'alice', 'bob']);
  const out = synth(stack);

  test('creates the group and one membership per member', () => {
    expect(Object.values(resources(out, 'alicloud_ram_group'))).toEqual([
      { group_name: 'registry-auditors' },
    ]);
    const members = Object.values(resources(out, 'alicloud_ram_user_group_attachment'));
    expect(members.map((m) => m.user_name).sort()).toEqual(['alice', 'bob', 'carol']);
    expect(new Set(members.map((m) => m.group_name))).toEqual(new Set([groupRef(out)]));
  });

  test('attaches the system policy to the group in each resource group, as an IMSGroup', () => {
    const rg = Object.values(resources(out, 'alicloud_resource_manager_policy_attachment'));
    expect(rg.map((a) => a.resource_group_id).sort()).toEqual(['rg-aek2teama', 'rg-aek2teamb']);
    for (const a of rg) {
      expect(a).toMatchObject({
        policy_name: SystemPolicy.CONTAINER_REGISTRY_READ_ONLY_ACCESS.policyName,
        policy_type: 'System',
        principal_type: 'IMSGroup',
        principal_name: `${groupRef(out)}@group.${ACCOUNT}.onaliyun.com`,
      });
    }
  });

  test("attaches the account-level policy of the seed's read actions to the group, not to users", () => {
    const attached = Object.values(resources(out, 'alicloud_ram_group_policy_attachment'));
    expect(attached).toHaveLength(1);
    expect(attached[0].group_name).toBe(groupRef(out));
    const policies = Object.values(resources(out, 'alicloud_ram_policy'));
    expect(policies).toHaveLength(1);
    expect(attached[0].policy_name).toContain(policies[0].policy_name);
    expect(policyActions(policies[0].policy_document).sort()).toEqual([...seedActions].sort());
    expect(seedActions).toHaveLength(37);
    expect(resources(out, 'alicloud_ram_user_policy_attachment')).toEqual({});
  });
});

describe('membership changes touch only the membership resources', () => {
  const synthWith = (members: string[]) => {
    const stack = newStack();
    readersTeam(stack, members);
    return synth(stack).resource as Record<string, Record<string, unknown>>;
  };
  const flatten = (r: Record<string, Record<string, unknown>>) =>
    new Map(
      Object.entries(r).flatMap(([type, byId]) =>
        Object.entries(byId).map(([id, body]) => [`${type}.${id}`, JSON.stringify(body)]),
      ),
    );
  const changed = (a: Map<string, string>, b: Map<string, string>) =>
    [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();

  const before = flatten(synthWith(['alice', 'bob', 'carol']));

  test('adding one member adds exactly that member’s attachment and changes nothing else', () => {
    const after = flatten(synthWith(['alice', 'bob', 'carol', 'dave']));
    expect(changed(before, after)).toEqual([
      expect.stringMatching(/^alicloud_ram_user_group_attachment\.Auditors_Member-dave_/),
    ]);
    expect(before.size + 1).toBe(after.size);
  });

  test('removing one member removes exactly that member’s attachment and changes nothing else', () => {
    const after = flatten(synthWith(['alice', 'carol']));
    expect(changed(before, after)).toEqual([
      expect.stringMatching(/^alicloud_ram_user_group_attachment\.Auditors_Member-bob_/),
    ]);
    expect(after.size).toBe(before.size - 1);
  });

  test('the order of members does not change the output', () => {
    const text = (members: string[]) => {
      const stack = newStack();
      readersTeam(stack, members);
      return JSON.stringify(synth(stack));
    };
    expect(text(['carol', 'alice', 'bob'])).toBe(text(['bob', 'carol', 'alice']));
  });
});

describe('an exclusive membership is one resource, updated in place', () => {
  const synthWith = (members: string[]) => {
    const stack = newStack();
    readersTeam(stack, members, CrTeamMembership.EXCLUSIVE);
    return synth(stack);
  };
  const before = synthWith(['carol', 'alice', 'bob']);

  test('lists every member, sorted, in one alicloud_ram_group_membership', () => {
    expect(resources(before, 'alicloud_ram_user_group_attachment')).toEqual({});
    expect(Object.values(resources(before, 'alicloud_ram_group_membership'))).toEqual([
      { group_name: groupRef(before), user_names: ['alice', 'bob', 'carol'] },
    ]);
  });

  test('adding one member changes only the membership resource, in place', () => {
    const after = synthWith(['carol', 'alice', 'bob', 'dave']);
    const { alicloud_ram_group_membership: m1, ...rest1 } = before.resource;
    const { alicloud_ram_group_membership: m2, ...rest2 } = after.resource;
    expect(rest2).toEqual(rest1);
    expect(Object.keys(m2)).toEqual(Object.keys(m1));
    expect(Object.values(m2).map((m: any) => m.user_names)).toEqual([['alice', 'bob', 'carol', 'dave']]);
  });
});

describe('other team shapes', () => {
  test('an existing group (createGroup: false) is used by name and not created', () => {
    const stack = newStack();
    CrAccessTeam.developers(stack, 'Devs', {
      groupName: 'team-a-devs',
      createGroup: false,
      members: ['alice'],
      scope: CrAccessScope.resourceGroups(['rg-aek2teama']),
      accountId: ACCOUNT,
    });
    const out = synth(stack);
    expect(resources(out, 'alicloud_ram_group')).toEqual({});
    expect(Object.values(resources(out, 'alicloud_ram_user_group_attachment'))).toEqual([
      { group_name: 'team-a-devs', user_name: 'alice' },
    ]);
    const rg = Object.values(resources(out, 'alicloud_resource_manager_policy_attachment'));
    expect(rg.map((a) => a.principal_name)).toEqual([`team-a-devs@group.${ACCOUNT}.onaliyun.com`]);
  });

  test('members given as references of users in the same stack wait for those users', () => {
    const stack = newStack();
    const user = new CrReadOnlyUser(stack, 'Ci', { userName: 'ci' });
    new CrAccessTeam(stack, 'Pullers', {
      groupName: 'pullers',
      members: [user.userName],
      access: CrAccess.readOnly(),
    });
    const out = synth(stack);
    const members = Object.values(resources(out, 'alicloud_ram_user_group_attachment'));
    const userId = Object.keys(resources(out, 'alicloud_ram_user'))[0];
    expect(members.map((m) => m.user_name)).toEqual([`\${alicloud_ram_user.${userId}.name}`]);
  });

  test('at account scope the group gets the system policy, and no resource-group attachment', () => {
    const stack = newStack();
    const team = CrAccessTeam.readers(stack, 'Readers', { groupName: 'readers', members: ['alice'] });
    const out = synth(stack);
    expect(Object.values(resources(out, 'alicloud_ram_group_policy_attachment'))).toEqual([
      {
        group_name: groupRef(out),
        lifecycle: { create_before_destroy: true },
        policy_name: SystemPolicy.CONTAINER_REGISTRY_READ_ONLY_ACCESS.policyName,
        policy_type: 'System',
      },
    ]);
    expect(resources(out, 'alicloud_resource_manager_policy_attachment')).toEqual({});
    expect(team.grant.access.preset).toBe(CrAccess.readOnly().preset);
  });
});

describe('invalid teams throw at once with path, value, rule and fix', () => {
  test('a duplicate member and a member that is not a user name', () => {
    const stack = newStack();
    expect(() => readersTeam(stack, ['alice', 'bob', 'alice', 'alice@corp.onaliyun.com'])).toThrow(
      [
        '[platform/Auditors] member 2 repeats an earlier one (value: "alice"). Rule: each member is named once per team. Fix: remove the duplicate',
        '[platform/Auditors] member 3 is not a RAM user name (value: "alice@corp.onaliyun.com"). Rule: RAM user name may contain only letters, digits, periods (.), hyphens (-) and underscores (_). Fix: pass the user name, not its logon name or display name (https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-createuser)',
      ].join('\n'),
    );
  });

  test('an exclusive membership on an existing group, or without members', () => {
    const stack = newStack();
    expect(() =>
      CrAccessTeam.readers(stack, 'T', {
        groupName: 'readers',
        createGroup: false,
        members: [],
        membership: CrTeamMembership.EXCLUSIVE,
      }),
    ).toThrow(
      [
        '[platform/T] membership EXCLUSIVE is set on an existing group (createGroup: false) (value: "readers"). Rule: an exclusive membership owns the group\'s whole member list and would remove the members added elsewhere. Fix: use CrTeamMembership.PER_MEMBER for an existing group, or let the team create the group',
        '[platform/T] membership EXCLUSIVE is set on a team without members (value: []). Rule: alicloud_ram_group_membership needs at least one user name, and reads as deleted when the group is empty. Fix: add members, or use CrTeamMembership.PER_MEMBER',
      ].join('\n'),
    );
  });

  test('a group name with a space', () => {
    const stack = newStack();
    expect(() => CrAccessTeam.readers(stack, 'T', { groupName: 'team a', members: [] })).toThrow(
      '[platform/T] invalid groupName (value: "team a"). Rule: RAM user group name may contain only letters, digits, periods (.), hyphens (-) and underscores (_). Fix: change it (https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-creategroup)',
    );
  });
});

describe('RAM group limits are synth-time errors naming the user, the teams and the limit', () => {
  test(`a user in ${GROUPS_PER_USER_MAX + 1} teams`, () => {
    const stack = newStack();
    const teams = Array.from({ length: GROUPS_PER_USER_MAX + 1 }, (_, t) => `team-${t}`);
    for (const t of teams) {
      CrAccessTeam.readers(stack, t, { groupName: t, members: ['alice', `only-${t}`] });
    }
    const listed = teams.map((t) => `platform/${t} (${t})`).join(', ');
    expect(() => synth(stack)).toThrow(
      `[platform/team-${GROUPS_PER_USER_MAX}] RAM user alice would be in ${GROUPS_PER_USER_MAX + 1} RAM user groups (teams: ${listed}) (value: "alice"). Rule: a RAM user is in at most ${GROUPS_PER_USER_MAX} RAM user groups, not adjustable (https://www.alibabacloud.com/help/en/ram/product-overview/limits); groups outside this stack count too. Fix: remove the user from teams it does not need, or merge teams that grant the same access`,
    );
  });

  test(`a user in ${GROUPS_PER_USER_MAX} teams is accepted`, () => {
    const stack = newStack();
    for (let t = 0; t < GROUPS_PER_USER_MAX; t++) {
      CrAccessTeam.readers(stack, `T${t}`, { groupName: `team-${t}`, members: ['alice'] });
    }
    expect(() => synth(stack)).not.toThrow();
  });

  test(`a stack creating ${GROUPS_PER_ACCOUNT_MAX + 1} groups`, () => {
    const stack = newStack();
    for (let t = 0; t <= GROUPS_PER_ACCOUNT_MAX; t++) {
      CrAccessTeam.readers(stack, `T${t}`, { groupName: `team-${t}`, members: [] });
    }
    expect(() => synth(stack)).toThrow(
      `[platform] the stack's teams would create ${GROUPS_PER_ACCOUNT_MAX + 1} RAM user groups (${GROUPS_PER_ACCOUNT_MAX + 1} teams: platform/T0, platform/T1, platform/T2, platform/T3, platform/T4, platform/T5, platform/T6, platform/T7, … (+${GROUPS_PER_ACCOUNT_MAX + 1 - LISTED_MAX} more)) (value: ${GROUPS_PER_ACCOUNT_MAX + 1}). Rule: an account has at most ${GROUPS_PER_ACCOUNT_MAX} RAM user groups, not adjustable (https://www.alibabacloud.com/help/en/ram/product-overview/limits). Fix: merge teams that grant the same access, or deploy the teams into several accounts (one stack each)`,
    );
  });

  test('two teams creating the same group', () => {
    const stack = newStack();
    CrAccessTeam.readers(stack, 'A', { groupName: 'registry', members: ['alice'] });
    CrAccessTeam.readers(stack, 'B', { groupName: 'registry', members: ['bob'] });
    expect(() => synth(stack)).toThrow(
      '[platform/B] RAM user group registry is created by 2 teams (teams: platform/A, platform/B) (value: "registry"). Rule: a group name is unique in the account, so one team creates it. Fix: give the other teams createGroup: false, or different group names',
    );
  });

  test('policies per group: teams on one group over the custom policy limit', () => {
    const stack = newStack();
    const team = CrAccessTeam.readers(stack, 'Readers', { groupName: 'readers', members: ['alice'] });
    for (let k = 0; k <= CUSTOM_POLICIES_PER_PRINCIPAL_MAX; k++) {
      new CrAccessTeam(stack, `Custom${k}`, {
        groupName: team.groupName,
        createGroup: false,
        members: [],
        access: CrAccess.custom(
          PolicyDocument.of([
            PolicyStatement.allow(['cr:PullRepository'], [`acs:cr:*:*:repository/cri-${k}/*`]),
          ]),
        ),
      });
    }
    // The group is named by its literal name, however each team refers to it.
    expect(() => synth(stack)).toThrow(
      `[platform/Readers/Grant] IMSGroup readers would have ${CUSTOM_POLICIES_PER_PRINCIPAL_MAX + 1} custom policies attached at account scope`,
    );
  });
});
