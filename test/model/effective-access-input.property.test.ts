/**
 * Adversarial input is normal input: whatever values a configuration gives the attributes the evaluator
 * reads (principal names, groups, policy names and documents, resource groups), evaluating, printing,
 * diffing and asking who-can finish with an answer, never an exception.
 */
import * as fc from 'fast-check';
import { whoCan } from '../../src/cli/who-can';
import { diffAccess } from '../../src/model/access-diff';
import { formatEffectiveAccess } from '../../src/model/access-text';
import { EffectiveAccess } from '../../src/model/effective-access';
import { ResourceMode, type TerraformResource } from '../../src/model/terraform';

const TYPES = [
  'alicloud_ram_user',
  'alicloud_ram_group',
  'alicloud_ram_role',
  'alicloud_ram_policy',
  'alicloud_ram_user_policy_attachment',
  'alicloud_ram_group_policy_attachment',
  'alicloud_resource_manager_policy_attachment',
  'alicloud_ram_group_membership',
  'alicloud_ram_user_group_attachment',
];
const value = fc.oneof(
  fc.constantFrom('dev', 'g', 'p', 'rg-1', 'Custom', 'System', 'IMSUser', 'IMSGroup', '1234567890123456'),
  fc.constantFrom('${alicloud_ram_user.dev.name}', 'dev@1.onaliyun.com', '${var.x}@y', '@', '${'),
  fc.constantFrom(
    '{"Version":"1","Statement":[{"Effect":"Allow","Action":"cr:*","Resource":"*"}]}',
    '{',
    '[]',
  ),
  fc.anything({ maxDepth: 2 }),
);
const resource: fc.Arbitrary<TerraformResource> = fc.record({
  mode: fc.constant(ResourceMode.MANAGED),
  resourceType: fc.constantFrom(...TYPES),
  name: fc.constantFrom('dev', 'g', 'p', 'a', 'b'),
  attributes: fc.dictionary(
    fc.constantFrom(
      'name',
      'user_name',
      'group_name',
      'user_names',
      'policy_name',
      'policy_type',
      'policy_document',
      'principal_name',
      'principal_type',
      'resource_group_id',
    ),
    value,
  ),
  location: fc.constant({ file: 'random' }),
});

test('any attribute values: the evaluator, its text, the diff and who-can answer without throwing', () => {
  fc.assert(
    fc.property(fc.array(resource, { maxLength: 8 }), fc.array(resource, { maxLength: 8 }), (a, b) => {
      const before = EffectiveAccess.of(a);
      const after = EffectiveAccess.of(b, { extraActions: before.actions });
      expect(typeof formatEffectiveAccess(after)).toBe('string');
      expect(typeof diffAccess(before, after).broadening).toBe('boolean');
      expect(Array.isArray(whoCan(after, 'cr:PullRepository', 'rg-1'))).toBe(true);
    }),
    { numRuns: 500 },
  );
});
