import {
  CrAccess,
  CrAccessGrant,
  CrAccessScope,
  CrReadOnlyUser,
  PolicyDocument,
  PolicyStatement,
  RamPrincipal,
  ResourceGroupScopedCrReadOnly,
} from '../../src';
import { AnnotationMetadataEntryType } from '../../src/core-lib';
import * as alicloud from '../../src/generated/alicloud';
import { CUSTOM_POLICIES_PER_PRINCIPAL_MAX, LISTED_MAX } from '../../src/policy';
import type { PolicyError } from '../../src/policy/diagnostic';
import { newStack } from '../support/stack';
import { synth } from '../support/synth';

const rg = (ids: string[]) => CrAccessScope.resourceGroups(ids);
const user = RamPrincipal.user('alice');

describe('invalid props throw at once with path, value, rule and fix', () => {
  const cases: [string, (stack: ReturnType<typeof newStack>) => unknown, string][] = [
    [
      'a user name with a space',
      (s) => new CrReadOnlyUser(s, 'Ci', { userName: 'ci puller' }),
      '[platform/Ci] invalid userName (value: "ci puller"). Rule: RAM user name may contain only letters, digits, periods (.), hyphens (-) and underscores (_). Fix: change it (https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-createuser)',
    ],
    [
      'a user name over 64 characters',
      (s) => new CrReadOnlyUser(s, 'Ci', { userName: 'x'.repeat(65) }),
      `[platform/Ci] invalid userName (value: "${'x'.repeat(65)}"). Rule: RAM user name must be 1 to 64 characters long (it has 65). Fix: change it (https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-createuser)`,
    ],
    [
      'a role name with an underscore',
      (s) =>
        new CrAccessGrant(s, 'G', {
          principal: RamPrincipal.role('ci_builder'),
          access: CrAccess.readOnly(),
        }),
      '[platform/G] invalid RAM role name (value: "ci_builder"). Rule: RAM role name may contain only letters, digits, periods (.) and hyphens (-). Fix: rename it (https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-createrole)',
    ],
    [
      'an empty resource group list',
      (s) => new CrAccessGrant(s, 'G', { principal: user, access: CrAccess.readOnly(), scope: rg([]) }),
      '[platform/G] the resource group list is empty (value: []). Rule: a resource-group scope names at least one resource group. Fix: pass resource group IDs, or use CrAccessScope.account() for the whole account',
    ],
    [
      'a resource group name instead of an ID',
      (s) => new ResourceGroupScopedCrReadOnly(s, 'R', { principal: user, resourceGroupIds: ['team-a'] }),
      '[platform/R/Grant] resource group 0 is not a resource group ID (value: "team-a"). Rule: resource group ID may contain only "rg-" followed by letters and digits. Fix: pass the ID (rg-…) shown in the Resource Management console, not the group name, or the id of an alicloud_resource_manager_resource_group',
    ],
    [
      'a duplicate resource group',
      (s) =>
        new CrAccessGrant(s, 'G', {
          principal: user,
          access: CrAccess.readOnly(),
          scope: rg(['rg-a1', 'rg-a1']),
        }),
      '[platform/G] resource group 1 repeats an earlier one (value: "rg-a1"). Rule: each resource group is named once per grant. Fix: remove the duplicate',
    ],
    [
      'the same resource group of the stack read twice (two tokens, one group)',
      (s) => {
        const team = new alicloud.resourceManagerResourceGroup.ResourceManagerResourceGroup(s, 'TeamA', {
          resourceGroupName: 'team-a',
          displayName: 'Team A',
        });
        return new CrAccessGrant(s, 'G', {
          principal: user,
          access: CrAccess.readOnly(),
          scope: rg([team.id, team.id]),
        });
      },
      '[platform/G] resource group 1 repeats an earlier one (value: "${alicloud_resource_manager_resource_group.TeamA.id}"). Rule: each resource group is named once per grant. Fix: remove the duplicate',
    ],
    [
      'both accountId and accountAlias',
      (s) =>
        new CrAccessGrant(s, 'G', {
          principal: user,
          access: CrAccess.readOnly(),
          accountId: '123',
          accountAlias: 'acme',
        }),
      '[platform/G] both accountId and accountAlias are given (value: {"accountId":"123","accountAlias":"acme"}). Rule: the account is named once: by its ID, or by its alias when the default domain was changed. Fix: remove one of them',
    ],
    [
      'an account ID that is not a number',
      (s) => new CrAccessGrant(s, 'G', { principal: user, access: CrAccess.readOnly(), accountId: 'acme' }),
      '[platform/G] accountId is not an Alibaba Cloud account ID (value: "acme"). Rule: an account ID is a number such as 1234567890123456. Fix: pass the numeric account ID, or accountAlias for an alias',
    ],
    [
      'a policy name prefix with an underscore',
      (s) =>
        new CrAccessGrant(s, 'G', {
          principal: user,
          access: CrAccess.readOnly(),
          policyNamePrefix: 'cr_team',
        }),
      '[platform/G] invalid policyNamePrefix (value: "cr_team"). Rule: policy name prefix may contain only letters, digits and hyphens (-), leaving room for the access name and scope part within the 128-character policy name (https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-createpolicy). Fix: shorten it or remove the other characters',
    ],
    [
      'an exclusion on an account-scope grant',
      (s) =>
        new CrAccessGrant(s, 'G', {
          principal: user,
          access: CrAccess.fullAccess(),
          excludeWriteActionsFromAccountLevel: true,
        }),
      '[platform/G] excludeWriteActionsFromAccountLevel is set on a grant at account scope (value: true). Rule: account-level exclusions apply to the split of a resource-group grant only. Fix: remove it, or give the grant a resource-group scope',
    ],
    [
      'a misspelled action in a custom document',
      (s) =>
        new CrAccessGrant(s, 'G', {
          principal: user,
          access: CrAccess.custom(PolicyDocument.of([PolicyStatement.allow(['cr:PulRepository'])])),
        }),
      '[platform/G Statement[0].Action[0]] unknown Container Registry action. Did you mean "cr:PullRepository"? (value: "cr:PulRepository"). Rule: a cr: action one edit (a letter added, dropped or changed, or two neighbours swapped) from a catalog action is taken for a typo. Fix: correct the spelling; if Alibaba really has this action, add "cr:PulRepository" to acceptUnknownActions',
    ],
    [
      'NotAction in a resource-group grant',
      (s) =>
        new CrAccessGrant(s, 'G', {
          principal: user,
          access: CrAccess.custom(PolicyDocument.of([new PolicyStatement({ notActions: ['cr:Delete*'] })])),
          scope: rg(['rg-a1']),
        }),
      '[platform/G Statement[0].NotAction] an Allow statement with NotAction cannot be split for resource-group scope (value: ["cr:Delete*"]). Rule: actions without resource-group support must be granted at account level, and granting the complement of NotAction account-wide would grant far more than intended. Fix: list the allowed actions in Action instead, and use a Deny statement for what must be excluded',
    ],
  ];

  test.each(cases)('%s', (_name, build, message) => {
    expect(() => build(newStack())).toThrow(message);
    try {
      build(newStack());
    } catch (e) {
      expect((e as Error).message).toBe(message);
    }
  });

  test('a document that breaks a rule is reported by the construct it is given to, with its path', () => {
    const fromJson = PolicyDocument.fromJson(
      '{"Version":"1","Statement":[{"Effect":"allow","Action":"cr:GetRepository","Resource":"*"}]}',
    );
    const built = PolicyDocument.of([
      PolicyStatement.allow(['cr:GetRepository']),
      PolicyStatement.allow(['GetRepository']),
    ]);
    const errorOf = (document: PolicyDocument) => {
      try {
        new CrAccessGrant(newStack(), 'G', {
          principal: RamPrincipal.role('ci_builder'),
          access: CrAccess.custom(document),
        });
      } catch (e) {
        return e as PolicyError;
      }
      throw new Error('expected a PolicyError');
    };
    const e = errorOf(fromJson);
    expect(e.message).toBe(
      [
        '[platform/G] invalid RAM role name (value: "ci_builder"). Rule: RAM role name may contain only letters, digits, periods (.) and hyphens (-). Fix: rename it (https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-createrole)',
        '[platform/G Statement[0].Effect] invalid Effect. Did you mean "Allow"? (value: "allow"). Rule: every statement has "Effect": "Allow" or "Effect": "Deny" (case-sensitive). Fix: set "Effect" to "Allow" or "Deny"',
      ].join('\n'),
    );
    expect(e.diagnostics.map((d) => [d.constructPath, d.location])).toEqual([
      ['platform/G', ''],
      ['platform/G', 'Statement[0].Effect'],
    ]);
    expect(errorOf(built).message).toContain(
      '[platform/G Statement[1].Action[0]] malformed Action value (value: "GetRepository")',
    );
  });

  test('every broken rule of one construct is reported in one error', () => {
    const build = () =>
      new CrAccessGrant(newStack(), 'G', {
        principal: RamPrincipal.group('bad group'),
        access: CrAccess.readOnly(),
        scope: rg(['x', 'x']),
      });
    expect(() => build()).toThrow(
      /invalid RAM user group name[\s\S]*repeats an earlier one[\s\S]*is not a resource group ID/,
    );
  });
});

