import {
  DiagnosticCode,
  Effect,
  POLICY_DOCUMENT_MAX_LENGTH,
  PolicyDocument,
  PolicyEngine,
  PolicyStatement,
  Severity,
  splitBySize,
  splitBySizeWithDiagnostics,
  splitForResourceGroupScope,
} from '../../src/policy';
import { PolicyError } from '../../src/policy/diagnostic';
import { STABLE_PARTS_FACTOR } from '../../src/policy/size-split';

const repos = (n: number) => Array.from({ length: n }, (_, i) => `acs:cr:*:*:repository/cri-1/team/svc-${i}`);

/** `n` repository names of exactly `length` characters, as a team's names would be. */
const reposOfLength = (n: number, length: number) =>
  Array.from({ length: n }, (_, i) => {
    const name = `acs:cr:cn-hangzhou:1234567890123456:repository/cri-1/team/svc${i}`;
    return name.padEnd(length, 'x');
  });

/** Every (effect, action, resource, condition) a set of documents grants or denies. */
const pairs = (docs: PolicyDocument[]) =>
  [
    ...new Set(
      docs.flatMap((d) =>
        d.statements.flatMap((s) =>
          s.actions.flatMap((a) => s.resources.map((r) => JSON.stringify([s.effect, a, r, s.conditions]))),
        ),
      ),
    ),
  ].sort();

