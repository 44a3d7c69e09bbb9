/**
 * The resource-level check: which named actions a statement's Resources can never grant, the
 * resource types behind it, and that documents from Alibaba's own pages pass.
 */
import * as fc from 'fast-check';
import {
  checkResourceTypes,
  CrCatalog,
  DiagnosticCode,
  formatDiagnostic,
  PolicyDocument,
  PolicyStatement,
  requestResources,
  resourceMayMatch,
  type RequestResource,
  Severity,
} from '../../src/policy';
import { resourceMatches } from '../../src/policy/wildcard';

const ISSUE_EXAMPLE = ['acs:cr:*:*:repository/cri-abc/team-a/*'];

function errors(document: PolicyDocument) {
  return checkResourceTypes(document).filter((d) => d.severity === Severity.ERROR);
}

describe('checkResourceTypes', () => {
  test('the issue example: instance and account actions on a repository ARN are errors naming the Resource each needs', () => {
    const document = PolicyDocument.of([
      PolicyStatement.allow(
        [
          'cr:PullRepository',
          'cr:PushRepository',
          'cr:GetInstance',
          'cr:ListInstance',
          'cr:GetAuthorizationToken',
        ],
        ISSUE_EXAMPLE,
      ),
    ]);
    const found = checkResourceTypes(document);
    expect(
      found.filter((d) => d.code === DiagnosticCode.ACTION_RESOURCE_MISMATCH).map((d) => d.value),
    ).toEqual([
      `"cr:GetAuthorizationToken" on ["acs:cr:*:*:repository/cri-abc/team-a/*"]`,
      `"cr:GetInstance" on ["acs:cr:*:*:repository/cri-abc/team-a/*"]`,
      `"cr:ListInstance" on ["acs:cr:*:*:repository/cri-abc/team-a/*"]`,
    ]);
    const getInstance = found.find((d) => d.value?.startsWith('"cr:GetInstance"'))!;
    expect(formatDiagnostic(getInstance)).toBe(
      '[Statement[0].Action[1]] cr:GetInstance is authorized against "acs:cr:$regionid:$accountid:instance/$instanceid", which no Resource of the statement can match, so the statement never grants it (value: "cr:GetInstance" on ["acs:cr:*:*:repository/cri-abc/team-a/*"]). Rule: RAM authorizes an action against the resource of the request (https://www.alibabacloud.com/help/en/acr/developer-reference/api-cr-2018-12-01-getinstance; ARN formats: https://www.alibabacloud.com/help/en/doc-detail/144229.htm). Fix: grant cr:GetInstance in a statement with Resource "acs:cr:*:*:instance/cri-abc", or give the access a resource target (CrResourceTarget), which places each action on the resource it is authorized against',
    );
    expect(found.find((d) => d.value?.startsWith('"cr:ListInstance"'))!.fix).toContain(
      'Resource "*" or "acs:cr:*:*:*"',
    );
    // PushRepository: no page read gives its resource; said so, not guessed.
    expect(found.find((d) => d.code === DiagnosticCode.ACTION_RESOURCE_TYPE_UNKNOWN)!.value).toBe(
      '["cr:PushRepository"]',
    );
  });

  test('the same actions on "*" or on the matching ARNs are not errors', () => {
    expect(errors(PolicyDocument.of([PolicyStatement.allow(['cr:GetInstance', 'cr:ListInstance'])]))).toEqual(
      [],
    );
    expect(
      errors(
        PolicyDocument.of([
          PolicyStatement.allow(['cr:GetInstance'], ['acs:cr:cn-hangzhou:123:instance/cri-abc']),
          PolicyStatement.allow(['cr:GetRepository'], ['acs:cr:*:*:repository/cri-abc/team-a/app']),
          PolicyStatement.allow(['cr:CreateRepository'], ['acs:cr:*:*:repository/cri-abc/team-a']),
          PolicyStatement.allow(['cr:ListRepository'], ['acs:cr:*:*:repository/cri-abc/team-a/*']),
        ]),
      ),
    ).toEqual([]);
  });

  test('depth counts: an instance-wide ARN cannot grant a repository action, nor a repository ARN a namespace action', () => {
    // `repository/cri-abc/team-a` is not enough for an error on cr:GetRepository: in Personal
    // Edition form it is repository team-a of namespace cri-abc.
    expect(
      errors(
        PolicyDocument.of([
          PolicyStatement.allow(['cr:GetRepository'], ['acs:cr:*:*:repository/cri-abc/team-a']),
        ]),
      ),
    ).toEqual([]);
    const found = errors(
      PolicyDocument.of([
        PolicyStatement.allow(['cr:GetRepository'], ['acs:cr:*:*:repository/cri-abc']),
        PolicyStatement.allow(['cr:CreateRepository'], ['acs:cr:*:*:repository/cri-abc/team-a/app']),
      ]),
    );
    expect(found.map((d) => d.location)).toEqual(['Statement[0].Action[0]', 'Statement[1].Action[0]']);
  });

  test('wildcard actions, references and other services are never errors', () => {
    const document = PolicyDocument.of([
      PolicyStatement.allow(['cr:Get*', 'cr:*'], ISSUE_EXAMPLE),
      PolicyStatement.allow(['cr:GetInstance'], ['acs:cr:*:*:${var.resource}']),
      PolicyStatement.allow(['ecs:DescribeInstances'], ISSUE_EXAMPLE),
    ]);
    expect(errors(document)).toEqual([]);
  });

  // Alibaba's documents must pass: the ACK/ACS namespace guide's policy, verbatim in structure
  // (https://alibabacloud.com/help/en/cs/user-guide/authorize-ram-user-acr-to-specify-namespace-permissions,
  // 2025-01-09), and the Personal Edition namespace scenario of "Repository access control" (67992).
  test("Alibaba's own namespace policies raise no error", () => {
    const ack = PolicyDocument.fromObject({
      Version: '1',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['cr:ListInstance*', 'cr:GetInstance*', 'cr:ListSignature*'],
          Resource: '*',
        },
        {
          Effect: 'Allow',
          Action: ['cr:*'],
          Resource: ['acs:cr:*:*:repository/cri-abc/ns/*', 'acs:cr:*:*:repository/cri-abc/ns'],
        },
        { Effect: 'Allow', Action: ['cr:List*'], Resource: ['acs:cr:*:*:repository/cri-abc/*'] },
      ],
    });
    const personal = PolicyDocument.fromObject({
      Version: '1',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['cr:Get*', 'cr:List*', 'cr:PullRepository'],
          Resource: ['acs:cr:*:*:repository/juzhong/*', 'acs:cr:*:*:repository/juzhong'],
        },
        {
          Effect: 'Allow',
          Action: ['cr:GetRepository', 'cr:PullRepository'],
          Resource: ['acs:cr:*:*:repository/juzhong/nginx'],
        },
      ],
    });
    expect(errors(ack)).toEqual([]);
    expect(errors(personal)).toEqual([]);
  });
});

