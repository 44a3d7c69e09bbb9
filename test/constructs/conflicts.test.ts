/**
 * One rule for conflicts and duplicates: what a team grants its members is checked with direct grants,
 * principals are one key however they are written, names are compared as RAM compares them
 * (src/policy/name-case.ts), and props JavaScript can get wrong are the library's errors.
 */
import {
  CrAccess,
  CrAccessGrant,
  CrAccessScope,
  CrAccessTeam,
  CrReadOnlyUser,
  PolicyDocument,
  PolicyStatement,
  RamPrincipal,
  ResourceGroupScopedCrDeveloper,
  ResourceGroupScopedCrReadOnly,
} from '../../src';
import { AnnotationMetadataEntryType, type TerraformStack } from '../../src/core-lib';
import * as alicloud from '../../src/generated/alicloud';
import { newStack } from '../support/stack';
import { synth, synthErrors } from '../support/synth';

const rg = (ids: string[]) => CrAccessScope.resourceGroups(ids);
const alice = RamPrincipal.user('alice');
const PRESET_RULE =
  'Rule: a principal gets one preset per scope, directly or through its teams; the wider one makes the narrower one meaningless. Fix: keep the one grant that states the access you intend';
const USER_CASE_RULE =
  "Rule: Alibaba's documentation does not say whether RAM user names are case-sensitive (https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-createuser), so names that differ only in case may be one name or two. Fix: write the RAM user name the same way everywhere if they mean one; if they are two, make sure RAM tells them apart before apply";

/** Every warning annotation of the stack, as `[path] text`. */
function warnings(stack: TerraformStack): string[] {
  return stack.node
    .findAll()
    .flatMap((n) =>
      n.node.metadata
        .filter((m) => m.type === AnnotationMetadataEntryType.WARN)
        .map((m) => `[${n.node.path}] ${String(m.data)}`),
    );
}

describe('teams are checked like direct grants', () => {
  test('a user in a readers team and a developers team of one resource group is an error naming both teams', () => {
    const stack = newStack();
    CrAccessTeam.readers(stack, 'Readers', {
      groupName: 'readers',
      members: ['alice', 'bob'],
      scope: rg(['rg-a1']),
    });
    CrAccessTeam.developers(stack, 'Devs', { groupName: 'devs', members: ['alice'], scope: rg(['rg-a1']) });
    expect(synthErrors(stack)).toEqual([
      `[platform/Devs/Grant] IMSUser alice is granted conflicting presets at resource group rg-a1 (grants: team platform/Readers, team platform/Devs) (value: ["developer","read-only"]). ${PRESET_RULE}`,
    ]);
  });

  test('a team and a direct grant of different presets to one member at one scope is an error naming both', () => {
    const stack = newStack();
    CrAccessTeam.readers(stack, 'Readers', {
      groupName: 'readers',
      members: ['alice'],
      scope: rg(['rg-a1']),
    });
    new CrAccessGrant(stack, 'Full', {
      principal: alice,
      access: CrAccess.fullAccess(),
      scope: rg(['rg-a1', 'rg-b2']),
    });
    expect(synthErrors(stack)).toEqual([
      `[platform/Readers/Grant] IMSUser alice is granted conflicting presets at resource group rg-a1 (grants: platform/Full, team platform/Readers) (value: ["full-access","read-only"]). ${PRESET_RULE}`,
    ]);
  });

  test('a member written as a literal in one team and as user.name in another is one principal', () => {
    const stack = newStack();
    const user = new CrReadOnlyUser(stack, 'Alice', { userName: 'alice', resourceGroupIds: ['rg-b2'] });
    CrAccessTeam.readers(stack, 'Readers', { groupName: 'readers', members: ['alice'] });
    CrAccessTeam.developers(stack, 'Devs', { groupName: 'devs', members: [user.userName] });
    expect(synthErrors(stack)).toEqual([
      `[platform/Devs/Grant] IMSUser alice is granted conflicting presets at account scope (grants: team platform/Readers, team platform/Devs) (value: ["developer","read-only"]). ${PRESET_RULE}`,
    ]);
  });

  test('teams of different presets in different resource groups, or of one preset in one, are fine', () => {
    const stack = newStack();
    CrAccessTeam.readers(stack, 'Readers', {
      groupName: 'readers',
      members: ['alice'],
      scope: rg(['rg-a1']),
    });
    CrAccessTeam.readers(stack, 'Auditors', {
      groupName: 'auditors',
      members: ['alice'],
      scope: rg(['rg-a1']),
    });
    CrAccessTeam.developers(stack, 'Devs', { groupName: 'devs', members: ['alice'], scope: rg(['rg-b2']) });
    expect(synthErrors(stack)).toEqual([]);
  });

  test('a user outside the conflicting teams is not reported', () => {
    const stack = newStack();
    CrAccessTeam.readers(stack, 'Readers', { groupName: 'readers', members: ['bob'], scope: rg(['rg-a1']) });
    CrAccessTeam.developers(stack, 'Devs', { groupName: 'devs', members: ['alice'], scope: rg(['rg-a1']) });
    expect(synthErrors(stack)).toEqual([]);
  });
});

