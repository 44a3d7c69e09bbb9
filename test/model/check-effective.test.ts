/**
 * The check as a query on the evaluator: what another attachment grants or denies counts, statement by
 * statement and resource by resource (src/model/check.ts, rule 1).
 */
import * as alicloud from '../../src/generated/alicloud';
import type { TerraformStack } from '../../src/core-lib';
import { CrCatalog, DiagnosticCode, checkResources, readSynthesized } from '../../src';
import { newStack } from '../support/stack';

const ACCOUNT = '1234567890123456';
const doc = (...statements: object[]) => JSON.stringify({ Version: '1', Statement: statements });
const check = (stack: TerraformStack) => checkResources(readSynthesized(stack.toTerraform(), stack.node.id));
const UNSUPPORTED = CrCatalog.bundled().resourceGroupUnsupportedActions;

/** A user granted `document` in one resource group, by hand. */
function scopedGrant(stack: TerraformStack, document: string) {
  const user = new alicloud.ramUser.RamUser(stack, 'Dev', { name: 'dev' });
  const policy = new alicloud.ramPolicy.RamPolicy(stack, 'Scoped', {
    policyName: 'scoped',
    policyDocument: document,
  });
  new alicloud.resourceManagerPolicyAttachment.ResourceManagerPolicyAttachment(stack, 'DevInTeamA', {
    policyName: policy.policyName,
    policyType: 'Custom',
    principalName: `${user.name}@${ACCOUNT}.onaliyun.com`,
    principalType: 'IMSUser',
    resourceGroupId: 'rg-aek2teama',
  });
  return user;
}

function accountPolicy(stack: TerraformStack, user: alicloud.ramUser.RamUser, id: string, document: string) {
  const policy = new alicloud.ramPolicy.RamPolicy(stack, id, {
    policyName: id.toLowerCase(),
    policyDocument: document,
  });
  new alicloud.ramUserPolicyAttachment.RamUserPolicyAttachment(stack, `${id}Attachment`, {
    userName: user.name,
    policyName: policy.policyName,
    policyType: 'Custom',
  });
}

test('an account-scope cr:* Allow in another attachment covers the gap', () => {
  const stack = newStack();
  const user = scopedGrant(stack, doc({ Effect: 'Allow', Action: 'cr:*', Resource: '*' }));
  expect(check(stack).findings[0].missingActions).toEqual(UNSUPPORTED);
  accountPolicy(stack, user, 'Everything', doc({ Effect: 'Allow', Action: 'cr:*', Resource: '*' }));
  expect(check(stack).findings).toEqual([]);
});

test('former false positive gone: two account-scope statements covering one resource each cover a grant on both', () => {
  const resources = ['acs:cr:*:*:instance/cri-a', 'acs:cr:*:*:instance/cri-b'];
  const stack = newStack();
  const user = scopedGrant(stack, doc({ Effect: 'Allow', Action: 'cr:*', Resource: resources }));
  accountPolicy(
    stack,
    user,
    'PerInstance',
    doc(...resources.map((r) => ({ Effect: 'Allow', Action: 'cr:*', Resource: r }))),
  );
  expect(check(stack).findings).toEqual([]);
});

test('a Deny elsewhere is taken into account: the denied action stays missing, and the fix names the Deny', () => {
  const stack = newStack();
  const user = scopedGrant(stack, doc({ Effect: 'Allow', Action: 'cr:*', Resource: '*' }));
  accountPolicy(stack, user, 'Everything', doc({ Effect: 'Allow', Action: 'cr:*', Resource: '*' }));
  accountPolicy(stack, user, 'NoUserInfo', doc({ Effect: 'Deny', Action: 'cr:getuserinfo', Resource: '*' }));
  const [finding] = check(stack).findings;
  expect(finding).toMatchObject({ code: DiagnosticCode.CR_RG_GRANT_GAP, missingActions: ['cr:GetUserInfo'] });
  expect(finding.fix).toContain(
    'explicitly denied by the policy of alicloud_ram_user_policy_attachment.NoUserInfoAttachment',
  );
});

test('an account-scope Allow under NotResource covers only in part: the gap stays (conservative, never silent)', () => {
  const stack = newStack();
  const user = scopedGrant(stack, doc({ Effect: 'Allow', Action: 'cr:*', Resource: '*' }));
  accountPolicy(
    stack,
    user,
    'AllButOne',
    doc({ Effect: 'Allow', Action: 'cr:*', NotResource: 'acs:cr:*:*:instance/cri-secret' }),
  );
  expect(check(stack).findings[0].missingActions).toEqual(UNSUPPORTED);
});
