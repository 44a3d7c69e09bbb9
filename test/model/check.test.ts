/**
 * The check on a cdktf stack in process (the cdk.tf.json form): hand-written grants the library did not
 * make, with and without their account-level counterpart, a system policy at resource-group scope, and a
 * stack made only with the library's constructs. Expected actions come from the catalog and seed 002.
 */
import * as alicloud from '../../src/generated/alicloud';
import { type TerraformStack, Testing } from '../../src/core-lib';
import {
  CrAccessCheck,
  CrAccessCheckMode,
  CrAccessScope,
  CrAccessTeam,
  CrCatalog,
  CrReadOnlyUser,
  DiagnosticCode,
  ResourceGroupScopedCrDeveloper,
  checkResources,
  readSynthesized,
} from '../../src';
import * as readOnlySeed from '../fixtures/seeds/002-readonly-account-level-example.json';
import { newStack } from '../support/stack';
import { synth } from '../support/synth';

const ACCOUNT = '1234567890123456';
const CR_ALL = JSON.stringify({
  Version: '1',
  Statement: [{ Effect: 'Allow', Action: 'cr:*', Resource: '*' }],
});

function handWritten(stack: TerraformStack, policy: { name: string; type: string }) {
  const user = new alicloud.ramUser.RamUser(stack, 'Dev', { name: 'dev' });
  new alicloud.resourceManagerPolicyAttachment.ResourceManagerPolicyAttachment(stack, 'DevInTeamA', {
    policyName: policy.name,
    policyType: policy.type,
    principalName: `${user.name}@${ACCOUNT}.onaliyun.com`,
    principalType: 'IMSUser',
    resourceGroupId: 'rg-aek2teama',
  });
  return user;
}

function customCrAll(stack: TerraformStack) {
  return new alicloud.ramPolicy.RamPolicy(stack, 'CrAll', { policyName: 'cr-all', policyDocument: CR_ALL });
}

const check = (stack: TerraformStack) => checkResources(readSynthesized(stack.toTerraform(), stack.node.id));

