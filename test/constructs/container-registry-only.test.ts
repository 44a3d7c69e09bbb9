/**
 * Grants stay inside Container Registry (src/policy/container-registry-only.ts), through every
 * construct that grants: without the opt-in an access beyond it throws with the construct path; with
 * it, the grant is made as written and warned about.
 */
import {
  CrAccess,
  CrAccessGrant,
  CrAccessScope,
  CrAccessTeam,
  CrReadOnlyUser,
  DiagnosticCode,
  PolicyDocument,
  PolicyStatement,
  RamPrincipal,
  ResourceGroupScopedCrDeveloper,
} from '../../src';
import { AnnotationMetadataEntryType } from '../../src/core-lib';
import { PolicyError } from '../../src/policy/diagnostic';
import { newStack, policyActions, resources } from '../support/stack';
import { synth } from '../support/synth';

const user = RamPrincipal.user('alice');
const custom = (...statements: PolicyStatement[]) => CrAccess.custom(PolicyDocument.of(statements));
const rg = CrAccessScope.resourceGroups(['rg-a1']);
const codesOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (e) {
    if (e instanceof PolicyError) return e.diagnostics.map((d) => d.code);
    throw e;
  }
  return [];
};
const warnings = (c: { node: { metadata: { type: string; data: unknown }[] } }) =>
  c.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN).map((m) => String(m.data));

describe('a grant beyond Container Registry', () => {
  test('NotAction cr:Delete* at account scope is an error with the construct path and the opt-in', () => {
    const stack = newStack();
    expect(
      () =>
        new CrAccessGrant(stack, 'G', {
          principal: user,
          access: custom(new PolicyStatement({ notActions: ['cr:Delete*'] })),
        }),
    ).toThrow(
      /^\[platform\/G Statement\[0\]\.NotAction\] an Allow statement with NotAction grants every action it does not list, of every service \(value: \["cr:Delete\*"\]\)\. Rule: .*ram:\*.*Fix: .*allowActionsBeyondContainerRegistry: true/,
    );
  });

  test.each(['ram:*', '*'])(
    '%s in a custom access is an error at account and resource-group scope',
    (pattern) => {
      for (const scope of [CrAccessScope.account(), rg]) {
        const stack = newStack();
        const access = custom(PolicyStatement.allow(['cr:GetRepository', pattern]));
        expect(codesOf(() => new CrAccessGrant(stack, 'G', { principal: user, access, scope }))).toEqual([
          DiagnosticCode.ACTION_OUTSIDE_CONTAINER_REGISTRY,
        ]);
      }
    },
  );

  test('every error of the access is reported at once (outside actions and a NotAction at resource-group scope)', () => {
    const stack = newStack();
    const access = custom(
      PolicyStatement.allow(['ram:*']),
      new PolicyStatement({ notActions: ['cr:Delete*'] }),
    );
    expect(codesOf(() => new CrAccessGrant(stack, 'G', { principal: user, access, scope: rg }))).toEqual([
      DiagnosticCode.ACTION_OUTSIDE_CONTAINER_REGISTRY,
      DiagnosticCode.NOT_ACTION_AT_RESOURCE_GROUP_SCOPE,
    ]);
  });

  test('with the opt-in the grant is made as written, with a warning', () => {
    const stack = newStack();
    const g = new CrAccessGrant(stack, 'G', {
      principal: user,
      access: custom(PolicyStatement.allow(['cr:GetRepository', 'ecs:DescribeInstances'])),
      allowActionsBeyondContainerRegistry: true,
    });
    const out = synth(stack);
    const [policy] = Object.values(resources(out, 'alicloud_ram_policy'));
    expect(policyActions(policy.policy_document)).toEqual(['cr:GetRepository', 'ecs:DescribeInstances']);
    expect(warnings(g)).toEqual([
      expect.stringMatching(/^\[Statement\[0\]\.Action\[1\]\] the action belongs to another service/),
    ]);
  });

  test('the opt-in is part of the plan: the same access without it still fails after a grant with it', () => {
    const stack = newStack();
    const access = custom(PolicyStatement.allow(['ram:ListUsers']));
    new CrAccessGrant(stack, 'With', { principal: user, access, allowActionsBeyondContainerRegistry: true });
    expect(
      codesOf(() => new CrAccessGrant(stack, 'Without', { principal: RamPrincipal.user('bob'), access })),
    ).toEqual([DiagnosticCode.ACTION_OUTSIDE_CONTAINER_REGISTRY]);
  });

  test('a team takes the opt-in through its options', () => {
    const stack = newStack();
    const access = custom(PolicyStatement.allow(['cr:GetRepository', 'oss:GetObject']));
    expect(
      codesOf(() => new CrAccessTeam(stack, 'T', { groupName: 'ops', members: ['alice'], access })),
    ).toEqual([DiagnosticCode.ACTION_OUTSIDE_CONTAINER_REGISTRY]);
    const team = new CrAccessTeam(stack, 'T2', {
      groupName: 'ops2',
      members: ['alice'],
      access,
      allowActionsBeyondContainerRegistry: true,
    });
    expect(warnings(team.grant).length).toBe(1);
  });

  test('a Deny-only access is a warning', () => {
    const stack = newStack();
    const g = new CrAccessGrant(stack, 'G', {
      principal: user,
      access: custom(PolicyStatement.deny(['ram:*'])),
    });
    expect(warnings(g)).toEqual([
      expect.stringContaining('the access has only Deny statements, so the grant allows nothing'),
    ]);
  });

  test('the presets pass without opt-in, at both scopes, with no warning of this rule', () => {
    const stack = newStack();
    const made = [
      new CrAccessGrant(stack, 'Full', { principal: user, access: CrAccess.fullAccess() }),
      new CrAccessGrant(stack, 'FullRg', {
        principal: RamPrincipal.user('f'),
        access: CrAccess.fullAccess(),
        scope: rg,
      }),
      new CrReadOnlyUser(stack, 'Reader', { userName: 'reader', resourceGroupIds: ['rg-a1'] }).grant,
      new ResourceGroupScopedCrDeveloper(stack, 'Dev', { userName: 'dev', resourceGroupIds: ['rg-a1'] })
        .grant,
      CrAccessTeam.developers(stack, 'Devs', { groupName: 'devs', members: ['dev'] }).grant,
    ];
    synth(stack);
    for (const g of made) {
      expect(g.plan.diagnostics.map((d) => d.code)).not.toEqual(
        expect.arrayContaining([
          DiagnosticCode.ACTION_OUTSIDE_CONTAINER_REGISTRY,
          DiagnosticCode.ALLOW_WITH_NOT_ACTION,
        ]),
      );
    }
  });
});
