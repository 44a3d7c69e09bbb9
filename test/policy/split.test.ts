import {
  DiagnosticCode,
  Effect,
  Placement,
  PolicyDocument,
  PolicyStatement,
  Severity,
  SystemPolicy,
  splitForResourceGroupScope,
} from '../../src/policy';
import { PolicyError } from '../../src/policy/diagnostic';
import fullExample from '../fixtures/seeds/002-full-account-level-example.json';
import readOnlyExample from '../fixtures/seeds/002-readonly-account-level-example.json';

const actionsOf = (d: PolicyDocument | undefined) => d?.statements.flatMap((s) => s.actions);
const codes = (diagnostics: { code: string }[]) => diagnostics.map((d) => d.code);

describe('the resource-group split against the seed', () => {
  test('read-only access gives exactly the seed read-only example at account level (37 actions)', () => {
    const split = splitForResourceGroupScope(SystemPolicy.CONTAINER_REGISTRY_READ_ONLY_ACCESS.document);
    expect(readOnlyExample.Statement[0].Action).toHaveLength(37);
    expect(split.accountLevelDocument!.isSameAs(PolicyDocument.fromObject(readOnlyExample))).toBe(true);
    expect(
      split.resourceGroupDocument.isSameAs(SystemPolicy.CONTAINER_REGISTRY_READ_ONLY_ACCESS.document),
    ).toBe(true);
  });

  test('cr:* gives exactly the seed full example at account level (72 actions)', () => {
    const split = splitForResourceGroupScope(SystemPolicy.CONTAINER_REGISTRY_FULL_ACCESS.document);
    expect(fullExample.Statement[0].Action).toHaveLength(72);
    expect(split.accountLevelDocument!.isSameAs(PolicyDocument.fromObject(fullExample))).toBe(true);
  });
});

