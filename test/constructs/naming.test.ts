import { PolicyDocument, PolicyStatement, SystemPolicy } from '../../src';
import { policyDescription, policyName } from '../../src/constructs/naming';

describe('naming', () => {
  test('a description counts wildcard patterns apart from action names', () => {
    const readOnly = SystemPolicy.CONTAINER_REGISTRY_READ_ONLY_ACCESS.document;
    const patterns = readOnly.statements.flatMap((s) => s.actions);
    expect(policyDescription(readOnly)).toBe(
      `Container Registry access managed by cdktf-alicloud-cr-access: ${patterns.length} wildcard patterns in 1 statement (${patterns.join(', ')})`,
    );
    const mixed = PolicyDocument.of([PolicyStatement.allow(['cr:Get*', 'cr:PullRepository'])]);
    expect(policyDescription(mixed)).toContain(': 1 action and 1 wildcard pattern in 1 statement');
  });

  test('the same content as another part of a split is another policy name; part 0 keeps the plain hash', () => {
    const d = PolicyDocument.of([PolicyStatement.allow(['cr:PullRepository'])]);
    const names = [0, 1, 2].map((part) => policyName('cr-platform', d, part));
    expect(new Set(names).size).toBe(3);
    expect(policyName('cr-platform', d)).toBe(names[0]);
  });
});