describe('splitBySize', () => {
  test('a document within the limit is returned unchanged, with no diagnostic', () => {
    const d = PolicyDocument.of([PolicyStatement.allow(['cr:GetRepository'])]);
    expect(splitBySize(d)).toEqual([d]);
    expect(splitBySizeWithDiagnostics(d)).toEqual({
      documents: [d],
      parts: [0],
      stable: true,
      diagnostics: [],
    });
  });

  test('a long action list on one resource is cut into statements with the same Resource, each in sorted order', () => {
    const d = PolicyDocument.of([
      PolicyStatement.allow(['cr:GetRepository', 'cr:ListRepository', 'cr:PullRepository'], ['*']),
    ]);
    const parts = splitBySize(d, { maxLength: 120 });
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.statements.map((s) => s.resources)).toEqual([['*']]);
      expect(p.statements[0].actions).toEqual([...p.statements[0].actions].sort());
      expect(p.render().length).toBeLessThanOrEqual(120);
    }
    expect(pairs(parts)).toEqual(pairs([d]));
  });

  test('a single action with too many resources is cut by resources into stable parts, within the bound of rule 5', () => {
    const d = PolicyDocument.of([PolicyStatement.allow(['cr:PullRepository'], repos(300))]);
    const parts = splitBySize(d);
    const least = Math.ceil(d.render().length / POLICY_DOCUMENT_MAX_LENGTH);
    expect(parts.length).toBeGreaterThanOrEqual(least);
    expect(parts.length).toBeLessThanOrEqual(STABLE_PARTS_FACTOR * least + 1);
    for (const p of parts) expect(p.render().length).toBeLessThanOrEqual(POLICY_DOCUMENT_MAX_LENGTH);
    expect(pairs(parts)).toEqual(pairs([d]));
  });

  test('issue 14: cr:* on 60 repository names of 100 characters gives a 8,218-character account-level document that becomes 2 policies, not 144', () => {
    const input = PolicyDocument.of([PolicyStatement.allow(['cr:*'], reposOfLength(60, 100))]);
    const account = splitForResourceGroupScope(input).accountLevelDocument!;
    expect(account.render().length).toBe(8218);
    const parts = splitBySize(account);
    expect(parts.length).toBe(Math.ceil(account.render().length / POLICY_DOCUMENT_MAX_LENGTH));
    expect(parts.length).toBe(2);
    for (const p of parts) expect(p.render().length).toBeLessThanOrEqual(POLICY_DOCUMENT_MAX_LENGTH);
    expect(pairs(parts)).toEqual(pairs([account]));
  });

  test('issue 14: four actions on three names of 66 characters with maxLength 250 give 3 parts, the fewest that can hold the 12 pairs', () => {
    const max = 250;
    const actions = ['cr:GetWebHook', 'cr:GetUserInfo', 'cr:GetScanRule', 'cr:ListArtifacts'];
    const names = reposOfLength(3, 66);
    const d = PolicyDocument.of([PolicyStatement.allow(actions, names)]);
    const parts = splitBySize(d, { maxLength: max });
    // The minimum, derived: two statements never share a part here, so a part holds one statement,
    // and the best one covers `mostPairs` of the actions.length x names.length pairs.
    const fits = (a: string[], r: string[]) =>
      PolicyDocument.of([PolicyStatement.allow(a, r)]).render().length <= max;
    const smallest = PolicyStatement.allow([actions[0]], [names[0]]);
    expect(
      PolicyDocument.of([smallest, PolicyStatement.deny([actions[0]], [names[0]])]).render().length,
    ).toBeGreaterThan(max);
    let mostPairs = 0;
    for (let a = 1; a <= actions.length; a++) {
      for (let r = 1; r <= names.length; r++) {
        const shortest = [...actions].sort((x, y) => x.length - y.length).slice(0, a);
        if (fits(shortest, names.slice(0, r))) mostPairs = Math.max(mostPairs, a * r);
      }
    }
    const least = Math.ceil((actions.length * names.length) / mostPairs);
    expect(least).toBe(3);
    expect(parts.length).toBeGreaterThanOrEqual(least);
    expect(parts.length).toBeLessThanOrEqual(STABLE_PARTS_FACTOR * least + 1);
    for (const p of parts) expect(p.render().length).toBeLessThanOrEqual(max);
    expect(pairs(parts)).toEqual(pairs([d]));
  });

  test('statements of different Effect and Condition are cut and packed without mixing their pairs', () => {
    const condition = { IpAddress: { 'acs:SourceIp': ['192.0.2.0/24'] } };
    const d = PolicyDocument.of([
      new PolicyStatement({
        actions: ['cr:PullRepository', 'cr:PushRepository'],
        resources: repos(90),
        conditions: condition,
      }),
      new PolicyStatement({ effect: Effect.DENY, actions: ['cr:DeleteRepository'], resources: repos(120) }),
    ]);
    const parts = splitBySize(d, { maxLength: 2000 });
    for (const p of parts) expect(p.render().length).toBeLessThanOrEqual(2000);
    expect(pairs(parts)).toEqual(pairs([d]));
    expect(parts.length).toBeLessThanOrEqual(STABLE_PARTS_FACTOR * Math.ceil(d.render().length / 2000) + 1);
  });

  test('a NotAction statement keeps its NotAction list whole and is cut by resources', () => {
    const d = PolicyDocument.of([
      new PolicyStatement({ notActions: ['cr:DeleteInstance'], resources: repos(300) }),
    ]);
    const parts = splitBySize(d);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.render().length).toBeLessThanOrEqual(POLICY_DOCUMENT_MAX_LENGTH);
      for (const s of p.statements) expect(s.notActions).toEqual(['cr:DeleteInstance']);
    }
    expect(parts.flatMap((p) => p.statements.flatMap((s) => s.resources)).sort()).toEqual(repos(300).sort());
  });

  test('a NotResource statement keeps its NotResource list whole and is cut by actions', () => {
    const notResources = reposOfLength(2, 60);
    const actions = ['cr:GetRepository', 'cr:ListRepository', 'cr:PullRepository', 'cr:PushRepository'];
    const d = PolicyDocument.of([new PolicyStatement({ actions, notResources })]);
    const parts = splitBySize(d, { maxLength: 250 });
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.render().length).toBeLessThanOrEqual(250);
      for (const s of p.statements) expect(s.notResources).toEqual(notResources);
    }
    expect(parts.flatMap((p) => p.statements.flatMap((s) => s.actions)).sort()).toEqual(actions);
  });

  test('a statement that cannot be cut small enough is an error naming it and the limit in use', () => {
    const d = PolicyDocument.of([
      new PolicyStatement({ actions: ['cr:PullRepository'], notResources: repos(300) }),
    ]);
    expect(() => splitBySize(d)).toThrow(PolicyError);
    expect(() => splitBySize(d)).toThrow(
      /^\[Statement\[0\]\] a statement is over the policy size limit and cannot be cut into statements that fit \(value: \d+ characters: .+\)\. Rule: a custom policy document is at most 6144 characters; NotAction, NotResource and Condition cannot be cut\. Fix: use Action and Resource instead/,
    );
    const small = PolicyDocument.of([PolicyStatement.allow(['cr:PullRepository'], reposOfLength(1, 240))]);
    expect(() => splitBySize(small, { maxLength: 250 })).toThrow(
      /Rule: a document is at most 250 characters here \(maxLength; RAM's limit is 6144\); NotAction, NotResource and Condition cannot be cut\./,
    );
  });

  test('more than one part is an information diagnostic naming the document, the count and the limit', () => {
    const d = PolicyDocument.of([PolicyStatement.allow(['cr:PullRepository'], repos(300))]);
    const { documents, diagnostics } = PolicyEngine.splitBySizeWithDiagnostics(d, {
      documentName: 'the account-level document',
    });
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: DiagnosticCode.POLICY_SPLIT_BY_SIZE,
        severity: Severity.INFO,
        location: '',
      }),
    ]);
    const length = d.render().length;
    expect(PolicyEngine.formatDiagnostic(diagnostics[0], 'platform/Grant')).toBe(
      `[platform/Grant] the account-level document is over the policy size limit, so it becomes ${documents.length} policies, each attached where the one would be (value: ${length} characters, limit 6144). Rule: a custom policy document is at most 6144 characters; a statement is cut by actions and resources, keeping its Effect and Condition; pieces are spread over numbered parts by a hash of each piece, so a growing document adds parts and keeps the others (no fewer than ${Math.ceil(length / 6144)} can hold ${length} characters). Fix: nothing, if ${documents.length} policies and their attachments are acceptable; to need fewer, name repositories with a wildcard such as acs:cr:*:*:repository/<instance ID>/<namespace>/*, or grant fewer actions on the long resource list`,
    );
  });
});
