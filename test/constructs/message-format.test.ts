/**
 * One message format, for every DiagnosticCode: each code is produced the way a user meets it (an
 * error thrown by a construct, a validation error at synth, a warning annotation), and its text, as
 * cdktf shows it, must read `[<construct path> <location>] <what> (value: …). Rule: …. Fix: …`: the
 * construct path once, no doubled or stray period. A code missing from the table fails this test.
 */
import {
  checkActions,
  checkResources,
  checkResourceTypes,
  CrAccessCheck,
  CrAccessCheckMode,
  CrAccessReport,
  CrAccessTeam,
  findingDiagnostic,
  readSynthesized,
  reportDiagnostic,
  CrAccess,
  CrAccessGrant,
  CrAccessScope,
  CrReadOnlyUser,
  CrResourceTarget,
  DiagnosticCode,
  PolicyDocument,
  PolicyStatement,
  RamPrincipal,
  ResourceGroupScopedCrDeveloper,
  Severity,
  splitBySizeWithDiagnostics,
  splitForResourceGroupScope,
} from '../../src';
import { Construct } from 'constructs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AnnotationMetadataEntryType, TerraformStack } from '../../src/core-lib';
import * as alicloud from '../../src/generated/alicloud';
import { CUSTOM_POLICIES_PER_PRINCIPAL_MAX, GROUPS_PER_USER_MAX, placeOnTarget } from '../../src/policy';
import * as diagnosticModule from '../../src/policy/diagnostic';
import { type Diagnostic, formatDiagnostic, PolicyError } from '../../src/policy/diagnostic';
import { newStack } from '../support/stack';
import { synth, validationErrorLines } from '../support/synth';

const user = RamPrincipal.user('alice');
const rg = (ids: string[]) => CrAccessScope.resourceGroups(ids);
const custom = (...statements: PolicyStatement[]) => CrAccess.custom(PolicyDocument.of(statements));
const grant = (stack: TerraformStack, access: CrAccess, more: object = {}) =>
  new CrAccessGrant(stack, 'G', { principal: user, access, ...more });
const parsed = (statement: object, document: object = {}) =>
  CrAccess.custom(PolicyDocument.fromObject({ Version: '1', Statement: [statement], ...document }));
const ok = { Effect: 'Allow', Action: ['cr:GetRepository'], Resource: ['*'] };

/** How the user meets a code: built into a stack (errors, validations, warnings), or engine information. */
type Producer = { build: (stack: TerraformStack) => unknown; path: string } | { info: () => Diagnostic[] };