describe('checkResources on a synthesized stack', () => {
  test('a hand-written resource-group grant of cr:* with no account-level counterpart lacks the 72 actions', () => {
    const stack = newStack();
    handWritten(stack, { name: customCrAll(stack).policyName, type: 'Custom' });
    const { findings, attachmentsChecked } = check(stack);
    expect(attachmentsChecked).toBe(1);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: DiagnosticCode.CR_RG_GRANT_GAP,
      attachment: 'alicloud_resource_manager_policy_attachment.DevInTeamA',
      principal: 'IMSUser dev',
      resourceGroupId: 'rg-aek2teama',
      location: { file: 'platform', constructPath: 'platform/DevInTeamA' },
    });
    const expected = CrCatalog.bundled().resourceGroupUnsupportedActions;
    expect(expected).toHaveLength(72);
    expect(findings[0].missingActions).toEqual(expected);
    expect(JSON.parse(findings[0].fixDocument!).Statement[0].Action).toEqual(expected);
  });

  test('the same grant with an account-level attachment of the 72 actions has no finding', () => {
    const stack = newStack();
    const user = handWritten(stack, { name: customCrAll(stack).policyName, type: 'Custom' });
    const account = new alicloud.ramPolicy.RamPolicy(stack, 'CrAccountLevel', {
      policyName: 'cr-account-level',
      policyDocument: check(stack).findings[0].fixDocument!,
    });
    new alicloud.ramUserPolicyAttachment.RamUserPolicyAttachment(stack, 'DevAccount', {
      userName: user.name,
      policyName: account.policyName,
      policyType: 'Custom',
    });
    expect(check(stack).findings).toEqual([]);
  });

  test('an account-level Resource that covers fewer names than the needed one does not count (? never covers *)', () => {
    const stack = newStack();
    const user = new alicloud.ramUser.RamUser(stack, 'Dev', { name: 'dev' });
    const scoped = (resource: string) =>
      JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'cr:*', Resource: resource }] });
    const grant = new alicloud.ramPolicy.RamPolicy(stack, 'Ns', {
      policyName: 'ns',
      policyDocument: scoped('acs:cr:*:*:repository/cri-1/ns/*'),
    });
    new alicloud.resourceManagerPolicyAttachment.ResourceManagerPolicyAttachment(stack, 'DevInTeamA', {
      policyName: grant.policyName,
      policyType: 'Custom',
      principalName: `${user.name}@${ACCOUNT}.onaliyun.com`,
      principalType: 'IMSUser',
      resourceGroupId: 'rg-aek2teama',
    });
    const narrow = new alicloud.ramPolicy.RamPolicy(stack, 'Narrow', {
      policyName: 'narrow',
      policyDocument: scoped('acs:cr:*:*:repository/cri-1/ns/?'),
    });
    new alicloud.ramUserPolicyAttachment.RamUserPolicyAttachment(stack, 'DevNarrow', {
      userName: user.name,
      policyName: narrow.policyName,
      policyType: 'Custom',
    });
    const [finding] = check(stack).findings;
    expect(finding.code).toBe(DiagnosticCode.CR_RG_GRANT_GAP);
    expect(finding.missingActions).toEqual(CrCatalog.bundled().resourceGroupUnsupportedActions);
  });

  test('a group membership counts: the group holds the account-level policy, the user the scoped one', () => {
    const stack = newStack();
    const user = handWritten(stack, { name: 'AliyunContainerRegistryFullAccess', type: 'System' });
    const group = new alicloud.ramGroup.RamGroup(stack, 'Devs', { name: 'devs' });
    new alicloud.ramGroupMembership.RamGroupMembership(stack, 'Members', {
      groupName: group.name,
      userNames: [user.name],
    });
    new alicloud.ramGroupPolicyAttachment.RamGroupPolicyAttachment(stack, 'DevsFull', {
      groupName: group.name,
      policyName: 'AliyunContainerRegistryFullAccess',
      policyType: 'System',
    });
    expect(check(stack).findings).toEqual([]);
  });

  test('AliyunContainerRegistryReadOnlyAccess at resource-group scope lacks the 37 read actions of seed 002', () => {
    const stack = newStack();
    handWritten(stack, { name: 'AliyunContainerRegistryReadOnlyAccess', type: 'System' });
    const [finding] = check(stack).findings;
    expect(finding.missingActions).toEqual([...readOnlySeed.Statement[0].Action].sort());
  });

  test('a stack made only with the constructs has no finding', () => {
    const stack = newStack();
    new CrReadOnlyUser(stack, 'Auditor', { userName: 'auditor', resourceGroupIds: ['rg-aek2teama'] });
    new ResourceGroupScopedCrDeveloper(stack, 'Alice', {
      userName: 'alice',
      resourceGroupIds: ['rg-aek2teama', 'rg-aek2teamb'],
    });
    CrAccessTeam.readers(stack, 'Readers', {
      groupName: 'readers',
      members: ['bob', 'carol'],
      scope: CrAccessScope.resourceGroups(['rg-aek2teamc']),
    });
    const report = check(stack);
    expect(report.attachmentsChecked).toBe(4);
    expect(report.findings).toEqual([]);
  });

  test('a policy created outside the stack, or a computed document, is reported as not checked', () => {
    const stack = newStack();
    handWritten(stack, { name: 'team-policy-made-elsewhere', type: 'Custom' });
    const [finding] = check(stack).findings;
    expect(finding).toMatchObject({
      code: DiagnosticCode.CR_RG_GRANT_UNCHECKED,
      severity: 'info',
      missingActions: [],
    });
    expect(finding.rule).toContain('team-policy-made-elsewhere is not defined in this configuration');
  });
});

