/**
 * The resource placement grants exactly the intended access: for every catalog action of known
 * resource and every concrete request resource of it, the placed document grants the pair exactly
 * when the target means it (test/support/resource-evaluation.ts decides both without the engine's
 * placement). The resource-group split of the placed document keeps that: the resource-group part
 * for the actions with resource-group support plus the account-level part grant the same pairs.
 */
import * as fc from 'fast-check';
import {
  CrCatalog,
  PolicyDocument,
  PolicyStatement,
  placeOnTarget,
  type ResourceTargetData,
  splitForResourceGroupScope,
} from '../../src/policy';
import { developerDocument } from '../../src/constructs/presets';
import {
  concreteResources,
  evaluableActions,
  grants,
  INSTANCES,
  intended,
} from '../support/resource-evaluation';

const catalog = CrCatalog.bundled();
const unsupported = new Set(catalog.resourceGroupUnsupportedActions);
const actions = evaluableActions();
const resourcesOf = new Map(actions.map((a) => [a, concreteResources(a)]));

const target: fc.Arbitrary<ResourceTargetData> = fc
  .record({
    instanceId: fc.constantFrom(...INSTANCES),
    namespaceNames: fc.subarray(['n1', 'n2']),
    repositories: fc.subarray([
      { namespaceName: 'n1', repositoryName: 'r1' },
      { namespaceName: 'n2', repositoryName: 'r2' },
      { namespaceName: 'n1', repositoryName: 'r2' },
    ]),
  })
  .filter((t) => t.namespaceNames!.length + t.repositories!.length > 0);
const access = fc.oneof(
  fc.constant(developerDocument()),
  fc
    .subarray(actions, { minLength: 1, maxLength: 12 })
    .chain((named) =>
      fc
        .subarray(['cr:Get*', 'cr:List*', 'cr:Pull*', 'cr:*Repository*'], { maxLength: 2 })
        .map((wild) => PolicyDocument.of([PolicyStatement.allow([...named, ...wild])])),
    ),
);

/** The catalog actions the access grants, of known resources. */
function granted(document: PolicyDocument): string[] {
  return actions.filter((a) => grants(document, a, '*'));
}

describe('resource placement', () => {
  test('property: the placed access grants an (action, resource) pair exactly when the target means it, for every action of known resource', () => {
    fc.assert(
      fc.property(access, target, (document, t) => {
        const placed = placeOnTarget(document, t).document;
        for (const action of granted(document))
          for (const resource of resourcesOf.get(action)!)
            expect([action, resource, grants(placed, action, resource)]).toEqual([
              action,
              resource,
              intended(action, resource, t),
            ]);
      }),
      { numRuns: 25 },
    );
  });

  test('property: split at resource-group scope, the placed access still grants exactly the same pairs', () => {
    fc.assert(
      fc.property(access, target, (document, t) => {
        const placed = placeOnTarget(document, t).document;
        const split = splitForResourceGroupScope(placed, { acceptUnknownActions: [] });
        const account = split.accountLevelDocument;
        for (const action of granted(document))
          for (const resource of resourcesOf.get(action)!) {
            const viaGroup =
              !unsupported.has(action) && grants(split.resourceGroupDocument, action, resource);
            const viaAccount = account !== undefined && grants(account, action, resource);
            expect([action, resource, viaGroup || viaAccount]).toEqual([
              action,
              resource,
              grants(placed, action, resource),
            ]);
          }
      }),
      { numRuns: 15 },
    );
  });

  test('the issue example: pull, push, instance and account actions on one namespace land where each takes effect', () => {
    const document = PolicyDocument.of([
      PolicyStatement.allow(['cr:PullRepository', 'cr:PushRepository', 'cr:GetInstance', 'cr:ListInstance']),
    ]);
    const placed = placeOnTarget(document, { instanceId: 'cri-abc', namespaceNames: ['team-a'] });
    expect(placed.document.toJson()).toEqual({
      Version: '1',
      Statement: [
        { Effect: 'Allow', Action: ['cr:GetInstance'], Resource: ['acs:cr:*:*:instance/cri-abc'] },
        { Effect: 'Allow', Action: ['cr:ListInstance'], Resource: ['*'] },
        {
          Effect: 'Allow',
          Action: ['cr:PullRepository'],
          Resource: [
            'acs:cr:*:*:repository/cri-abc',
            'acs:cr:*:*:repository/cri-abc/team-a',
            'acs:cr:*:*:repository/cri-abc/team-a/*',
          ],
        },
        {
          Effect: 'Allow',
          Action: ['cr:PushRepository'],
          Resource: [
            'acs:cr:*:*:instance/cri-abc',
            'acs:cr:*:*:repository/cri-abc',
            'acs:cr:*:*:repository/cri-abc/team-a',
            'acs:cr:*:*:repository/cri-abc/team-a/*',
          ],
        },
      ],
    });
    expect(placed.diagnostics.map((d) => d.code)).toEqual(['ACTION_RESOURCE_TYPE_UNKNOWN']);
  });

  test('Deny statements, statements on specific Resources and other services stay as written', () => {
    const document = PolicyDocument.of([
      PolicyStatement.deny(['cr:DeleteRepository']),
      PolicyStatement.allow(['cr:GetRepository'], ['acs:cr:*:*:repository/cri-x/ns/app']),
      PolicyStatement.allow(['ecs:DescribeInstances']),
    ]);
    const placed = placeOnTarget(document, { instanceId: 'cri-abc', namespaceNames: ['team-a'] }).document;
    expect(placed.isSameAs(document)).toBe(true);
  });
});
