/** The plan classifier (plan.ts) against hand-made configurations, one Terraform rule per test. */
import { formatPlan, planChanges } from './plan';

const policy = (name: string, document = '{}', description = 'd') => ({
  policy_name: name,
  policy_document: document,
  description,
});
const stack = (resources: object, moved?: object[]) => ({
  resource: { alicloud_ram_policy: resources },
  ...(moved === undefined ? {} : { moved }),
});

test('a changed policy_document or description is an update in place; a changed policy_name a replacement', () => {
  const before = stack({ A: policy('a'), B: policy('b') });
  const after = stack({ A: policy('a', '{"x":1}', 'e'), B: policy('b2') });
  expect(planChanges(before, after)).toEqual([
    { address: 'alicloud_ram_policy.A', action: 'update', attributes: ['description', 'policy_document'] },
    { address: 'alicloud_ram_policy.B', action: 'replace', attributes: ['policy_name'] },
  ]);
});

test('an address gone is a destroy, unless a moved block carries it to its new address', () => {
  const before = stack({ A: policy('a'), B: policy('b') });
  const after = stack({ A2: policy('a'), B2: policy('b') }, [
    { from: 'alicloud_ram_policy.A', to: 'alicloud_ram_policy.A2' },
  ]);
  expect(formatPlan(planChanges(before, after))).toBe(
    [
      '  - alicloud_ram_policy.B',
      '  + alicloud_ram_policy.B2',
      'Plan: 1 to add, 0 to change, 1 to destroy.',
    ].join('\n'),
  );
});

test('an attribute that references a replaced resource changes with it; lifecycle is not compared', () => {
  const attachment = (lifecycle: object) => ({
    user_name: 'u',
    policy_name: '${alicloud_ram_policy.A.policy_name}',
    policy_type: 'Custom',
    lifecycle,
  });
  const before = {
    resource: {
      alicloud_ram_policy: { A: policy('a') },
      alicloud_ram_user_policy_attachment: { X: attachment({}) },
    },
  };
  const after = {
    resource: {
      alicloud_ram_policy: { A: policy('a2') },
      alicloud_ram_user_policy_attachment: { X: attachment({ create_before_destroy: true }) },
    },
  };
  expect(planChanges(before, after).map((c) => [c.address, c.action])).toEqual([
    ['alicloud_ram_policy.A', 'replace'],
    ['alicloud_ram_user_policy_attachment.X', 'replace'],
  ]);
  expect(planChanges(before, { ...before })).toEqual([]);
});

test('a change of a resource type schema/force-new.json does not know counts as a replacement', () => {
  const before = { resource: { other_thing: { A: { x: 1 } } } };
  const after = { resource: { other_thing: { A: { x: 2 } } } };
  expect(planChanges(before, after)).toEqual([
    { address: 'other_thing.A', action: 'replace', attributes: ['x'] },
  ]);
});
