/**
 * Issue 23's acceptance: changing an access is an in-place policy update. Each scenario synthesizes a
 * stack before and after a change and classifies the difference as `terraform plan` would
 * (test/compat/plan.ts, with schema/force-new.json). Builds run in fresh module registries, so the
 * engine's caches and a test-only catalog override cannot leak between the two sides.
 */
import { type PlannedChange, planChanges } from '../compat/plan';

type Src = typeof import('../../src');
type Core = typeof import('../../src/core-lib');

function fresh<T>(build: (src: Src, core: Core) => T, prepare?: (src: Src) => void): T {
  let out: T;
  jest.isolateModules(() => {
    const src = require('../../src') as Src;
    const core = require('../../src/core-lib') as Core;
    prepare?.(src);
    out = build(src, core);
  });
  return out!;
}

function synthOf(src: Src, core: Core, fill: (stack: InstanceType<Core['TerraformStack']>) => void): any {
  const stack = new core.TerraformStack(core.Testing.app(), 'platform');
  const alicloud = require('../../src/generated/alicloud') as typeof import('../../src/generated/alicloud');
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  fill(stack);
  void src;
  return JSON.parse(core.Testing.synth(stack, true));
}

const ofType = (changes: PlannedChange[], suffix: string) =>
  changes.filter((c) => c.address.startsWith(suffix));
const attachments = (changes: PlannedChange[]) =>
  changes.filter((c) => /^alicloud_\w*policy_attachment\./.test(c.address));
const policies = (changes: PlannedChange[]) => ofType(changes, 'alicloud_ram_policy.');
const count = (changes: PlannedChange[], action: string) => changes.filter((c) => c.action === action).length;

describe('stable identities (issue 23)', () => {
  test('200 users sharing one named custom access at resource-group scope, +1 action: 0 attachments change, 0 policies created or destroyed, at most 2 updated in place', () => {
    const build = (actions: string[]) =>
      fresh((src, core) =>
        synthOf(src, core, (stack) => {
          const access = src.CrAccess.custom(src.PolicyDocument.of([src.PolicyStatement.allow(actions)]), {
            name: 'ci',
          });
          for (let i = 0; i < 200; i++) {
            new src.CrAccessGrant(stack, `U${i}`, {
              principal: src.RamPrincipal.user(`user-${i}`),
              access,
              scope: src.CrAccessScope.resourceGroups(['rg-team1']),
              accountId: '1234567890123456',
            });
          }
        }),
      );
    const before = build(['cr:GetRepositoryTag', 'cr:PullRepository']);
    const changes = planChanges(
      before,
      build(['cr:GetRepositoryTag', 'cr:PullRepository', 'cr:PushRepository']),
    );
    expect(attachments(changes)).toEqual([]);
    expect(count(policies(changes), 'create') + count(policies(changes), 'destroy')).toBe(0);
    expect(count(changes, 'replace')).toBe(0);
    const updated = policies(changes).filter((c) => c.action === 'update');
    expect(updated.length).toBeGreaterThan(0);
    expect(updated.length).toBeLessThanOrEqual(2);
    expect(updated.every((c) => c.attributes.join() === 'policy_document')).toBe(true);
  });

  test('a preset whose lists change (a test-only catalog override): 0 replacements for 200 holders of each preset', () => {
    const build = (override: boolean) =>
      fresh(
        (src, core) =>
          synthOf(src, core, (stack) => {
            for (let i = 0; i < 200; i++) {
              const common = { resourceGroupIds: ['rg-team1'], accountId: '1234567890123456' };
              new src.CrReadOnlyUser(stack, `R${i}`, { userName: `reader-${i}`, ...common });
              new src.ResourceGroupScopedCrDeveloper(stack, `D${i}`, { userName: `dev-${i}`, ...common });
            }
          }),
        (src) => {
          if (!override) return;
          // cr:GetRepository loses resource-group support: both presets' account-level parts grow.
          const shipped = src.CrCatalog.bundled();
          const entries = shipped.actionNames.map((n) => shipped.lookup(n)!);
          const changed = entries.map((e) =>
            e.name === 'cr:GetRepository' ? { ...e, supportsResourceGroup: false } : e,
          );
          jest.spyOn(src.CrCatalog, 'bundled').mockReturnValue(src.CrCatalog.fromActions(changed));
        },
      );
    const changes = planChanges(build(false), build(true));
    expect(count(changes, 'replace') + count(changes, 'destroy') + count(changes, 'create')).toBe(0);
    expect(policies(changes).map((c) => [c.address.replace(/_[0-9A-F]{8}$/, ''), c.action])).toEqual([
      ['alicloud_ram_policy.CrAccessPolicies_cr-platform-developer-rgaccount', 'update'],
      ['alicloud_ram_policy.CrAccessPolicies_cr-platform-read-only-rgaccount', 'update'],
    ]);
  });

  test('a named custom access of 400 repository ARNs grown to 401: every policy name kept, at most one policy added', () => {
    const arn = (i: number) => `acs:cr:*:*:repository/cri-1/ns/r${i}-`.padEnd(80, 'x');
    const build = (n: number) =>
      fresh((src, core) =>
        synthOf(src, core, (stack) => {
          const arns = Array.from({ length: n }, (_, i) => arn(i * 7));
          const document = src.PolicyDocument.of([
            src.PolicyStatement.allow(
              ['cr:GetRepositoryTag', 'cr:PullRepository', 'cr:PushRepository'],
              arns,
            ),
          ]);
          new src.CrAccessGrant(stack, 'Puller', {
            principal: src.RamPrincipal.user('ci-puller'),
            access: src.CrAccess.custom(document, { name: 'ci-puller' }),
            scope: src.CrAccessScope.resourceGroups(['rg-team1']),
            accountId: '1234567890123456',
          });
        }),
      );
    const before = build(400);
    const names = (out: any) =>
      Object.values<any>(out.resource.alicloud_ram_policy).map((p) => p.policy_name as string);
    for (const grown of [401, 450]) {
      const after = build(grown);
      const changes = planChanges(before, after);
      expect(names(after)).toEqual(expect.arrayContaining(names(before)));
      expect(count(changes, 'replace') + count(changes, 'destroy')).toBe(0);
      expect(count(policies(changes), 'create')).toBeLessThanOrEqual(grown === 401 ? 1 : 2);
      if (grown === 401) {
        // One name more: one part of each of the two documents (resource-group, account-level) changes.
        expect(count(policies(changes), 'update')).toBeLessThanOrEqual(2);
        expect(attachments(changes).filter((c) => c.action !== 'create')).toEqual([]);
      }
    }
  });
});
