/**
 * diffAccess and the access text on small hand-made configurations: allow that becomes conditional and
 * back, a resource group's row listing only what differs from the account row, and output that does not
 * depend on the order of the resources.
 */
import { diffAccess } from '../../src/model/access-diff';
import { formatEffectiveAccess } from '../../src/model/access-text';
import { EffectiveAccess } from '../../src/model/effective-access';
import { ResourceMode, type TerraformResource } from '../../src/model/terraform';

const r = (resourceType: string, name: string, attributes: { [k: string]: unknown }): TerraformResource => ({
  mode: ResourceMode.MANAGED,
  resourceType,
  name,
  attributes,
  location: { file: 'test' },
});
const policy = (name: string, ...Statement: object[]) =>
  r('alicloud_ram_policy', name, {
    policy_name: name,
    policy_document: JSON.stringify({ Version: '1', Statement }),
  });
const atAccount = (name: string, policyName: string) =>
  r('alicloud_ram_user_policy_attachment', `${name}_${policyName}`, {
    user_name: name,
    policy_name: policyName,
    policy_type: 'Custom',
  });
const inGroup = (name: string, policyName: string, rg: string) =>
  r('alicloud_resource_manager_policy_attachment', `${name}_${policyName}_${rg}`, {
    principal_name: `${name}@1234567890123456.onaliyun.com`,
    principal_type: 'IMSUser',
    policy_name: policyName,
    policy_type: 'Custom',
    resource_group_id: rg,
  });
const model = (resources: TerraformResource[]) => EffectiveAccess.of(resources);
const PULL = { Effect: 'Allow', Action: 'cr:PullRepository', Resource: '*' };

test('an Allow that gains a Condition is allow to conditional (not broadening); back again is broadening', () => {
  const plain = [policy('p', PULL), atAccount('dev', 'p')];
  const conditional = [
    policy('p', { ...PULL, Condition: { IpAddress: { 'acs:SourceIp': ['10.0.0.0/8'] } } }),
    atAccount('dev', 'p'),
  ];
  const narrowing = diffAccess(model(plain), model(conditional));
  expect(narrowing.broadening).toBe(false);
  expect(narrowing.principals).toEqual([
    expect.objectContaining({ principal: 'IMSUser dev', change: 'changed', broadening: false }),
  ]);
  expect(narrowing.principals[0].scopes).toEqual([
    expect.objectContaining({
      scope: 'account',
      nowConditional: ['cr:PullRepository'],
      gained: [],
      lost: [],
    }),
  ]);
  const widening = diffAccess(model(conditional), model(plain));
  expect(widening.broadening).toBe(true);
  expect(widening.principals[0].scopes[0].nowAllowed).toEqual(['cr:PullRepository']);
});

test("a resource group's row lists only what differs from the account row", () => {
  const before = [policy('p', PULL), inGroup('dev', 'p', 'rg-1')];
  const after = [policy('p', PULL), atAccount('dev', 'p'), inGroup('dev', 'p', 'rg-1')];
  // At account scope dev gains the pull; in rg-1 it already had it: rg-1 shows nothing, not a loss.
  const diff = diffAccess(model(before), model(after));
  expect(diff.principals[0].scopes.map((s) => s.scope)).toEqual(['account']);
  expect(diff.principals[0].scopes[0].gained).toEqual(['cr:PullRepository']);
});

test('an explicit Deny in a group is a loss there only, and the text shows it on the group line', () => {
  const before = [policy('p', PULL), atAccount('dev', 'p')];
  const after = [
    ...before,
    policy('d', { Effect: 'Deny', Action: 'cr:PullRepository', Resource: '*' }),
    inGroup('dev', 'd', 'rg-1'),
  ];
  const diff = diffAccess(model(before), model(after));
  expect(diff.principals[0].scopes).toEqual([
    expect.objectContaining({ scope: 'rg-1', lost: ['cr:PullRepository'] }),
  ]);
  expect(formatEffectiveAccess(model(after))).toBe(
    'IMSUser dev @ account: allow (1) cr:PullRepository\nIMSUser dev @ rg-1: deny (1) cr:PullRepository',
  );
});

test('the text and the diff do not depend on the order of the resources', () => {
  const resources = [
    policy('p', PULL, { Effect: 'Allow', Action: 'cr:Push*', Resource: 'acs:cr:*:*:repository/team/*' }),
    atAccount('bo', 'p'),
    atAccount('ana', 'p'),
    inGroup('ana', 'p', 'rg-2'),
    r('alicloud_ram_user', 'cy', { name: 'cy' }),
  ];
  const reversed = [...resources].reverse();
  expect(formatEffectiveAccess(model(reversed))).toBe(formatEffectiveAccess(model(resources)));
  expect(formatEffectiveAccess(model(resources))).toContain('IMSUser cy @ account: none');
  expect(JSON.stringify(diffAccess(model([]), model(reversed)))).toBe(
    JSON.stringify(diffAccess(model([]), model(resources))),
  );
});
