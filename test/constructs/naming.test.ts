import { PolicyDocument, PolicyStatement } from '../../src';
import {
  accessKey,
  exclusionVariant,
  type PolicyKey,
  policyDescription,
  policyName,
  PolicyScopePart,
} from '../../src/constructs/naming';
import { POLICY_NAME_RULE } from '../../src/policy';

const key = (part: number, more: Partial<PolicyKey> = {}): PolicyKey => ({
  access: 'ci-push',
  scopePart: PolicyScopePart.RESOURCE_GROUP,
  variant: '',
  part,
  ...more,
});

describe('naming', () => {
  test('a name comes from prefix, access, scope part and part index: the first part has no number', () => {
    expect([0, 1, 2].map((p) => policyName('cr-platform', key(p)))).toEqual([
      'cr-platform-ci-push-rg',
      'cr-platform-ci-push-rg-2',
      'cr-platform-ci-push-rg-3',
    ]);
    expect(
      policyName('cr-platform', key(0, { scopePart: PolicyScopePart.ACCOUNT_LEVEL, variant: 'xabcdef' })),
    ).toBe('cr-platform-ci-push-rgaccount-xabcdef');
  });

  test('the description depends on the key, not on the number of actions', () => {
    const one = PolicyDocument.of([PolicyStatement.allow(['cr:GetRepository'])]);
    const two = PolicyDocument.of([PolicyStatement.allow(['cr:GetRepository', 'cr:PullRepository'])]);
    expect(policyDescription(key(1), one)).toBe(policyDescription(key(1), two));
    expect(policyDescription(key(1), one)).toBe(
      'Container Registry access ci-push in resource groups, part 2 of a size split; managed by cdktf-alicloud-cr-access',
    );
    const beyond = PolicyDocument.of([PolicyStatement.allow(['cr:GetRepository', 'oss:GetObject'])]);
    expect(policyDescription(key(0), beyond)).toMatch(
      /^Container Registry and other services access ci-push/,
    );
  });

  test('presets and named accesses are keyed by name; only an unnamed custom access by content', () => {
    const a = PolicyDocument.of([PolicyStatement.allow(['cr:GetRepository'])]);
    const b = PolicyDocument.of([PolicyStatement.allow(['cr:PullRepository'])]);
    expect(accessKey('developer', undefined, a)).toBe('developer');
    expect(accessKey('custom', 'web', a)).toBe(accessKey('custom', 'web', b));
    expect(accessKey('custom', undefined, a)).toMatch(/^custom-[0-9a-f]{12}$/);
    expect(accessKey('custom', undefined, a)).not.toBe(accessKey('custom', undefined, b));
  });

  test('the exclusion variant depends on the options only, in any order', () => {
    expect(exclusionVariant(undefined, undefined)).toBe('');
    expect(exclusionVariant(['cr:B', 'cr:A'], false)).toBe(exclusionVariant(['cr:A', 'cr:B'], undefined));
    expect(exclusionVariant([], true)).not.toBe(exclusionVariant(['cr:A'], false));
  });

  test('the longest prefix, access name, scope part, variant and part number fit RAM policy names', () => {
    const longest = policyName('p'.repeat(48), {
      access: 'a'.repeat(48),
      scopePart: PolicyScopePart.ACCOUNT_LEVEL,
      variant: exclusionVariant([], true),
      part: 998,
    });
    expect(longest.length).toBeLessThanOrEqual(POLICY_NAME_RULE.maxLength);
    expect(longest).toMatch(new RegExp(POLICY_NAME_RULE.pattern));
  });
});
