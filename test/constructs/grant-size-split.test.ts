import {
  CrAccess,
  CrAccessGrant,
  CrAccessScope,
  POLICY_DOCUMENT_MAX_LENGTH,
  PolicyDocument,
  PolicyStatement,
  RamPrincipal,
  splitBySize,
  splitForResourceGroupScope,
} from '../../src';
import { AnnotationMetadataEntryType } from '../../src/core-lib';
import { STABLE_PARTS_FACTOR } from '../../src/policy/size-split';
import { newStack, resources } from '../support/stack';
import { synth } from '../support/synth';

const infos = (grant: CrAccessGrant) =>
  grant.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.INFO).map((m) => String(m.data));

describe('CrAccessGrant over the policy size limit', () => {
  test('issue 14: 400 repository names for one user become stable parts, at least as many policies as each document length needs and within the bound of size-split.ts rule 5, and each split is an information annotation naming the count', () => {
    const stack = newStack();
    // Pull and push, plus one action (cr:GetRepositoryTag) that resource groups ignore, so there is
    // a scoped document and an account-level one, each about 33,000 characters.
    const names = Array.from({ length: 400 }, (_, i) =>
      `acs:cr:*:*:repository/cri-1/ns/r${i}-`.padEnd(80, 'x'),
    );
    const document = PolicyDocument.of([
      PolicyStatement.allow(['cr:GetRepositoryTag', 'cr:PullRepository', 'cr:PushRepository'], names),
    ]);
    const grant = new CrAccessGrant(stack, 'Puller', {
      principal: RamPrincipal.user('ci-puller'),
      access: CrAccess.custom(document, { name: 'ci-puller' }),
      scope: CrAccessScope.resourceGroups(['rg-team1']),
      accountId: '1234567890123456',
    });
    const out = synth(stack);
    const split = splitForResourceGroupScope(document);
    const least = (d: PolicyDocument) => Math.ceil(d.render().length / POLICY_DOCUMENT_MAX_LENGTH);
    // Stable parts (size-split.ts rule 4): at least the minimum, within rule 5's bound.
    const parts = (d: PolicyDocument) => splitBySize(d).length;
    const scoped = parts(split.resourceGroupDocument);
    const account = parts(split.accountLevelDocument!);
    for (const d of [split.resourceGroupDocument, split.accountLevelDocument!]) {
      expect(parts(d)).toBeGreaterThanOrEqual(least(d));
      expect(parts(d)).toBeLessThanOrEqual(STABLE_PARTS_FACTOR * least(d) + 1);
    }
    expect(Object.keys(resources(out, 'alicloud_ram_policy'))).toHaveLength(scoped + account);
    expect(Object.keys(resources(out, 'alicloud_resource_manager_policy_attachment'))).toHaveLength(scoped);
    expect(Object.keys(resources(out, 'alicloud_ram_user_policy_attachment'))).toHaveLength(account);
    const message = (what: string, parts: number, d: PolicyDocument) =>
      `${what} is over the policy size limit, so it becomes ${parts} policies, each attached where the one would be (value: ${d.render().length} characters, limit ${POLICY_DOCUMENT_MAX_LENGTH}). Rule: `;
    expect(infos(grant).map((m) => m.slice(0, m.indexOf('Rule: ') + 6))).toEqual([
      message('the resource-group document', scoped, split.resourceGroupDocument),
      message('the account-level document', account, split.accountLevelDocument!),
    ]);
  });

  test('a grant whose documents fit has no size annotation', () => {
    const stack = newStack();
    const grant = new CrAccessGrant(stack, 'Admins', {
      principal: RamPrincipal.group('registry-admins'),
      access: CrAccess.fullAccess(),
      scope: CrAccessScope.resourceGroups(['rg-team1']),
      accountId: '1234567890123456',
    });
    synth(stack);
    expect(infos(grant)).toEqual([]);
  });
});