describe('a principal is one key, whether written as a literal or as a reference to its resource', () => {
  test('alice and user.name of a user named alice in one team are a duplicate member naming both', () => {
    const stack = newStack();
    const user = new alicloud.ramUser.RamUser(stack, 'Alice', { name: 'alice' });
    CrAccessTeam.readers(stack, 'Readers', { groupName: 'readers', members: ['alice', user.name] });
    expect(synthErrors(stack)).toEqual([
      '[platform/Readers] member 1 and member 0 are both alice (value: ["alice","${alicloud_ram_user.Alice.name}"]). Rule: each member is named once per team. Fix: remove the duplicate',
    ]);
  });

  test('the same duplicate counts once toward the groups a user is in', () => {
    const stack = newStack();
    const user = new alicloud.ramUser.RamUser(stack, 'Alice', { name: 'alice' });
    for (let i = 0; i < 5; i++) {
      CrAccessTeam.readers(stack, `A${i}`, { groupName: `a-${i}`, members: ['alice'] });
      CrAccessTeam.readers(stack, `B${i}`, { groupName: `b-${i}`, members: [user.name] });
    }
    CrAccessTeam.readers(stack, 'C', { groupName: 'c', members: [user.name] });
    expect(synthErrors(stack)).toEqual([
      expect.stringMatching(/^\[platform\/C\] RAM user alice would be in 11 RAM user groups/),
    ]);
  });
});

describe('names are compared as RAM compares them (src/policy/name-case.ts)', () => {
  test('team members that differ only in case are a warning naming the team and both names', () => {
    const stack = newStack();
    CrAccessTeam.readers(stack, 'Readers', { groupName: 'readers', members: ['alice', 'Alice'] });
    expect(synthErrors(stack)).toEqual([]);
    expect(warnings(stack)).toEqual([
      `[platform/Readers/Grant] 2 RAM user names differ only in case (team platform/Readers) (value: ["Alice","alice"]). ${USER_CASE_RULE}`,
    ]);
  });

  test('grants to principals that differ only in case are a warning naming both grants', () => {
    const stack = newStack();
    new CrAccessGrant(stack, 'Read', { principal: alice, access: CrAccess.readOnly(), scope: rg(['rg-a1']) });
    new CrAccessGrant(stack, 'Dev', {
      principal: RamPrincipal.user('ALICE'),
      access: CrAccess.developer(),
      scope: rg(['rg-a1']),
    });
    expect(synthErrors(stack)).toEqual([]);
    expect(warnings(stack)).toContain(
      `[platform/Dev] 2 RAM user names differ only in case (platform/Read, platform/Dev) (value: ["ALICE","alice"]). ${USER_CASE_RULE}`,
    );
  });

  test('resource group IDs that differ only in case are a warning naming the grants', () => {
    const stack = newStack();
    new CrAccessGrant(stack, 'A', {
      principal: alice,
      access: CrAccess.readOnly(),
      scope: rg(['rg-aek2teama']),
    });
    new ResourceGroupScopedCrReadOnly(stack, 'B', {
      principal: RamPrincipal.user('bob'),
      resourceGroupIds: ['rg-AEK2teama'],
    });
    expect(synthErrors(stack)).toEqual([]);
    expect(warnings(stack)).toContain(
      '[platform/B/Grant] 2 resource group IDs differ only in case (platform/A, platform/B/Grant) (value: ["rg-AEK2teama","rg-aek2teama"]). Rule: Alibaba\'s documentation does not say whether resource group IDs are case-sensitive (https://www.alibabacloud.com/help/en/resource-management/product-overview/limits), so names that differ only in case may be one name or two. Fix: write the resource group ID the same way everywhere if they mean one; if they are two, make sure RAM tells them apart before apply',
    );
  });

  test('users created with names that differ only in case are a warning on the construct that created one', () => {
    const stack = newStack();
    new CrReadOnlyUser(stack, 'Ci', { userName: 'ci' });
    new alicloud.ramUser.RamUser(stack, 'Other', { name: 'CI' });
    expect(synthErrors(stack)).toEqual([]);
    expect(warnings(stack)).toEqual([
      `[platform/Ci] 2 RAM user names differ only in case (platform/Ci/User, platform/Other) (value: ["CI","ci"]). ${USER_CASE_RULE}`,
    ]);
  });

  test('policy names are compared without regard to case: two attachments of one policy in two spellings are a duplicate', () => {
    const stack = newStack();
    const access = CrAccess.custom(PolicyDocument.of([PolicyStatement.allow(['cr:GetRepository'])]));
    const a = new CrAccessGrant(stack, 'A', { principal: alice, access, policyNamePrefix: 'cr-Team' });
    new CrAccessGrant(stack, 'B', { principal: alice, access, policyNamePrefix: 'cr-team' });
    expect(synthErrors(stack)).toEqual([
      `[platform/B] 2 grants attach the same policy to IMSUser alice (grants: platform/A, platform/B) (value: "${a.customPolicyNames[0]} at account scope"). Rule: one RAM attachment is managed by one resource; with two, deleting or replacing either detaches the policy for both. Fix: give one grant all the resource groups of this access, or drop the grant that repeats the other`,
    ]);
    expect(a.customPolicyNames[0]).toMatch(/^cr-Team-/);
  });

  test('names that differ in more than case give no warning', () => {
    const stack = newStack();
    CrAccessTeam.readers(stack, 'Readers', { groupName: 'readers', members: ['alice', 'alicia'] });
    synth(stack);
    expect(warnings(stack)).toEqual([]);
  });
});