const TABLE: { [code in DiagnosticCode]: Producer | { neverRaised: string } } = {
  [DiagnosticCode.INVALID_POLICY_JSON]: {
    build: (s) => grant(s, CrAccess.custom(PolicyDocument.fromJson('{"Version": "1",'))),
    path: 'platform/G',
  },
  [DiagnosticCode.UNKNOWN_POLICY_KEY]: {
    build: (s) => grant(s, parsed({ ...ok, Principal: '*' })),
    path: 'platform/G',
  },
  [DiagnosticCode.UNSUPPORTED_VERSION]: {
    build: (s) => grant(s, parsed(ok, { Version: '2012-10-17' })),
    path: 'platform/G',
  },
  [DiagnosticCode.EMPTY_STATEMENT_LIST]: { build: (s) => grant(s, custom()), path: 'platform/G' },
  [DiagnosticCode.INVALID_EFFECT]: {
    build: (s) => grant(s, parsed({ ...ok, Effect: 'allow' })),
    path: 'platform/G',
  },
  [DiagnosticCode.ACTION_AND_NOT_ACTION]: {
    build: (s) =>
      grant(s, custom(new PolicyStatement({ actions: ['cr:GetRepository'], notActions: ['cr:Get*'] }))),
    path: 'platform/G',
  },
  [DiagnosticCode.MISSING_ACTION]: {
    build: (s) => grant(s, parsed({ Effect: 'Allow', Resource: '*' })),
    path: 'platform/G',
  },
  [DiagnosticCode.EMPTY_ACTION_LIST]: {
    build: (s) => grant(s, custom(PolicyStatement.allow([]))),
    path: 'platform/G',
  },
  [DiagnosticCode.INVALID_ACTION_FORMAT]: {
    build: (s) => grant(s, custom(PolicyStatement.allow(['cr:GetRepository', 'PullRepository']))),
    path: 'platform/G',
  },
  [DiagnosticCode.RESOURCE_AND_NOT_RESOURCE]: {
    build: (s) =>
      grant(
        s,
        custom(new PolicyStatement({ actions: ['cr:GetRepository'], resources: ['*'], notResources: ['*'] })),
      ),
    path: 'platform/G',
  },
  [DiagnosticCode.MISSING_RESOURCE]: {
    build: (s) => grant(s, parsed({ Effect: 'Allow', Action: 'cr:GetRepository' })),
    path: 'platform/G',
  },
  [DiagnosticCode.EMPTY_RESOURCE_LIST]: {
    build: (s) => grant(s, custom(PolicyStatement.allow(['cr:GetRepository'], []))),
    path: 'platform/G',
  },
  [DiagnosticCode.INVALID_RESOURCE_FORMAT]: {
    build: (s) => grant(s, custom(PolicyStatement.allow(['cr:GetRepository'], ['repository/ns/app']))),
    path: 'platform/G',
  },
  [DiagnosticCode.INVALID_CONDITION]: {
    build: (s) =>
      grant(
        s,
        custom(
          new PolicyStatement({
            actions: ['cr:GetRepository'],
            conditions: { StringEqual: { 'acs:SourceVpc': ['v'] } },
          }),
        ),
      ),
    path: 'platform/G',
  },
  [DiagnosticCode.UNKNOWN_CR_ACTION]: {
    build: (s) => grant(s, custom(PolicyStatement.allow(['cr:PulRepository']))),
    path: 'platform/G',
  },
  [DiagnosticCode.NO_MATCHING_CR_ACTION]: {
    build: (s) => grant(s, custom(PolicyStatement.allow(['cr:Frobnicate*'])), { strictActions: true }),
    path: 'platform/G',
  },
  [DiagnosticCode.UNKNOWN_CR_ACTION_ACCEPTED]: {
    info: () =>
      checkActions(PolicyDocument.of([PolicyStatement.allow(['cr:FrobnicateRepository'])]), {
        acceptUnknownActions: ['cr:FrobnicateRepository'],
      }),
  },
  [DiagnosticCode.UNKNOWN_CR_ACTION_PASSED_THROUGH]: {
    build: (s) => grant(s, custom(PolicyStatement.allow(['cr:ListSignature*'])), { scope: rg(['rg-a1']) }),
    path: 'platform/G',
  },
  [DiagnosticCode.ACTION_CASE_MISMATCH]: {
    build: (s) => grant(s, custom(PolicyStatement.allow(['cr:getrepository']))),
    path: 'platform/G',
  },
  [DiagnosticCode.ACTION_RESOURCE_MISMATCH]: {
    build: (s) =>
      grant(
        s,
        parsed({
          Effect: 'Allow',
          Action: ['cr:GetInstance'],
          Resource: ['acs:cr:*:*:repository/cri-a/ns/*'],
        }),
      ),
    path: 'platform/G',
  },
  [DiagnosticCode.ACTION_RESOURCE_TYPE_UNKNOWN]: {
    info: () =>
      checkResourceTypes(
        PolicyDocument.of([
          PolicyStatement.allow(['cr:PushRepository'], ['acs:cr:*:*:repository/cri-a/ns/*']),
        ]),
      ),
  },
  [DiagnosticCode.ACTION_OUTSIDE_RESOURCE_TARGET]: {
    info: () =>
      placeOnTarget(PolicyDocument.of([PolicyStatement.allow(['cr:CreateRepository'])]), {
        instanceId: 'cri-a',
        repositories: [{ namespaceName: 'ns', repositoryName: 'app' }],
      }).diagnostics,
  },
  [DiagnosticCode.INVALID_RESOURCE_TARGET]: {
    build: (s) => grant(s, CrAccess.developer().onResources(CrResourceTarget.namespaces('cri-a', ['ns:*']))),
    path: 'platform/G',
  },
  [DiagnosticCode.CR_RG_GRANT_GAP]: {
    build: (s) => {
      new alicloud.resourceManagerPolicyAttachment.ResourceManagerPolicyAttachment(s, 'Hand', {
        policyName: 'AliyunContainerRegistryFullAccess',
        policyType: 'System',
        principalName: 'dev@1234567890123456.onaliyun.com',
        principalType: 'IMSUser',
        resourceGroupId: 'rg-a1',
      });
      // Warn mode: the message-format harness reads warnings (error annotations fail the app's synth).
      CrAccessCheck.applyTo(s, { mode: CrAccessCheckMode.WARN });
    },
    path: 'platform/Hand',
  },
  [DiagnosticCode.CR_RG_GRANT_UNCHECKED]: {
    info: () =>
      checkResources(
        readSynthesized(
          {
            resource: {
              alicloud_resource_manager_policy_attachment: {
                Hand: {
                  policy_name: 'made-elsewhere',
                  policy_type: 'Custom',
                  principal_name: 'dev@1234567890123456.onaliyun.com',
                  principal_type: 'IMSUser',
                  resource_group_id: 'rg-a1',
                },
              },
            },
          },
          'cdk.tf.json',
        ),
      ).findings.map((f) => findingDiagnostic(f)),
  },
  [DiagnosticCode.POLICY_SPLIT_BY_SIZE]: {
    info: () =>
      splitBySizeWithDiagnostics(
        PolicyDocument.of([
          PolicyStatement.allow(
            ['cr:GetRepository', 'cr:PullRepository', 'cr:PushRepository'],
            [
              'acs:cr:*:*:repository/cri-aaaaaaaaaaaa/namespace-one/repository-one',
              'acs:cr:*:*:repository/cri-aaaaaaaaaaaa/namespace-two/repository-two',
            ],
          ),
        ]),
        { maxLength: 250 },
      ).diagnostics,
  },
  [DiagnosticCode.DUPLICATE_TEAM_MEMBER]: {
    build: (s) => CrAccessTeam.readers(s, 'Team', { groupName: 'readers', members: ['alice', 'alice'] }),
    path: 'platform/Team',
  },
  [DiagnosticCode.DUPLICATE_GROUP]: {
    build: (s) => {
      CrAccessTeam.readers(s, 'TeamA', { groupName: 'readers', members: ['alice'] });
      CrAccessTeam.readers(s, 'TeamB', { groupName: 'readers', members: ['bob'] });
    },
    path: 'platform/TeamB',
  },
  [DiagnosticCode.GROUP_QUOTA_EXCEEDED]: {
    build: (s) => {
      for (let i = 0; i <= GROUPS_PER_USER_MAX; i++)
        CrAccessTeam.readers(s, `Team${i}`, { groupName: `team-${i}`, members: ['alice'] });
    },
    path: `platform/Team${GROUPS_PER_USER_MAX}`,
  },
  [DiagnosticCode.NO_STACK_TO_CHECK]: {
    build: (s) => CrAccessCheck.applyTo(new Construct(s.node.root, 'Loose')),
    path: 'Loose',
  },
  [DiagnosticCode.CR_ACCESS_SUMMARY]: {
    info: () => {
      const stack = newStack();
      const auditor = new CrReadOnlyUser(stack, 'Auditor', {
        userName: 'auditor',
        resourceGroupIds: ['rg-a1'],
      });
      return [reportDiagnostic([auditor.grant.plan], CrAccessReport.of(stack).customPolicies)];
    },
  },
  [DiagnosticCode.NOT_ACTION_AT_RESOURCE_GROUP_SCOPE]: {
    build: (s) =>
      grant(s, custom(new PolicyStatement({ notActions: ['cr:Delete*'] })), { scope: rg(['rg-a1']) }),
    path: 'platform/G',
  },
  [DiagnosticCode.NON_CR_ACTION_UNCHECKED]: {
    build: (s) =>
      grant(s, custom(PolicyStatement.allow(['cr:GetRepository', 'ecs:DescribeInstances'])), {
        scope: rg(['rg-a1']),
        allowActionsBeyondContainerRegistry: true,
      }),
    path: 'platform/G',
  },
  [DiagnosticCode.ACTION_OUTSIDE_CONTAINER_REGISTRY]: {
    build: (s) => grant(s, custom(PolicyStatement.allow(['cr:GetRepository', 'ram:*']))),
    path: 'platform/G',
  },
  [DiagnosticCode.ALLOW_WITH_NOT_ACTION]: {
    build: (s) => grant(s, custom(new PolicyStatement({ notActions: ['cr:Delete*'] }))),
    path: 'platform/G',
  },
  [DiagnosticCode.DENY_ONLY_ACCESS]: {
    build: (s) => grant(s, custom(PolicyStatement.deny(['cr:DeleteInstance']))),
    path: 'platform/G',
  },
  [DiagnosticCode.RG_UNSUPPORTED_ACTION]: {
    info: () => splitForResourceGroupScope(CrAccess.readOnly().document).diagnostics,
  },
  [DiagnosticCode.ACCOUNT_LEVEL_WRITE_ACTION]: {
    build: (s) => grant(s, CrAccess.fullAccess(), { scope: rg(['rg-a1']) }),
    path: 'platform/G',
  },
  [DiagnosticCode.EXCLUDED_FROM_ACCOUNT_LEVEL]: {
    info: () =>
      splitForResourceGroupScope(CrAccess.fullAccess().document, {
        excludeWriteActionsFromAccountLevel: true,
      }).diagnostics,
  },
  [DiagnosticCode.INVALID_EXCLUSION]: {
    build: (s) =>
      grant(s, CrAccess.fullAccess(), { scope: rg(['rg-a1']), excludeFromAccountLevel: ['cr:Nope'] }),
    path: 'platform/G',
  },
  [DiagnosticCode.POLICY_TOO_LONG]: {
    neverRaised:
      'documents over the limit are split into several policies (size-split.ts); only a statement that cannot be cut is an error',
  },
  [DiagnosticCode.STATEMENT_TOO_LONG]: {
    build: (s) =>
      grant(
        s,
        custom(
          new PolicyStatement({
            actions: ['cr:GetRepository'],
            notResources: Array.from(
              { length: 120 },
              (_, i) => `acs:cr:*:*:repository/cri-abcdefgh/team-a/service-${i}`,
            ),
          }),
        ),
      ),
    path: 'platform/G',
  },
  [DiagnosticCode.INVALID_NAME]: {
    build: (s) => new CrReadOnlyUser(s, 'Ci', { userName: 'ci puller' }),
    path: 'platform/Ci',
  },
  [DiagnosticCode.INVALID_RESOURCE_GROUP_ID]: {
    build: (s) => grant(s, CrAccess.readOnly(), { scope: rg(['team-a']) }),
    path: 'platform/G',
  },
  [DiagnosticCode.DUPLICATE_RESOURCE_GROUP_ID]: {
    build: (s) => grant(s, CrAccess.readOnly(), { scope: rg(['rg-a1', 'rg-a1']) }),
    path: 'platform/G',
  },
  [DiagnosticCode.EMPTY_RESOURCE_GROUP_LIST]: {
    build: (s) => grant(s, CrAccess.readOnly(), { scope: rg([]) }),
    path: 'platform/G',
  },
  [DiagnosticCode.INVALID_ACCOUNT]: {
    build: (s) => grant(s, CrAccess.readOnly(), { accountId: 'acme' }),
    path: 'platform/G',
  },
  [DiagnosticCode.CONFLICTING_PROPS]: {
    build: (s) => new ResourceGroupScopedCrDeveloper(s, 'Dev', { resourceGroupIds: ['rg-a1'] }),
    path: 'platform/Dev',
  },
  [DiagnosticCode.CONFLICTING_PRESETS]: {
    build: (s) => {
      new CrAccessGrant(s, 'Read', { principal: user, access: CrAccess.readOnly() });
      new CrAccessGrant(s, 'Full', { principal: user, access: CrAccess.fullAccess() });
    },
    path: 'platform/Full',
  },
  [DiagnosticCode.POLICY_QUOTA_EXCEEDED]: {
    build: (s) => {
      for (let i = 0; i <= CUSTOM_POLICIES_PER_PRINCIPAL_MAX; i++) {
        const repository = `acs:cr:*:*:repository/cri-abcdefgh/team-a/service-${i}`;
        new CrAccessGrant(s, `G${i}`, {
          principal: user,
          access: custom(PolicyStatement.allow(['cr:GetRepository'], [repository])),
        });
      }
    },
    path: 'platform/G0',
  },
  [DiagnosticCode.POLICY_QUOTA_MAY_BE_EXCEEDED]: {
    build: (s) =>
      grant(s, custom(PolicyStatement.allow(['cr:PullRepository'])), {
        scope: rg(Array.from({ length: CUSTOM_POLICIES_PER_PRINCIPAL_MAX + 1 }, (_, i) => `rg-team${i}`)),
      }),
    path: 'platform/G',
  },
  [DiagnosticCode.DUPLICATE_PRINCIPAL_NAME]: {
    build: (s) => {
      new alicloud.ramUser.RamUser(s, 'Ci', { name: 'ci' });
      new CrReadOnlyUser(s, 'Puller', { userName: 'ci' });
    },
    path: 'platform/Puller',
  },
  [DiagnosticCode.NAME_CASE_VARIANT]: {
    build: (s) => {
      new CrAccessGrant(s, 'Lower', { principal: user, access: CrAccess.readOnly() });
      new CrAccessGrant(s, 'Upper', { principal: RamPrincipal.user('Alice'), access: CrAccess.readOnly() });
    },
    path: 'platform/Upper',
  },
  [DiagnosticCode.MISSING_REQUIRED_PROP]: {
    // As JavaScript calls it: no members.
    build: (s) => new CrAccessTeam(s, 'Team', { groupName: 'readers', access: CrAccess.readOnly() } as any),
    path: 'platform/Team',
  },
  [DiagnosticCode.INVALID_PROP_TYPE]: {
    build: (s) =>
      new CrAccessTeam(s, 'Team', {
        groupName: 'readers',
        members: 'alice',
        access: CrAccess.readOnly(),
      } as any),
    path: 'platform/Team',
  },
  [DiagnosticCode.INVALID_SUPPRESSION]: {
    build: (s) => CrAccessCheck.suppress(new Construct(s, 'Legacy'), 'CR_RG_GRANT_GAP', { reason: ' ' }),
    path: 'platform/Legacy',
  },
  [DiagnosticCode.EMPTY_TEAM]: {
    build: (s) => CrAccessTeam.readers(s, 'Team', { groupName: 'readers', members: [] }),
    path: 'platform/Team',
  },
  [DiagnosticCode.DUPLICATE_ATTACHMENT]: {
    build: (s) => {
      new CrAccessGrant(s, 'TeamA', {
        principal: user,
        access: CrAccess.readOnly(),
        scope: rg(['rg-teama']),
      });
      new CrAccessGrant(s, 'TeamB', {
        principal: user,
        access: CrAccess.readOnly(),
        scope: rg(['rg-teamb']),
      });
    },
    path: 'platform/TeamB',
  },
  [DiagnosticCode.ACCESS_NAME_CONFLICT]: {
    build: (s) => {
      const named = (action: string) =>
        CrAccess.custom(PolicyDocument.of([PolicyStatement.allow([action])]), { name: 'web' });
      new CrAccessGrant(s, 'A', { principal: user, access: named('cr:GetRepository') });
      new CrAccessGrant(s, 'B', { principal: RamPrincipal.user('bob'), access: named('cr:PullRepository') });
    },
    path: 'platform/B',
  },
  [DiagnosticCode.UNNAMED_CUSTOM_ACCESS]: {
    build: (s) => grant(s, custom(PolicyStatement.allow(['cr:GetRepository']))),
    path: 'platform/G',
  },
  [DiagnosticCode.DUPLICATE_POLICY_NAME]: {
    build: (s) => {
      // Stacks platform and platform_ have one default prefix, cr-platform.
      const other = new TerraformStack(s.node.root, 'platform_');
      new CrAccessGrant(other, 'G', { principal: user, access: CrAccess.developer() });
      grant(s, CrAccess.developer());
    },
    path: 'platform/CrAccessPolicies',
  },
};

