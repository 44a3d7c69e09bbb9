/**
 * Updates without an access gap: every attachment is replaced create-before-destroy, and no policy
 * ever moves from one attachment to another, which would make create-before-destroy attach a policy
 * that is already attached and then detach it with the old attachment.
 */
import {
  CrAccess,
  CrAccessGrant,
  CrAccessScope,
  Effect,
  PolicyDocument,
  PolicyStatement,
  RamPrincipal,
  splitBySize,
} from '../../src';
import { newStack, resources } from '../support/stack';
import { synth } from '../support/synth';

const ACCOUNT_ID = '1234567890123456';
/** The attachment resource types of the provider that this library emits (principal.ts, grant.ts). */
const ATTACHMENT_TYPES = [
  'alicloud_ram_group_policy_attachment',
  'alicloud_ram_role_policy_attachment',
  'alicloud_ram_user_policy_attachment',
  'alicloud_resource_manager_policy_attachment',
];

describe('updates without an access gap', () => {
  test('every attachment of every type is replaced create-before-destroy', () => {
    const stack = newStack();
    const principals = [
      RamPrincipal.user('alice'),
      RamPrincipal.group('readers'),
      RamPrincipal.role('builder'),
    ];
    for (const [i, principal] of principals.entries()) {
      new CrAccessGrant(stack, `Account${i}`, {
        principal,
        access: CrAccess.developer(),
        accountId: ACCOUNT_ID,
      });
      new CrAccessGrant(stack, `Rg${i}`, {
        principal,
        access: CrAccess.readOnly(),
        scope: CrAccessScope.resourceGroups(['rg-team1']),
        accountId: ACCOUNT_ID,
      });
    }
    const out = synth(stack);
    const emitted = Object.keys(out.resource).filter((type) => type.endsWith('_policy_attachment'));
    expect(emitted.sort()).toEqual(ATTACHMENT_TYPES);
    for (const type of emitted) {
      const attachments = Object.values(resources(out, type));
      expect(attachments.length).toBeGreaterThan(0);
      for (const a of attachments) expect(a.lifecycle).toEqual({ create_before_destroy: true });
    }
  });

  test('a size split that gains a part keeps every existing part at its attachment, under its name', () => {
    // NotResource lists cannot be cut, and each statement is over half the limit: one per policy.
    const statement = (action: string) =>
      new PolicyStatement({
        effect: Effect.DENY,
        actions: [action],
        notResources: Array.from(
          { length: 60 },
          (_, i) => `acs:cr:*:*:repository/cri-abcdefgh/team-a/service-${i}`,
        ),
      });
    const before = PolicyDocument.of([statement('cr:GetRepository'), statement('cr:ListRepository')]);
    const after = PolicyDocument.of([
      statement('cr:CancelArtifactDeleteUntaggedManifestTask'),
      statement('cr:GetRepository'),
      statement('cr:ListRepository'),
    ]);
    const partsBefore = splitBySize(before).map((d) => d.render());
    const partsAfter = splitBySize(after).map((d) => d.render());
    // The case under test: the old parts reappear among the new ones.
    expect(partsAfter).toEqual(expect.arrayContaining(partsBefore));

    const attached = (document: PolicyDocument) => {
      const stack = newStack();
      new CrAccessGrant(stack, 'G', {
        principal: RamPrincipal.role('builder'),
        access: CrAccess.custom(document, { name: 'builder' }),
        accountId: ACCOUNT_ID,
      });
      const out = synth(stack);
      const policyByRef = new Map(
        Object.entries(resources(out, 'alicloud_ram_policy')).map(([id, p]) => [
          `\${alicloud_ram_policy.${id}.policy_name}`,
          p.policy_name as string,
        ]),
      );
      return new Map(
        Object.entries(resources(out, 'alicloud_ram_role_policy_attachment')).map(([id, a]) => [
          id,
          policyByRef.get(a.policy_name)!,
        ]),
      );
    };
    const old = attached(before);
    const next = attached(after);
    expect(next.size).toBe(3);
    // Every attachment of before is there after, naming the same policy (the named split keeps its parts).
    for (const [address, name] of old) expect(next.get(address)).toBe(name);
    // A policy name attached under one address before is never attached under another one after.
    for (const [address, name] of next) {
      for (const [oldAddress, oldName] of old) {
        if (oldName === name) expect(oldAddress).toBe(address);
      }
    }
  });

  test('two grants attaching the same policy to one principal at one scope is an error naming both', () => {
    const stack = newStack();
    for (const [id, group] of [
      ['TeamA', 'rg-teama'],
      ['TeamB', 'rg-teamb'],
    ]) {
      new CrAccessGrant(stack, id, {
        principal: RamPrincipal.user('alice'),
        access: CrAccess.readOnly(),
        scope: CrAccessScope.resourceGroups([group]),
        accountId: ACCOUNT_ID,
      });
    }
    expect(() => synth(stack)).toThrow(
      /\[platform\/TeamB\] 2 grants attach the same policy to IMSUser alice \(grants: platform\/TeamA, platform\/TeamB\) \(value: "cr-platform-read-only-rgaccount at account scope"\)\. Rule: one RAM attachment is managed by one resource; with two, deleting or replacing either detaches the policy for both\. Fix: give one grant all the resource groups of this access, or drop the grant that repeats the other\n/,
    );
  });

  test('one grant with both resource groups has no duplicate', () => {
    const stack = newStack();
    new CrAccessGrant(stack, 'Teams', {
      principal: RamPrincipal.user('alice'),
      access: CrAccess.readOnly(),
      scope: CrAccessScope.resourceGroups(['rg-teama', 'rg-teamb']),
      accountId: ACCOUNT_ID,
    });
    expect(() => synth(stack)).not.toThrow();
  });
});