describe('split rules', () => {
  test('actions that support resource groups need no account-level document', () => {
    const split = splitForResourceGroupScope(
      PolicyDocument.of([PolicyStatement.allow(['cr:GetRepository'])]),
    );
    expect(split.accountLevelDocument).toBeUndefined();
    expect(split.explanation).toEqual([
      expect.objectContaining({
        action: 'cr:GetRepository',
        placement: Placement.RESOURCE_GROUP,
        matchedBy: ['cr:GetRepository'],
      }),
    ]);
  });

  test('the account-level statement keeps the Resource and Condition of its source statement', () => {
    const conditions = { IpAddress: { 'acs:SourceIp': ['192.0.2.0/24'] } };
    const doc = PolicyDocument.of([
      new PolicyStatement({
        actions: ['cr:GetWebHook'],
        resources: ['acs:cr:*:*:repository/cri-1/*'],
        conditions,
      }),
      new PolicyStatement({ actions: ['cr:ListUserVpc', 'cr:GetRepository'] }),
    ]);
    expect(splitForResourceGroupScope(doc).accountLevelDocument!.toJson()).toEqual({
      Version: '1',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['cr:GetWebHook'],
          Resource: ['acs:cr:*:*:repository/cri-1/*'],
          Condition: conditions,
        },
        { Effect: 'Allow', Action: ['cr:ListUserVpc'], Resource: ['*'] },
      ],
    });
  });

  test('statements with the same Resource and Condition share one account-level statement', () => {
    const doc = PolicyDocument.of([
      PolicyStatement.allow(['cr:GetWebHook']),
      PolicyStatement.allow(['cr:ListUserVpc', 'cr:PullRepository']),
    ]);
    expect(splitForResourceGroupScope(doc).accountLevelDocument!.render()).toBe(
      '{"Version":"1","Statement":[{"Effect":"Allow","Action":["cr:GetWebHook","cr:ListUserVpc"],"Resource":["*"]}]}',
    );
  });

  test('a Deny is carried to account level, restricted to the account-level actions it matches', () => {
    const doc = PolicyDocument.of([
      PolicyStatement.allow(['cr:*']),
      new PolicyStatement({
        effect: Effect.DENY,
        actions: ['cr:Delete*', 'cr:GetRepository'],
        conditions: { Bool: { 'acs:MFAPresent': ['false'] } },
      }),
    ]);
    const account = splitForResourceGroupScope(doc).accountLevelDocument!;
    const deny = account.statements.find((s) => s.effect === 'Deny')!;
    expect(deny.actions).toEqual([
      'cr:DeleteCloudProductAuth',
      'cr:DeleteExemptVul',
      'cr:DeleteInstance',
      'cr:DeleteInstanceFlowControlRule',
      'cr:DeleteInstanceMigrateRule',
      'cr:DeleteStorageDomainRoutingRule',
      'cr:DeleteSyncCustomLink',
    ]);
    expect(deny.conditions).toEqual({ Bool: { 'acs:MFAPresent': ['false'] } });
  });

  test('an action named by an unconditional Deny on * is not granted at all', () => {
    const doc = PolicyDocument.of([
      PolicyStatement.allow(['cr:Get*', 'cr:List*']),
      PolicyStatement.deny(['cr:List*']),
    ]);
    const split = splitForResourceGroupScope(doc);
    expect(actionsOf(split.accountLevelDocument)).toHaveLength(22);
    expect(split.accountLevelDocument!.statements.every((s) => s.effect === 'Allow')).toBe(true);
    expect(split.explanation.filter((p) => p.placement === Placement.DENIED)).toHaveLength(15);
  });

  test('write-level account-level actions produce a warning naming them', () => {
    const split = splitForResourceGroupScope(
      PolicyDocument.of([PolicyStatement.allow(['cr:DeleteInstance', 'cr:GetWebHook'])]),
    );
    const warning = split.diagnostics.find((d) => d.code === DiagnosticCode.ACCOUNT_LEVEL_WRITE_ACTION)!;
    expect(warning.severity).toBe(Severity.WARNING);
    expect(warning.value).toBe('cr:DeleteInstance');
  });

  test('named actions, or all write-level ones, can be excluded from the account level', () => {
    const doc = PolicyDocument.of([
      PolicyStatement.allow(['cr:DeleteInstance', 'cr:UpdateUserInfo', 'cr:GetWebHook']),
    ]);
    expect(
      actionsOf(
        splitForResourceGroupScope(doc, { excludeFromAccountLevel: ['cr:DeleteInstance'] })
          .accountLevelDocument,
      ),
    ).toEqual(['cr:GetWebHook', 'cr:UpdateUserInfo']);
    expect(
      actionsOf(
        splitForResourceGroupScope(doc, { excludeWriteActionsFromAccountLevel: true }).accountLevelDocument,
      ),
    ).toEqual(['cr:GetWebHook']);
  });

  test('actions of other services pass through with a warning', () => {
    const doc = PolicyDocument.of([PolicyStatement.allow(['ecs:DescribeInstances', 'cr:GetRepository'])]);
    const split = splitForResourceGroupScope(doc);
    expect(split.resourceGroupDocument.isSameAs(doc)).toBe(true);
    expect(codes(split.diagnostics)).toEqual([DiagnosticCode.NON_CR_ACTION_UNCHECKED]);
    expect(split.diagnostics[0].value).toBe('"ecs:DescribeInstances"');
  });

  test('the explanation says which pattern matched and where each action went', () => {
    const split = splitForResourceGroupScope(
      PolicyDocument.of([PolicyStatement.allow(['cr:GetWebHook', 'cr:Get*'])]),
    );
    expect(split.explanation.find((p) => p.action === 'cr:GetWebHook')).toEqual({
      action: 'cr:GetWebHook',
      statement: 0,
      matchedBy: ['cr:Get*', 'cr:GetWebHook'],
      placement: Placement.ACCOUNT_LEVEL,
      reason:
        'does not support resource-group authorization; granted by the account-level policy with the same Resource and Condition',
    });
  });
});

