/**
 * The opt-in allowActionsBeyondContainerRegistry changes what is accepted, never what is granted: an
 * opted-in resource-group grant attaches the document as written and exactly the split's account-level
 * document; without it, a grant is refused exactly when an Allow statement reaches beyond `cr`.
 * Documents with a resource-level error (an action its Resources can never match, resource-check.ts)
 * are refused for that reason, whatever the opt-in, so they are left out here.
 */
import * as fc from 'fast-check';
import { planGrant } from '../../src/model';
import {
  checkResourceTypes,
  CrCatalog,
  grantsBeyondContainerRegistry,
  PolicyDocument,
  splitForResourceGroupScope,
} from '../../src/policy';
import { PolicyError } from '../../src/policy/diagnostic';

const names = CrCatalog.bundled().actionNames;
const action = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...names) },
  { weight: 1, arbitrary: fc.constantFrom('cr:Get*', 'cr:*', 'cr:List*') },
  { weight: 2, arbitrary: fc.constantFrom('ecs:DescribeInstances', 'ram:*', '*', 'c*:Get*', 'vpc:*') },
);
const statement = fc.record({
  Effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
  Action: fc.array(action, { minLength: 1, maxLength: 5 }),
  Resource: fc.constantFrom(['*'], ['acs:cr:*:*:repository/cri-1/*']),
});
const document = fc
  .array(statement, { minLength: 1, maxLength: 4 })
  .map((Statement) => PolicyDocument.fromObject({ Version: '1', Statement }))
  .filter((d) => checkResourceTypes(d).every((x) => x.severity !== 'error'));

const request = (d: PolicyDocument, allow: boolean) => ({
  principal: { principalType: 'IMSUser', principalName: 'alice' },
  preset: 'custom',
  document: d,
  isResourceGroupScope: true,
  resourceGroupIds: ['rg-a1'],
  acceptUnknownActions: [],
  allowActionsBeyondContainerRegistry: allow,
});

describe('the opt-in beyond Container Registry', () => {
  test('opted in: the resource-group document is the input and the account-level document is exactly the split one (nothing lost, nothing added)', () => {
    fc.assert(
      fc.property(document, (d) => {
        const plan = planGrant(request(d, true));
        const split = splitForResourceGroupScope(d, { acceptUnknownActions: [] });
        expect(plan.resourceGroupPolicies.map((p) => p.document.render()).join('')).toBe(d.render());
        expect(plan.accountLevelDocument?.render()).toBe(split.accountLevelDocument?.render());
      }),
      { numRuns: 150 },
    );
  });

  test('without it: a grant is refused exactly when an Allow reaches beyond cr', () => {
    fc.assert(
      fc.property(document, (d) => {
        let refused = false;
        try {
          planGrant(request(d, false));
        } catch (e) {
          if (!(e instanceof PolicyError)) throw e;
          refused = true;
        }
        expect(refused).toBe(grantsBeyondContainerRegistry(d));
      }),
      { numRuns: 150 },
    );
  });
});
