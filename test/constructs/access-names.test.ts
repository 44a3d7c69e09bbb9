/** Names of custom accesses, one document per name, unnamed accesses, and policy names across an app's stacks. */
import {
  CrAccess,
  CrAccessGrant,
  CrAccessScope,
  PolicyDocument,
  PolicyStatement,
  RamPrincipal,
} from '../../src';
import { TerraformStack } from '../../src/core-lib';
import * as alicloud from '../../src/generated/alicloud';
import { newStack } from '../support/stack';
import { synth, synthErrors } from '../support/synth';

const doc = (...actions: string[]) => PolicyDocument.of([PolicyStatement.allow(actions)]);
const alice = RamPrincipal.user('alice');
const bob = RamPrincipal.user('bob');

test('grants of one named access share its policies, named from the name and scope part', () => {
  const stack = newStack();
  const access = CrAccess.custom(doc('cr:GetRepositoryTag', 'cr:PullRepository'), { name: 'ci' });
  const scope = CrAccessScope.resourceGroups(['rg-team1']);
  const a = new CrAccessGrant(stack, 'A', { principal: alice, access, scope });
  new CrAccessGrant(stack, 'B', { principal: bob, access, scope });
  const out = synth(stack);
  expect(a.customPolicyNames).toEqual(['cr-platform-ci-rg', 'cr-platform-ci-rgaccount']);
  expect(Object.values<any>(out.resource.alicloud_ram_policy).map((p) => p.policy_name)).toEqual(
    a.customPolicyNames,
  );
});

test('two different documents under one access name (compared without regard to case) are an error naming both constructs', () => {
  const stack = newStack();
  new CrAccessGrant(stack, 'A', {
    principal: alice,
    access: CrAccess.custom(doc('cr:GetRepository'), { name: 'web' }),
  });
  expect(
    () =>
      new CrAccessGrant(stack, 'B', {
        principal: bob,
        access: CrAccess.custom(doc('cr:PullRepository'), { name: 'Web' }),
      }),
  ).toThrow(
    '[platform/B] two different documents would be the policy cr-platform-Web-account (access web; constructs: platform/A, platform/B) (value: "web"). Rule: a policy name comes from the access name, never from the document, so one name in a stack states one document (RAM compares policy names without regard to case). Fix: give one of the custom accesses another name (CrAccess.custom(document, { name })), or use one document for both',
  );
});

test('a custom access name that is also a preset, with another document, is the same error', () => {
  const stack = newStack();
  new CrAccessGrant(stack, 'A', { principal: alice, access: CrAccess.developer() });
  expect(
    () =>
      new CrAccessGrant(stack, 'B', {
        principal: bob,
        access: CrAccess.custom(doc('cr:PullRepository'), { name: 'developer' }),
      }),
  ).toThrow(/^\[platform\/B\] two different documents would be the policy cr-platform-developer-account/);
});

test('an invalid access name is an error with the construct path', () => {
  const stack = newStack();
  expect(
    () =>
      new CrAccessGrant(stack, 'A', {
        principal: alice,
        access: CrAccess.custom(doc('cr:GetRepository'), { name: 'ci_push'.padEnd(50, 'x') }),
      }),
  ).toThrow(
    `[platform/A] invalid custom access name (value: "ci_pushxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"). Rule: custom access name must be 1 to 48 characters long (it has 50), as it becomes part of RAM policy names of at most 128 characters (https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-createpolicy). Fix: shorten it or remove the other characters`,
  );
});

test('an unnamed custom access says once per stack that naming it makes changes in-place updates', () => {
  const stack = newStack();
  const access = CrAccess.custom(doc('cr:GetRepository'));
  const a = new CrAccessGrant(stack, 'A', { principal: alice, access });
  const b = new CrAccessGrant(stack, 'B', { principal: bob, access });
  synth(stack);
  const infos = (g: CrAccessGrant) =>
    g.node.metadata.filter((m) => m.type === '@cdktf/info').map((m) => m.data);
  expect(infos(a)).toEqual([
    expect.stringMatching(
      /^this custom access has no name, so its policies are named from its content \(value: custom-[0-9a-f]{12}\)\. Rule: .*Fix: name it to make later changes in-place updates: CrAccess\.custom\(document, \{ name: 'ci-push' \}\)$/,
    ),
  ]);
  expect(infos(b)).toEqual([]);
  const named = newStack();
  const c = new CrAccessGrant(named, 'C', {
    principal: alice,
    access: CrAccess.custom(doc('cr:GetRepository'), { name: 'ci' }),
  });
  synth(named);
  expect(infos(c)).toEqual([]);
});

test('stacks team-a and team_a of one app would create the same policy names: an error in each, naming both stacks', () => {
  const first = newStack('team-a');
  const second = new TerraformStack(first.node.root, 'team_a');
  new alicloud.provider.AlicloudProvider(second, 'alicloud', { region: 'cn-hangzhou' });
  for (const stack of [first, second])
    new CrAccessGrant(stack, 'G', { principal: alice, access: CrAccess.developer() });
  expect(synthErrors(second)).toEqual([
    '[team_a/CrAccessPolicies] stacks team-a and team_a of one app create 1 policy of the same name (value: cr-team-a-developer-account). Rule: a RAM policy name is unique in an account, and RAM policy names are compared without regard to case (aliyun/terraform-provider-alicloud alicloud/service_alicloud_ram.go (commit f4e08becc, 2021-09-01; unchanged at 81c43b672)). Fix: give the grants, teams and checks of one stack another policyNamePrefix (the default is cr-<stack name>, with characters RAM does not allow as hyphens)',
  ]);
  expect(synthErrors(first)).toHaveLength(1);
});

test('a policyNamePrefix on one stack keeps the names of two stacks apart', () => {
  const first = newStack('team-a');
  const second = new TerraformStack(first.node.root, 'team_a');
  new alicloud.provider.AlicloudProvider(second, 'alicloud', { region: 'cn-hangzhou' });
  new CrAccessGrant(first, 'G', { principal: alice, access: CrAccess.developer() });
  new CrAccessGrant(second, 'G', {
    principal: alice,
    access: CrAccess.developer(),
    policyNamePrefix: 'cr-team-a2',
  });
  expect(synthErrors(first)).toEqual([]);
  expect(synthErrors(second)).toEqual([]);
});
