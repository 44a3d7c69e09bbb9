import { DiagnosticCode, PolicyDocument, PolicyStatement } from '../../src/policy';
import { PolicyError } from '../../src/policy/diagnostic';

/** The error a document's first use throws (parsing itself keeps the errors for the user of the document). */
function errorsOf(input: unknown): PolicyError {
  try {
    PolicyDocument.fromObject(input).render();
  } catch (e) {
    if (e instanceof PolicyError) return e;
    throw e;
  }
  throw new Error('expected a PolicyError');
}

const ok = { Effect: 'Allow', Action: ['cr:GetRepository'], Resource: ['*'] };
const doc = (...statements: unknown[]) => ({ Version: '1', Statement: statements });

describe('parsing rejects bad input with path, value, rule and fix', () => {
  const cases: [string, unknown, DiagnosticCode, string][] = [
    [
      'a misspelled statement key',
      doc({ ...ok, Actoin: ['cr:X'] }),
      DiagnosticCode.UNKNOWN_POLICY_KEY,
      '[Statement[0]] unknown key in a statement. Did you mean "Action"? (value: "Actoin"). Rule: a statement has only the keys Effect, Action, NotAction, Resource, NotResource, Condition (keys are case-sensitive). Fix: remove "Actoin" or correct its spelling',
    ],
    [
      'a lower-case document key',
      { Version: '1', Statement: [ok], version: '1' },
      DiagnosticCode.UNKNOWN_POLICY_KEY,
      'unknown key in a policy document. Did you mean "Version"? (value: "version"). Rule: a policy document has only the keys Version, Statement (keys are case-sensitive). Fix: remove "version" or correct its spelling',
    ],
    [
      'a Principal element',
      doc({ ...ok, Principal: { RAM: ['acs:ram::123:root'] } }),
      DiagnosticCode.UNKNOWN_POLICY_KEY,
      '[Statement[0]] unknown key in a statement (value: "Principal"). Rule: a statement has only the keys Effect, Action, NotAction, Resource, NotResource, Condition (keys are case-sensitive). Fix: remove it: Principal belongs in a role trust policy (alicloud_ram_role), not in a permission policy',
    ],
    [
      'a missing Effect',
      doc({ Action: ['cr:GetRepository'], Resource: '*' }),
      DiagnosticCode.INVALID_EFFECT,
      '[Statement[0].Effect] the statement has no Effect. Rule: every statement has "Effect": "Allow" or "Effect": "Deny" (case-sensitive). Fix: set "Effect" to "Allow" or "Deny"',
    ],
    [
      'a lower-case Effect',
      doc({ ...ok, Effect: 'allow' }),
      DiagnosticCode.INVALID_EFFECT,
      '[Statement[0].Effect] invalid Effect. Did you mean "Allow"? (value: "allow"). Rule: every statement has "Effect": "Allow" or "Effect": "Deny" (case-sensitive). Fix: set "Effect" to "Allow" or "Deny"',
    ],
    [
      'both Action and NotAction',
      doc({ ...ok, NotAction: ['cr:DeleteInstance'] }),
      DiagnosticCode.ACTION_AND_NOT_ACTION,
      '[Statement[0]] the statement has both Action and NotAction. Rule: a statement has exactly one of Action and NotAction. Fix: keep one: Action lists what the statement covers, NotAction covers everything except what it lists',
    ],
    [
      'neither Action nor NotAction',
      doc({ Effect: 'Allow', Resource: '*' }),
      DiagnosticCode.MISSING_ACTION,
      '[Statement[0]] the statement has neither Action nor NotAction. Rule: a statement of a permission policy has Action or NotAction. Fix: add "Action": ["cr:GetRepository"]',
    ],
    [
      'an empty action list',
      doc({ ...ok, Action: [] }),
      DiagnosticCode.EMPTY_ACTION_LIST,
      '[Statement[0].Action] Action is not a non-empty list (value: []). Rule: Action is a string or a non-empty list of strings. Fix: list at least one value, e.g. ["cr:GetRepository"], or remove the statement',
    ],
    [
      'an action without a service',
      doc({ ...ok, Action: ['cr:GetRepository', 'PullRepository'] }),
      DiagnosticCode.INVALID_ACTION_FORMAT,
      '[Statement[0].Action[1]] malformed Action value (value: "PullRepository"). Rule: an action is written "service:Name" (for example "cr:PullRepository"), where "*" and "?" are the only wildcards. Fix: prefix the service code, e.g. "cr:PullRepository"',
    ],
    [
      'an action with a space',
      doc({ ...ok, Action: 'cr:Get Repository' }),
      DiagnosticCode.INVALID_ACTION_FORMAT,
      '[Statement[0].Action] malformed Action value (value: "cr:Get Repository"). Rule: an action is written "service:Name" (for example "cr:PullRepository"), where "*" and "?" are the only wildcards. Fix: write it as service:Name without spaces or other punctuation',
    ],
    [
      'a missing Resource',
      doc({ Effect: 'Allow', Action: 'cr:GetRepository' }),
      DiagnosticCode.MISSING_RESOURCE,
      '[Statement[0]] the statement has neither Resource nor NotResource. Rule: a statement of a permission policy has Resource or NotResource. Fix: add "Resource": ["*"]',
    ],
    [
      'a resource that is not an ARN',
      doc({ ...ok, Resource: ['repository/ns/app'] }),
      DiagnosticCode.INVALID_RESOURCE_FORMAT,
      '[Statement[0].Resource[0]] malformed Resource value (value: "repository/ns/app"). Rule: a resource is "*" or an Alibaba Cloud resource name starting with "acs:". Fix: use "*" or a name like "acs:cr:*:*:repository/<instance-id>/<namespace>/<repository>"',
    ],
    [
      'a Version other than "1"',
      { Version: '2012-10-17', Statement: [ok] },
      DiagnosticCode.UNSUPPORTED_VERSION,
      '[Version] unsupported policy language version (value: "2012-10-17"). Rule: RAM policy documents use "Version": "1" (a string). Fix: set "Version": "1"',
    ],
    [
      'a numeric Version',
      { Version: 1, Statement: [ok] },
      DiagnosticCode.UNSUPPORTED_VERSION,
      '[Version] unsupported policy language version (value: 1). Rule: RAM policy documents use "Version": "1" (a string). Fix: set "Version": "1"',
    ],
    [
      'an empty Statement list',
      { Version: '1', Statement: [] },
      DiagnosticCode.EMPTY_STATEMENT_LIST,
      '[Statement] Statement is not a non-empty list (value: []). Rule: a policy document has a Statement list with at least one statement. Fix: add "Statement": [{"Effect": "Allow", "Action": [...], "Resource": [...]}]',
    ],
    [
      'an unknown condition operator',
      doc({ ...ok, Condition: { StringEqual: { 'acs:SourceVpc': 'vpc-1' } } }),
      DiagnosticCode.INVALID_CONDITION,
      '[Statement[0].Condition.StringEqual] unknown condition operator. Did you mean "StringEquals"? (value: "StringEqual"). Rule: RAM condition operators are Bool, DateEquals, DateGreaterThan, DateGreaterThanEquals, DateLessThan, DateLessThanEquals, DateNotEquals, IpAddress, NotIpAddress, NumericEquals, NumericGreaterThan, NumericGreaterThanEquals, NumericLessThan, NumericLessThanEquals, NumericNotEquals, StringEquals, StringEqualsIgnoreCase, StringLike, StringNotEquals, StringNotEqualsIgnoreCase, StringNotLike. Fix: use one of the operators named in the rule (they are case-sensitive)',
    ],
  ];

  test.each(cases)('%s', (_name, input, code, message) => {
    const e = errorsOf(input);
    expect(e.diagnostics.map((d) => d.code)).toEqual([code]);
    expect(e.message).toBe(message);
  });

  test('invalid JSON text names the parser error', () => {
    expect(() => PolicyDocument.fromJson('{"Version": "1",').render()).toThrow(
      /^the policy document is not valid JSON \(value: .+\)\. Rule: a policy document is a JSON object\. Fix: correct the JSON syntax at the position named$/,
    );
  });

  test('every broken rule is reported at once, each at its own path', () => {
    const e = errorsOf(doc({ Effect: 'Permit', Action: [] }, { ...ok, Resource: 'oss-bucket' }));
    expect(e.diagnostics.map((d) => [d.code, d.location])).toEqual([
      [DiagnosticCode.INVALID_EFFECT, 'Statement[0].Effect'],
      [DiagnosticCode.EMPTY_ACTION_LIST, 'Statement[0].Action'],
      [DiagnosticCode.MISSING_RESOURCE, 'Statement[0]'],
      [DiagnosticCode.INVALID_RESOURCE_FORMAT, 'Statement[1].Resource'],
    ]);
  });

  test('the programmatic factories obey the same rules as the parser; a statement locates its errors inside itself', () => {
    const bad = PolicyStatement.allow(['GetRepository']);
    expect(bad.errors.map((d) => d.location)).toEqual(['Action[0]']);
    expect(() => bad.actions).toThrow('[Action[0]] malformed Action value (value: "GetRepository")');
    expect(() => PolicyDocument.of([PolicyStatement.allow(['cr:GetRepository']), bad]).render()).toThrow(
      '[Statement[1].Action[0]] malformed Action value (value: "GetRepository")',
    );
    expect(() => PolicyDocument.of([]).render()).toThrow(
      '[Statement] Statement is not a non-empty list (value: [])',
    );
  });

  test('parsing does not throw: the errors wait for the first use of the document, which throws them all', () => {
    const d = PolicyDocument.fromObject(doc({ ...ok, Effect: 'allow' }));
    expect(d.errors.map((e) => [e.code, e.location])).toEqual([
      [DiagnosticCode.INVALID_EFFECT, 'Statement[0].Effect'],
    ]);
    for (const use of [() => d.render(), () => d.statements, () => d.toJson(), () => d.isSameAs(d)]) {
      expect(use).toThrow(PolicyError);
    }
    expect(PolicyDocument.fromObject(doc(ok)).errors).toEqual([]);
  });

  test('describe() prefixes each message with a context such as a construct path', () => {
    const e = errorsOf(doc({ ...ok, Action: 'GetRepository' }));
    expect(e.describe('Stack/Grant')).toMatch(
      /^\[Stack\/Grant Statement\[0\]\.Action\] malformed Action value/,
    );
  });
});

describe('parsed documents', () => {
  test('accept single strings, scalar condition values and wildcards', () => {
    const d = PolicyDocument.fromObject(
      doc({
        Effect: 'Allow',
        Action: 'cr:Get*',
        Resource: 'acs:cr:*:*:repository/cri-1/team-a/*',
        Condition: { Bool: { 'acs:SecureTransport': true }, StringLike: { 'acs:SourceVpc': 'vpc-?' } },
      }),
    );
    expect(d.render()).toBe(
      '{"Version":"1","Statement":[{"Effect":"Allow","Action":["cr:Get*"],"Resource":["acs:cr:*:*:repository/cri-1/team-a/*"],"Condition":{"Bool":{"acs:SecureTransport":["true"]},"StringLike":{"acs:SourceVpc":["vpc-?"]}}}]}',
    );
  });

  test('NotAction and NotResource are kept as written', () => {
    const s = PolicyDocument.fromObject(doc({ Effect: 'Deny', NotAction: 'cr:Get*', NotResource: '*' }))
      .statements[0];
    expect([s.actions, s.notActions, s.resources, s.notResources]).toEqual([[], ['cr:Get*'], [], ['*']]);
  });
});
