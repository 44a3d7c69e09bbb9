import { PolicyDocument, PolicyStatement, splitBySize } from '../../src/policy';
import { PolicyError } from '../../src/policy/diagnostic';

const repos = (n: number) => Array.from({ length: n }, (_, i) => `acs:cr:*:*:repository/cri-1/team/svc-${i}`);

describe('splitBySize', () => {
  test('a document within the limit is returned unchanged', () => {
    const d = PolicyDocument.of([PolicyStatement.allow(['cr:GetRepository'])]);
    expect(splitBySize(d)).toEqual([d]);
  });

  test('a long action list is cut into statements with the same Resource, in sorted order', () => {
    const d = PolicyDocument.of([
      PolicyStatement.allow(['cr:GetRepository', 'cr:ListRepository', 'cr:PullRepository'], ['*']),
    ]);
    const parts = splitBySize(d, { maxLength: 120 });
    expect(parts.map((p) => p.render())).toEqual([
      '{"Version":"1","Statement":[{"Effect":"Allow","Action":["cr:GetRepository","cr:ListRepository"],"Resource":["*"]}]}',
      '{"Version":"1","Statement":[{"Effect":"Allow","Action":["cr:PullRepository"],"Resource":["*"]}]}',
    ]);
  });

  test('a single action with too many resources is cut by resources', () => {
    const parts = splitBySize(PolicyDocument.of([PolicyStatement.allow(['cr:PullRepository'], repos(300))]));
    expect(parts.length).toBe(3);
    for (const p of parts) expect(p.render().length).toBeLessThanOrEqual(6144);
    expect(parts.flatMap((p) => p.statements.flatMap((s) => s.resources)).sort()).toEqual(repos(300).sort());
  });

  test('a statement that cannot be cut small enough is an error naming it', () => {
    const d = PolicyDocument.of([
      new PolicyStatement({ actions: ['cr:PullRepository'], notResources: repos(300) }),
    ]);
    expect(() => splitBySize(d)).toThrow(PolicyError);
    expect(() => splitBySize(d)).toThrow(
      /^\[Statement\[0\]\] a statement is over the policy size limit and cannot be cut into statements that fit \(value: \d+ characters: .+\)\. Rule: a custom policy document is at most 6144 characters; NotAction, NotResource and Condition cannot be cut\. Fix: use Action and Resource instead/,
    );
  });
});
