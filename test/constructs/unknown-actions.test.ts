/**
 * A user who copies Alibaba's documentation into CrAccessGrant is not blocked: documented actions
 * and Alibaba's own example policy (with `cr:ListSignature*`) synthesize at resource-group scope with
 * warnings at most; strictActions restores the errors; acceptUnknownActions silences the warning.
 */
import {
  CrAccess,
  CrAccessGrant,
  CrAccessScope,
  PolicyDocument,
  PolicyStatement,
  RamPrincipal,
} from '../../src';
import { AnnotationMetadataEntryType } from '../../src/core-lib';
import { CrCatalog } from '../../src/policy';
import actionsData from '../../src/policy/catalog/cr-actions.json';
import alibabaExample from '../fixtures/docs/attach-custom-policy-example.json';
import { newStack, policyActions, resources } from '../support/stack';
import { synth } from '../support/synth';

const catalog = CrCatalog.bundled();
const unsupported = new Set(catalog.resourceGroupUnsupportedActions);
const example = PolicyDocument.fromObject(alibabaExample.document);

function grant(
  document: PolicyDocument,
  options: { strictActions?: boolean; acceptUnknownActions?: string[] } = {},
) {
  const stack = newStack();
  const g = new CrAccessGrant(stack, 'Team', {
    principal: RamPrincipal.user('dev'),
    access: CrAccess.custom(document),
    scope: CrAccessScope.resourceGroups(['rg-team1']),
    accountId: '1234567890123456',
    ...options,
  });
  const warnings = () =>
    g.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN).map((m) => String(m.data));
  return { stack, grant: g, warnings };
}

describe('CrAccessGrant with documents from Alibaba documentation', () => {
  test("Alibaba's example custom policy synthesizes at resource-group scope; cr:ListSignature* is a warning with the construct path", () => {
    const { stack, warnings } = grant(example);
    const out = synth(stack);
    const passThrough = warnings().filter((w) => w.startsWith('UNKNOWN_CR_ACTION_PASSED_THROUGH:'));
    const si = example.statements.findIndex((s) => s.actions.includes('cr:ListSignature*'));
    const ai = example.statements[si].actions.indexOf('cr:ListSignature*');
    expect(passThrough).toHaveLength(1);
    expect(passThrough[0]).toContain(
      `[platform/Team Statement[${si}].Action[${ai}]] the wildcard matches no action in the Container Registry catalog, so it passes through at resource-group scope (value: "cr:ListSignature*")`,
    );
    const scoped = Object.values(resources(out, 'alicloud_resource_manager_policy_attachment'));
    expect(scoped.length).toBeGreaterThan(0);
    const accountLevel = Object.values(resources(out, 'alicloud_ram_policy'))
      .map((p: any) => p.policy_document as string)
      .filter((d) => !PolicyDocument.fromJson(d).isSameAs(example));
    const expected = [
      ...new Set(example.statements.flatMap((s) => s.actions.flatMap((p) => catalog.match(p)))),
    ].filter((a) => unsupported.has(a));
    expect([...new Set(accountLevel.flatMap(policyActions))].sort()).toEqual(expected.sort());
  });

  test('the documented artifact-subscription and scan-rule actions synthesize at resource-group scope without any warning', () => {
    const documented = actionsData.actions
      .filter((a) => a.apis.some((api) => /ArtifactSubscription|ScanRule/.test(api)))
      .map((a) => a.name);
    expect(documented.length).toBeGreaterThanOrEqual(9);
    const { stack, warnings } = grant(PolicyDocument.of([PolicyStatement.allow(documented)]));
    const out = synth(stack);
    expect(warnings()).toEqual([]);
    const policies = Object.values(resources(out, 'alicloud_ram_policy')).map((p: any) =>
      policyActions(p.policy_document),
    );
    const atAccountLevel = documented.filter((a) => unsupported.has(a));
    expect(policies).toHaveLength(atAccountLevel.length > 0 ? 2 : 1);
  });

  test('strictActions: true turns the unknown wildcard back into an error naming the construct path', () => {
    expect(() => grant(example, { strictActions: true })).toThrow(
      /\[platform\/Team Statement\[\d+\]\.Action\[\d+\]\] the wildcard matches no Container Registry action \(value: "cr:ListSignature\*"\)\. Rule: with strictActions/,
    );
  });

  test('acceptUnknownActions silences the warning (it becomes information, which is not printed)', () => {
    const { stack, warnings } = grant(example, { acceptUnknownActions: ['cr:ListSignature*'] });
    synth(stack);
    expect(warnings().filter((w) => w.startsWith('UNKNOWN_CR_ACTION'))).toEqual([]);
  });

  test('at account scope an unknown action is a warning too, not an error', () => {
    const stack = newStack();
    const g = new CrAccessGrant(stack, 'Team', {
      principal: RamPrincipal.user('dev'),
      access: CrAccess.custom(PolicyDocument.of([PolicyStatement.allow(['cr:GetSomethingBrandNew'])])),
    });
    synth(stack);
    const warnings = g.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN);
    expect(warnings.map((m) => String(m.data).split(':')[0])).toEqual(['UNKNOWN_CR_ACTION_PASSED_THROUGH']);
  });
});
