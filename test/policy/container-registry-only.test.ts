import {
  containerRegistryOnlyDiagnostics,
  DiagnosticCode,
  grantsBeyondContainerRegistry,
  PolicyDocument,
  PolicyStatement,
  Severity,
  SystemPolicy,
} from '../../src/policy';
import fullExample from '../fixtures/seeds/002-full-account-level-example.json';
import readOnlyExample from '../fixtures/seeds/002-readonly-account-level-example.json';

const doc = (...statements: PolicyStatement[]) => PolicyDocument.of(statements);
const found = (d: PolicyDocument, allow = false) =>
  containerRegistryOnlyDiagnostics(d, { allowActionsBeyondContainerRegistry: allow }).map((x) => [
    x.code,
    x.severity,
    x.location,
    x.value,
  ]);

describe('grants stay inside Container Registry', () => {
  test.each([
    ['ram:*', 'another service'],
    ['*', 'wildcard service part'],
    ['c*:Get*', 'wildcard service part'],
    ['*:Get*', 'wildcard service part'],
    ['ecs:DescribeInstances', 'another service'],
  ])('an Allow of %s (%s) is an error', (pattern) => {
    const d = doc(PolicyStatement.allow(['cr:GetRepository', pattern]));
    expect(found(d)).toEqual([
      [
        DiagnosticCode.ACTION_OUTSIDE_CONTAINER_REGISTRY,
        Severity.ERROR,
        `Statement[0].Action[${d._statements[0].actions.indexOf(pattern)}]`,
        `"${pattern}"`,
      ],
    ]);
    expect(grantsBeyondContainerRegistry(d)).toBe(true);
  });

  test('an Allow with NotAction is an error whatever its Resource', () => {
    for (const resources of [['*'], ['acs:cr:*:*:repository/cri-abc/team-a/*']]) {
      const d = doc(new PolicyStatement({ notActions: ['cr:Delete*'], resources }));
      expect(found(d)).toEqual([
        [DiagnosticCode.ALLOW_WITH_NOT_ACTION, Severity.ERROR, 'Statement[0].NotAction', '["cr:Delete*"]'],
      ]);
      expect(grantsBeyondContainerRegistry(d)).toBe(true);
    }
  });

  test('the error names the opt-in; with it the same findings are warnings', () => {
    const d = doc(PolicyStatement.allow(['ram:*']), new PolicyStatement({ notActions: ['cr:Delete*'] }));
    const errors = containerRegistryOnlyDiagnostics(d);
    expect(errors.every((e) => e.fix.includes('allowActionsBeyondContainerRegistry: true'))).toBe(true);
    expect(found(d, true).map(([code, severity]) => [code, severity])).toEqual([
      [DiagnosticCode.ACTION_OUTSIDE_CONTAINER_REGISTRY, Severity.WARNING],
      [DiagnosticCode.ALLOW_WITH_NOT_ACTION, Severity.WARNING],
    ]);
  });

  test("Deny statements may name other services' actions: a Deny never grants", () => {
    const d = doc(PolicyStatement.allow(['cr:*']), PolicyStatement.deny(['ram:*', '*']));
    expect(found(d)).toEqual([]);
    expect(grantsBeyondContainerRegistry(d)).toBe(false);
  });

  test('a Deny-only access is a warning, also without opt-in', () => {
    const d = doc(PolicyStatement.deny(['cr:DeleteInstance']), PolicyStatement.deny(['ram:*']));
    expect(found(d)).toEqual([[DiagnosticCode.DENY_ONLY_ACCESS, Severity.WARNING, '', '2 Deny statements']]);
    expect(grantsBeyondContainerRegistry(d)).toBe(false);
  });

  test("Alibaba's system policies and seed examples are inside Container Registry", () => {
    for (const d of [
      SystemPolicy.CONTAINER_REGISTRY_FULL_ACCESS.document,
      SystemPolicy.CONTAINER_REGISTRY_READ_ONLY_ACCESS.document,
      PolicyDocument.fromObject(fullExample),
      PolicyDocument.fromObject(readOnlyExample),
    ]) {
      expect(found(d)).toEqual([]);
      expect(grantsBeyondContainerRegistry(d)).toBe(false);
    }
  });
});