describe('whole-stack validations at synth', () => {
  test('a principal granted two presets at the same scope is an error naming both grants', () => {
    const stack = newStack();
    new CrAccessGrant(stack, 'Read', { principal: user, access: CrAccess.readOnly(), scope: rg(['rg-a1']) });
    new CrAccessGrant(stack, 'Full', {
      principal: user,
      access: CrAccess.fullAccess(),
      scope: rg(['rg-a1', 'rg-b2']),
    });
    expect(() => synth(stack)).toThrow(
      '[platform/Full] IMSUser alice is granted conflicting presets at resource group rg-a1 (grants: platform/Read, platform/Full) (value: ["full-access","read-only"]). Rule: a principal gets one preset per scope, directly or through its teams; the wider one makes the narrower one meaningless. Fix: keep the one grant that states the access you intend',
    );
  });

  test('conflicting presets are found in a resource group of the stack, however often its id is read', () => {
    const stack = newStack();
    const team = new alicloud.resourceManagerResourceGroup.ResourceManagerResourceGroup(stack, 'TeamA', {
      resourceGroupName: 'team-a',
      displayName: 'Team A',
    });
    new CrAccessGrant(stack, 'Read', { principal: user, access: CrAccess.readOnly(), scope: rg([team.id]) });
    new CrAccessGrant(stack, 'Full', {
      principal: user,
      access: CrAccess.fullAccess(),
      scope: rg([team.id]),
    });
    expect(() => synth(stack)).toThrow(
      'IMSUser alice is granted conflicting presets at resource group ${alicloud_resource_manager_resource_group.TeamA.id} (grants: platform/Read, platform/Full)',
    );
  });

  test('a user of the stack is one principal however often its name is read, named by its literal name', () => {
    const stack = newStack();
    const alice = new alicloud.ramUser.RamUser(stack, 'Alice', { name: 'alice' });
    const read = RamPrincipal.user(alice.name);
    const full = RamPrincipal.user(alice.name);
    expect(read.principalName).not.toBe(full.principalName);
    new CrAccessGrant(stack, 'Read', { principal: read, access: CrAccess.readOnly() });
    new CrAccessGrant(stack, 'Full', { principal: full, access: CrAccess.fullAccess() });
    expect(() => synth(stack)).toThrow(
      '[platform/Full] IMSUser alice is granted conflicting presets at account scope (grants: platform/Read, platform/Full)',
    );
  });

  test('different presets in different resource groups are fine', () => {
    const stack = newStack();
    new CrAccessGrant(stack, 'Read', { principal: user, access: CrAccess.readOnly(), scope: rg(['rg-a1']) });
    new CrAccessGrant(stack, 'Full', {
      principal: user,
      access: CrAccess.fullAccess(),
      scope: rg(['rg-b2']),
    });
    expect(() => synth(stack)).not.toThrow();
  });

  test('more custom policies on one principal than RAM allows is an error', () => {
    const stack = newStack();
    const actions = [
      'cr:GetRepository',
      'cr:ListRepository',
      'cr:GetNamespace',
      'cr:ListNamespace',
      'cr:GetInstance',
      'cr:ListInstance',
    ];
    const subsets = actions.flatMap((a, i) => actions.slice(i + 1).map((b) => [a, b])).slice(0, 11);
    subsets.forEach((pair, i) => {
      new CrAccessGrant(stack, `G${i}`, {
        principal: RamPrincipal.role('builder'),
        access: CrAccess.custom(PolicyDocument.of([PolicyStatement.allow(pair)])),
      });
    });
    expect(() => synth(stack)).toThrow(
      /\[platform\/G0\] ServiceRole builder would have 11 custom policies attached at account scope \(grants: 11 grants: platform\/G0, .*\(\+3 more\)\) \(value: 11 policies: cr-platform-.*\(\+3 more\)\)\. Rule: RAM attaches at most 10 custom policies to one principal \(https:\/\/www\.alibabacloud\.com\/help\/en\/ram\/product-overview\/limits\)\. Fix: combine the grants/,
    );
  });

  test('custom policies over the quota across account and resource-group scopes are a warning, since the docs do not say whether they count', () => {
    const stack = newStack();
    const groups = Array.from({ length: CUSTOM_POLICIES_PER_PRINCIPAL_MAX + 1 }, (_, i) => `rg-team${i}`);
    const grant = new CrAccessGrant(stack, 'Dev', {
      principal: RamPrincipal.role('builder'),
      access: CrAccess.custom(PolicyDocument.of([PolicyStatement.allow(['cr:PullRepository'])])),
      scope: rg(groups),
    });
    expect(() => synth(stack)).not.toThrow();
    const warnings = grant.node.metadata
      .filter((m) => m.type === AnnotationMetadataEntryType.WARN)
      .map((m) => String(m.data));
    expect(warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^ServiceRole builder would have ${groups.length} custom policy attachments across account and resource-group scopes \\(0 at account scope; grants: platform/Dev\\) \\(value: ${groups.length} attachments: cr-platform-custom-[0-9a-f]{12}-rg at rg-team0, .*\\(\\+${groups.length - LISTED_MAX} more\\)\\)\\. Rule: RAM attaches at most 10 custom policies to one principal \\(https://www\\.alibabacloud\\.com/help/en/ram/product-overview/limits\\); the docs do not say whether attachments at resource-group scope count toward it \\(see RESOURCE_GROUP_SCOPE_QUOTA_DOCUMENTED\\)\\. Fix: expect AttachPolicy to fail if they do`,
        ),
      ),
    ]);
  });

  test('one resource group fewer gives no quota warning', () => {
    const stack = newStack();
    const groups = Array.from({ length: CUSTOM_POLICIES_PER_PRINCIPAL_MAX }, (_, i) => `rg-team${i}`);
    const grant = new CrAccessGrant(stack, 'Dev', {
      principal: RamPrincipal.role('builder'),
      access: CrAccess.custom(PolicyDocument.of([PolicyStatement.allow(['cr:PullRepository'])])),
      scope: rg(groups),
    });
    synth(stack);
    expect(grant.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN)).toEqual([]);
  });

  test('two preset constructs creating the same RAM user name is an error naming both paths', () => {
    const stack = newStack();
    new CrReadOnlyUser(stack, 'CiA', { userName: 'ci' });
    new CrReadOnlyUser(stack, 'CiB', { userName: 'ci', resourceGroupIds: ['rg-a1'] });
    expect(() => synth(stack)).toThrow(
      '[platform/CiB] 2 constructs create the RAM user ci (platform/CiA/User, platform/CiB/User) (value: "ci"). Rule: a RAM user name is unique in an account: the second creation would fail, or two resources would manage one identity. Fix: create the RAM user once and pass its name (e.g. RamPrincipal.user(user.name)) to every grant that needs it\n',
    );
  });

  test("a preset construct's user and the stack's own alicloud_ram_user of the same name is an error", () => {
    const stack = newStack();
    new alicloud.ramUser.RamUser(stack, 'Ci', { name: 'ci' });
    new CrReadOnlyUser(stack, 'Puller', { userName: 'ci' });
    expect(() => synth(stack)).toThrow(
      '[platform/Puller] 2 constructs create the RAM user ci (platform/Ci, platform/Puller/User)',
    );
  });

  test("two of the stack's own groups of one name are reported on the stack once a grant is present", () => {
    const stack = newStack();
    new alicloud.ramGroup.RamGroup(stack, 'A', { groupName: 'readers' });
    new alicloud.ramGroup.RamGroup(stack, 'B', { groupName: 'readers' });
    new CrAccessGrant(stack, 'G', { principal: RamPrincipal.group('readers'), access: CrAccess.readOnly() });
    expect(() => synth(stack)).toThrow(
      '[platform] 2 constructs create the RAM user group readers (platform/A, platform/B) (value: "readers")',
    );
  });

  test('different user names are fine', () => {
    const stack = newStack();
    new CrReadOnlyUser(stack, 'CiA', { userName: 'ci-a' });
    new CrReadOnlyUser(stack, 'CiB', { userName: 'ci-b' });
    expect(() => synth(stack)).not.toThrow();
  });

  test('a principal named by a literal and by a reference to the same user counts once toward the quota', () => {
    const stack = newStack();
    const alice = new alicloud.ramUser.RamUser(stack, 'Alice', { name: 'alice' });
    new CrAccessGrant(stack, 'ByName', {
      principal: RamPrincipal.user('alice'),
      access: CrAccess.readOnly(),
    });
    new CrAccessGrant(stack, 'ByRef', {
      principal: RamPrincipal.user(alice.name),
      access: CrAccess.readOnly(),
      scope: rg(['rg-a1']),
    });
    // Both grants are for one principal: the same preset at different scopes is fine.
    expect(() => synth(stack)).not.toThrow();
    const stack2 = newStack();
    const bob = new alicloud.ramUser.RamUser(stack2, 'Bob', { name: 'bob' });
    new CrAccessGrant(stack2, 'ByName', { principal: RamPrincipal.user('bob'), access: CrAccess.readOnly() });
    new CrAccessGrant(stack2, 'ByRef', {
      principal: RamPrincipal.user(bob.name),
      access: CrAccess.fullAccess(),
    });
    expect(() => synth(stack2)).toThrow(
      '[platform/ByRef] IMSUser bob is granted conflicting presets at account scope',
    );
  });
});