const originalFormat = diagnosticModule.formatDiagnostic;

interface Raised {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly text: string;
}

/** `[path] [location] …` as cdktf prints a construct's message → `[path location] …`. */
function withPath(constructPath: string, text: string): string {
  return text.startsWith('[') ? `[${constructPath} ${text.slice(1)}` : `[${constructPath}] ${text}`;
}

/** Everything a user sees when building and synthesizing a stack, with the code of each message. */
function raised(build: (stack: TerraformStack) => unknown): Raised[] {
  // Messages handed to cdktf (validations, annotations) are rendered without a path: remember their codes.
  const rendered = new Map<string, Diagnostic>();
  const spy = jest.spyOn(diagnosticModule, 'formatDiagnostic').mockImplementation((d, context) => {
    const text = originalFormat(d, context);
    if (context === undefined) rendered.set(text, d);
    return text;
  });
  try {
    const stack = newStack();
    try {
      build(stack);
    } catch (e) {
      if (!(e instanceof PolicyError)) throw e;
      const lines = e.message.split('\n');
      return e.diagnostics.map((d, i) => ({ code: d.code, severity: d.severity, text: lines[i] }));
    }
    const out: Raised[] = [];
    try {
      synth(stack);
    } catch (e) {
      const lines = validationErrorLines(e);
      if (lines === undefined) throw e;
      for (const line of lines) {
        const [, constructPath, text] = /^\[([^\]]+)\] (.*)$/.exec(line)!;
        const d = rendered.get(text);
        if (d !== undefined)
          out.push({ code: d.code, severity: d.severity, text: withPath(constructPath, text) });
      }
    }
    for (const node of stack.node.findAll()) {
      const shown = [AnnotationMetadataEntryType.WARN, AnnotationMetadataEntryType.INFO] as string[];
      for (const m of node.node.metadata.filter((x) => shown.includes(x.type))) {
        const d = rendered.get(String(m.data));
        if (d !== undefined)
          out.push({ code: d.code, severity: d.severity, text: withPath(node.node.path, String(m.data)) });
      }
    }
    return out;
  } finally {
    spy.mockRestore();
  }
}