describe('CrAccessCheck (stack-wide, at synth)', () => {
  test('warn mode annotates the attachment with the missing actions', () => {
    const stack = newStack();
    handWritten(stack, { name: customCrAll(stack).policyName, type: 'Custom' });
    CrAccessCheck.applyTo(stack, { mode: CrAccessCheckMode.WARN });
    synth(stack);
    const [warning] = stack.node.findChild('DevInTeamA').node.metadata.filter((m) => m.type !== 'stacktrace');
    expect(warning.type).toBe('@cdktf/warn');
    expect(warning.data).toMatch(
      /^IMSUser dev is granted \$\{alicloud_ram_policy.CrAll.policy_name\} in resource group rg-aek2teama, but 72 of its Container Registry actions \(35 of them write-level\) .* \(value: 72 actions, 35 of them write-level: cr:CancelArtifactDeleteTagTask, (cr:\w+, ){7}… \(\+64 more\)\)\. Rule: .*\. Fix: .*/,
    );
    // Readable: the 72 actions are counted, not listed twice; the full list is in findingsOf(stack).
    expect(String(warning.data).length).toBeLessThan(1200);
  });

  test('error mode fails synth, naming the attachment', () => {
    const stack = newStack();
    handWritten(stack, { name: 'AliyunContainerRegistryReadOnlyAccess', type: 'System' });
    CrAccessCheck.applyTo(stack, { mode: CrAccessCheckMode.ERROR });
    // Error annotations fail `cdktf synth` (the app's synthesizer), not Testing.synth.
    expect(() => stack.node.root.node.children.length && (stack.node.root as any).synth()).toThrow(
      /\[platform\/DevInTeamA\] IMSUser dev is granted AliyunContainerRegistryReadOnlyAccess in resource group rg-aek2teama, but 37 /,
    );
  });

  test('fix mode adds exactly the 72 actions at account level, and the result checks clean', () => {
    const stack = newStack();
    handWritten(stack, { name: customCrAll(stack).policyName, type: 'Custom' });
    const aspect = CrAccessCheck.applyTo(stack, { mode: CrAccessCheckMode.FIX });
    const out = synth(stack);
    expect(aspect.findingsOf(stack)).toHaveLength(1);
    const added = Object.values(out.resource.alicloud_ram_policy as Record<string, any>).filter(
      (p) => p.policy_name !== 'cr-all',
    );
    expect(added).toHaveLength(1);
    expect(JSON.parse(added[0].policy_document).Statement[0].Action).toEqual(
      CrCatalog.bundled().resourceGroupUnsupportedActions,
    );
    const [fix] = Object.values(out.resource.alicloud_ram_user_policy_attachment) as any[];
    expect(Object.keys(out.resource.alicloud_ram_user_policy_attachment)).toHaveLength(1);
    // By reference, so Terraform creates the user before attaching to it.
    expect(fix.user_name).toBe('${alicloud_ram_user.Dev.name}');
    expect(checkResources(readSynthesized(out, 'platform')).findings).toEqual([]);
  });
});

test('actions a grant of the constructs excludes on purpose are not reported missing', () => {
  const stack = newStack();
  new ResourceGroupScopedCrDeveloper(stack, 'Alice', {
    userName: 'alice',
    resourceGroupIds: ['rg-aek2teama'],
    excludeFromAccountLevel: ['cr:GetWebHook'],
  });
  synth(stack);
  const out = stack.toTerraform() as any; // as `cdktf synth` writes it (Testing.synth drops `//`)
  const [attachment] = Object.values(out.resource.alicloud_resource_manager_policy_attachment) as any[];
  expect(attachment['//'].cr_access).toEqual({ excluded_from_account_level: ['cr:GetWebHook'] });
  expect(checkResources(readSynthesized(out, 'platform')).findings).toEqual([]);
  // Without the record, the gap is real and reported.
  delete attachment['//'].cr_access;
  expect(checkResources(readSynthesized(out, 'platform')).findings[0].missingActions).toEqual([
    'cr:GetWebHook',
  ]);
});

test('an invalid document is reported as not checked, with the rule it breaks', () => {
  const stack = newStack();
  const policy = new alicloud.ramPolicy.RamPolicy(stack, 'Bad', {
    policyName: 'bad',
    policyDocument: '{"Version":"1","Statement":[{"Effect":"allow","Action":"cr:*","Resource":"*"}]}',
  });
  handWritten(stack, { name: policy.policyName, type: 'Custom' });
  const [finding] = check(stack).findings;
  expect(finding.code).toBe(DiagnosticCode.CR_RG_GRANT_UNCHECKED);
  expect(finding.rule).toMatch(
    /^the document of alicloud_ram_policy.Bad is not a valid policy: \[Statement\[0\].Effect\] invalid Effect/,
  );
});

describe('CrAccessCheck.applyTo', () => {
  test('on an app, it checks every stack the app has (cdktf runs no aspect of the app itself)', () => {
    const stack = newStack();
    handWritten(stack, { name: 'AliyunContainerRegistryReadOnlyAccess', type: 'System' });
    const aspect = CrAccessCheck.applyTo(stack.node.root, { mode: CrAccessCheckMode.FIX });
    synth(stack);
    expect(aspect.findingsOf(stack)).toHaveLength(1);
  });

  test('on an app without stacks, it says to call it after defining them', () => {
    expect(() => CrAccessCheck.applyTo(Testing.app())).toThrow(
      'CrAccessCheck.applyTo found no stack to check (value: "(the app)")',
    );
  });
});