describe('split errors name the value, the rule and the fix', () => {
  function errorOf(fn: () => unknown): PolicyError {
    try {
      fn();
    } catch (e) {
      if (e instanceof PolicyError) return e;
      throw e;
    }
    throw new Error('expected a PolicyError');
  }

  const cases: [string, () => unknown, string][] = [
    [
      'NotAction in an Allow',
      () =>
        splitForResourceGroupScope(PolicyDocument.of([new PolicyStatement({ notActions: ['cr:Delete*'] })])),
      '[Statement[0].NotAction] an Allow statement with NotAction cannot be split for resource-group scope (value: ["cr:Delete*"]). Rule: actions without resource-group support must be granted at account level, and granting the complement of NotAction account-wide would grant far more than intended. Fix: list the allowed actions in Action instead, and use a Deny statement for what must be excluded',
    ],
    [
      'NotResource in an Allow',
      () =>
        splitForResourceGroupScope(
          PolicyDocument.of([
            new PolicyStatement({ actions: ['cr:Get*'], notResources: ['acs:cr:*:*:instance/cri-1'] }),
          ]),
        ),
      '[Statement[0].NotResource] an Allow statement with NotResource cannot be split for resource-group scope (value: ["acs:cr:*:*:instance/cri-1"]). Rule: actions without resource-group support must be granted at account level, and granting the complement of NotResource account-wide would grant far more than intended. Fix: list the allowed resources in Resource instead, and use a Deny statement for what must be excluded',
    ],
    [
      'a misspelled action',
      () => splitForResourceGroupScope(PolicyDocument.of([PolicyStatement.allow(['cr:PulRepository'])])),
      '[Statement[0].Action[0]] unknown Container Registry action. Did you mean "cr:PullRepository"? (value: "cr:PulRepository"). Rule: a cr: action one edit (a letter added, dropped or changed, or two neighbours swapped) from a catalog action is taken for a typo. Fix: correct the spelling; if Alibaba really has this action, add "cr:PulRepository" to acceptUnknownActions',
    ],
    [
      'an unknown action, with strictActions',
      () =>
        splitForResourceGroupScope(PolicyDocument.of([PolicyStatement.allow(['cr:BrandNewAction'])]), {
          strictActions: true,
        }),
      '[Statement[0].Action[0]] unknown Container Registry action (value: "cr:BrandNewAction"). Rule: with strictActions, every cr: action must be in the Container Registry catalog. Fix: correct the spelling; if Alibaba really has this action, add "cr:BrandNewAction" to acceptUnknownActions',
    ],
    [
      'a wildcard that matches nothing, with strictActions',
      () =>
        splitForResourceGroupScope(PolicyDocument.of([PolicyStatement.allow(['cr:Pul*Image'])]), {
          strictActions: true,
        }),
      '[Statement[0].Action[0]] the wildcard matches no Container Registry action (value: "cr:Pul*Image"). Rule: with strictActions, a cr: wildcard must match at least one action of the Container Registry catalog. Fix: correct the pattern (e.g. "cr:Get*", "cr:List*"), list the actions you mean, or add "cr:Pul*Image" to acceptUnknownActions',
    ],
    [
      'an exclusion that supports resource groups',
      () =>
        splitForResourceGroupScope(SystemPolicy.CONTAINER_REGISTRY_FULL_ACCESS.document, {
          excludeFromAccountLevel: ['cr:GetRepository'],
        }),
      '[excludeFromAccountLevel[0]] the excluded action supports resource groups, so it never lands at account level (value: "cr:GetRepository"). Rule: only catalog actions without resource-group support can be excluded from the account-level policy. Fix: name one of the actions listed by CrCatalog.bundled().resourceGroupUnsupportedActions, spelled as there',
    ],
  ];

  test.each(cases)('%s', (_name, fn, message) => {
    expect(errorOf(fn).message).toBe(message);
  });

  test('an accepted unknown action is information and stays at resource-group scope', () => {
    const doc = PolicyDocument.of([PolicyStatement.allow(['cr:BrandNewAction'])]);
    const split = splitForResourceGroupScope(doc, { acceptUnknownActions: ['cr:BrandNewAction'] });
    expect(codes(split.diagnostics)).toEqual([DiagnosticCode.UNKNOWN_CR_ACTION_ACCEPTED]);
    expect(split.diagnostics[0].severity).toBe(Severity.INFO);
    expect(split.accountLevelDocument).toBeUndefined();
  });
});