/** Characters of one message at most (the gap of full access listed its 72 actions twice in 4,600). */
const MESSAGE_MAX = 1200;

const LOCATION = /^[A-Za-z]+(\[\d+\])?(\.[A-Za-z:]+(\[\d+\])?)*$/;
const SHAPE = /^\[(\S+)(?: (\S+))?\] (.+?)(?: \(value: (.+)\))?\. Rule: (.+)\. Fix: (.+)$/;

function expectOneFormat(text: string, constructPath: string): void {
  const m = SHAPE.exec(text);
  if (m === null) throw new Error(`not in the one message format: ${text}`);
  const [, where, location, message, , rule, fix] = m;
  expect(where).toBe(constructPath);
  expect(text.indexOf(`[${constructPath}`)).toBe(0);
  expect(text.indexOf(`[${constructPath}`, 1)).toBe(-1);
  if (location !== undefined) expect(location).toMatch(LOCATION);
  for (const part of [message, rule, fix]) expect(part).not.toMatch(/\.$/);
  // Readable: long lists are counted (listed.ts), never written out in a message.
  expect(text.length).toBeLessThan(MESSAGE_MAX);
  // A doubled period, or one before "(value:"; an ellipsis ("[...]") is fine.
  expect(text).not.toMatch(/(?<!\.)\.\s*\.(?!\.)|\.\s+\(value:/);
}

describe('every DiagnosticCode has the one message format', () => {
  test('the table names every code', () => {
    const missing = Object.values(DiagnosticCode).filter((c) => !(c in TABLE));
    expect(missing).toEqual([]);
  });

  test.each(Object.values(DiagnosticCode))('%s', (code) => {
    const producer = (TABLE as Record<string, Producer | { neverRaised: string }>)[code];
    if (producer === undefined) {
      throw new Error(`${code} has no producer in test/constructs/message-format.test.ts: add one to TABLE`);
    }
    if ('neverRaised' in producer) {
      // Claimed never raised: nothing in src/ produces it.
      const sources = fs
        .readdirSync(path.join(__dirname, '../../src'), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts') && !f.startsWith('generated'))
        .map((f) => fs.readFileSync(path.join(__dirname, '../../src', f), 'utf8'));
      expect(sources.filter((text) => text.includes(`DiagnosticCode.${code}`))).toEqual([]);
      return;
    }
    if ('info' in producer) {
      const found = producer.info().filter((d) => d.code === code);
      expect(found.length).toBeGreaterThan(0);
      for (const d of found) {
        expect(d.severity).toBe(Severity.INFO);
        expectOneFormat(formatDiagnostic(d, 'platform/G'), 'platform/G');
      }
      return;
    }
    const found = raised(producer.build).filter((r) => r.code === code);
    expect(found.length).toBeGreaterThan(0);
    for (const r of found) expectOneFormat(r.text, producer.path);
  });
});