describe('resource types', () => {
  test('every catalog action has known request resources or is reported unknown, and verified ones name their page', () => {
    let known = 0;
    for (const name of CrCatalog.bundled().actionNames) {
      const r = requestResources(name);
      if (r === undefined) continue;
      known++;
      expect(r.length).toBeGreaterThan(0);
      for (const t of r) expect(t.sourceUrl).toMatch(/^https:\/\//);
    }
    expect(known).toBeGreaterThan(60);
    expect(requestResources('cr:GetInstance')).toEqual([
      expect.objectContaining({ arn: 'acs:cr:$regionid:$accountid:instance/$instanceid', verified: true }),
    ]);
    expect(requestResources('cr:PushRepository')).toBeUndefined();
  });

  const values = fc.constantFrom('cri-a', 'cri-b', 'ns1', 'repo', 'cn-hangzhou', '123', 'x');
  /** A concrete request resource of the form `t`, with IDs from `values`. */
  const concrete = (t: RequestResource) =>
    fc
      .tuple(fc.array(values, { minLength: 8, maxLength: 8 }), fc.integer({ min: 0, max: 2 }))
      .map(([v, extra]) => {
        if (t.arn === '*') return '*';
        let i = 0;
        const base = t.arn.replace(/\$[a-z]+/g, () => v[i++]);
        return t.deeper ? [base, ...v.slice(5, 5 + extra)].join('/') : base;
      });
  const forms = CrCatalog.bundled()
    .actionNames.flatMap((n) => requestResources(n) ?? [])
    .filter((t, i, all) => all.findIndex((u) => u.arn === t.arn && u.deeper === t.deeper) === i);
  /** Resource patterns: pieces of real ARNs, wildcards, and odd characters. */
  const pattern = fc
    .array(
      fc.constantFrom(
        'acs:cr:',
        '*',
        '?',
        ':',
        '/',
        'repository/',
        'instance/',
        'chart/',
        'cri-a',
        'ns1',
        'repo',
        'cn-hangzhou',
        '123',
        '*:*:',
      ),
      { minLength: 1, maxLength: 9 },
    )
    .map((p) => p.join(''));

  /** A pattern made from a concrete resource: some runs replaced by `*` or `?`, or from pieces. */
  const patternOf = (resource: string) =>
    fc.oneof(
      pattern,
      fc
        .array(fc.tuple(fc.nat(60), fc.nat(12), fc.constantFrom('*', '?', '*/*', '')), { maxLength: 3 })
        .map((cuts) =>
          cuts.reduce((text, [at, len, by]) => text.slice(0, at) + by + text.slice(at + len), resource),
        ),
    );

  test('property: whenever a Resource pattern matches a concrete request resource, resourceMayMatch says it may (the check never rejects a grant that works)', () => {
    let matched = 0;
    fc.assert(
      fc.property(
        fc
          .constantFrom(...forms)
          .chain((t) => concrete(t).chain((r) => fc.tuple(fc.constant(t), fc.constant(r), patternOf(r)))),
        ([t, resource, p]) => {
          if (!resourceMatches(p, resource)) return;
          matched++;
          expect(resourceMayMatch(p, t)).toBe(true);
        },
      ),
      { numRuns: 4000 },
    );
    expect(matched).toBeGreaterThan(500);
  });

  test('resourceMayMatch is exact on the shapes the check errs on', () => {
    const instance = requestResources('cr:GetInstance')![0];
    expect(resourceMayMatch('acs:cr:*:*:instance/*', instance)).toBe(true);
    expect(resourceMayMatch('acs:cr:*:*:*', instance)).toBe(true);
    expect(resourceMayMatch('*', instance)).toBe(true);
    expect(resourceMayMatch('acs:cr:*', instance)).toBe(true);
    expect(resourceMayMatch('acs:cr:*:*:repository/cri-a/*', instance)).toBe(false);
    expect(resourceMayMatch('acs:cr:*:*:instance/cri-a/x', instance)).toBe(false);
    expect(resourceMayMatch('acs:ecs:*:*:instance/cri-a', instance)).toBe(false);
    expect(resourceMayMatch('acs:cr:a:b:c:d', instance)).toBe(false);
  });
});