describe('props JavaScript can get wrong are the library’s errors, with the construct path', () => {
  const js = (fn: (stack: TerraformStack) => unknown) => () => fn(newStack());

  test('accountId given as a number is rejected with the reason', () => {
    expect(
      js(
        (s) =>
          new CrAccessGrant(s, 'G', {
            principal: alice,
            access: CrAccess.readOnly(),
            scope: rg(['rg-a1']),
            accountId: 5123456789012345678 as unknown as string,
          }),
      ),
    ).toThrow(
      "[platform/G] accountId is a number, not a string (value: 5123456789012346000). Rule: an account ID is a string of digits: as a JavaScript number, one above 9007199254740991 cannot keep every digit (1234567890123456789 becomes 1234567890123456800), so the grant would name another account. Fix: quote the ID as a string: accountId: '1234567890123456'",
    );
  });

  test('a team without members', () => {
    expect(
      js((s) => new CrAccessTeam(s, 'Team', { groupName: 'readers', access: CrAccess.readOnly() } as any)),
    ).toThrow(
      "[platform/Team] the required prop members is missing. Rule: members is a string list, and the construct cannot be built without it. Fix: pass members, e.g. members: ['alice', user.name]",
    );
  });

  test('a preset team without members', () => {
    expect(js((s) => CrAccessTeam.readers(s, 'Team', { groupName: 'readers' } as any))).toThrow(
      '[platform/Team] the required prop members is missing.',
    );
  });

  test('a grant without principal and access lists both', () => {
    expect(js((s) => new CrAccessGrant(s, 'G', {} as any))).toThrow(
      [
        "[platform/G] the required prop principal is missing. Rule: principal is an object, and the construct cannot be built without it. Fix: pass principal, e.g. principal: RamPrincipal.user('alice')",
        '[platform/G] the required prop access is missing. Rule: access is an object, and the construct cannot be built without it. Fix: pass access, e.g. access: CrAccess.readOnly()',
      ].join('\n'),
    );
  });

  test('no props at all', () => {
    expect(js((s) => new (CrAccessTeam as any)(s, 'Team'))).toThrow(
      /^\[platform\/Team\] the required prop groupName is missing[^\n]*\n\[platform\/Team\] the required prop members is missing[^\n]*\n\[platform\/Team\] the required prop access is missing/,
    );
    expect(js((s) => new (CrReadOnlyUser as any)(s, 'Ci'))).toThrow(
      "[platform/Ci] the required prop userName is missing. Rule: userName is a string, and the construct cannot be built without it. Fix: pass userName, e.g. userName: 'ci-puller'",
    );
    expect(js((s) => new (ResourceGroupScopedCrDeveloper as any)(s, 'Dev', { userName: 'dev' }))).toThrow(
      "[platform/Dev] the required prop resourceGroupIds is missing. Rule: resourceGroupIds is a string list, and the construct cannot be built without it. Fix: pass resourceGroupIds, e.g. resourceGroupIds: ['rg-aek2teama']",
    );
    expect(
      js((s) => new (ResourceGroupScopedCrReadOnly as any)(s, 'Read', { resourceGroupIds: ['rg-a1'] })),
    ).toThrow('[platform/Read] the required prop principal is missing.');
  });

  test('members given as one string rather than a list', () => {
    expect(
      js(
        (s) =>
          new CrAccessTeam(s, 'Team', {
            groupName: 'readers',
            members: 'alice',
            access: CrAccess.readOnly(),
          } as any),
      ),
    ).toThrow(
      '[platform/Team] members is not a string list (value: "alice"). Rule: members is a string list. Fix: pass members as a string list, e.g. members: [\'alice\', user.name]',
    );
  });
});

describe('an empty team', () => {
  test('is a warning in the one message format, and synthesizes', () => {
    const stack = newStack();
    CrAccessTeam.readers(stack, 'Team', { groupName: 'readers', members: [] });
    synth(stack);
    expect(warnings(stack)).toEqual([
      "[platform/Team] the team has no members (value: []). Rule: the team's access reaches only members of its group, and the group it creates (readers) starts empty. Fix: add members, or remove the team if nobody needs its access",
    ]);
  });

  test('on an existing group says the access reaches members added elsewhere', () => {
    const stack = newStack();
    CrAccessTeam.readers(stack, 'Team', { groupName: 'readers', members: [], createGroup: false });
    synth(stack);
    expect(warnings(stack)).toEqual([
      "[platform/Team] the team has no members (value: []). Rule: the team's access reaches only the members of readers added outside this stack. Fix: add members, or remove the team if nobody needs its access",
    ]);
  });
});
