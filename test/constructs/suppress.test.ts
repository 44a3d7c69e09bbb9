/**
 * Accepted findings in a stack: CrAccessCheck.suppress(construct, code, { reason, until? }) accepts a
 * finding code for the construct and its children, with the model's rules (src/model/accepted.ts).
 */
import { Construct } from 'constructs';
import { CrAccessCheck, CrAccessCheckMode, DiagnosticCode } from '../../src';
import type { PolicyError } from '../../src/policy/diagnostic';
import { AnnotationMetadataEntryType, type TerraformStack } from '../../src/core-lib';
import * as alicloud from '../../src/generated/alicloud';
import { newStack, resources } from '../support/stack';
import { synth } from '../support/synth';

/** A hand-written resource-group grant of the read-only system policy (a 37-action gap), under `scope`. */
function handWrittenReadOnly(stack: TerraformStack, scope: Construct, id = 'DevInTeamA') {
  const user = new alicloud.ramUser.RamUser(stack, `${id}User`, { name: id.toLowerCase() });
  return new alicloud.resourceManagerPolicyAttachment.ResourceManagerPolicyAttachment(scope, id, {
    policyName: 'AliyunContainerRegistryReadOnlyAccess',
    policyType: 'System',
    principalName: `${user.name}@1234567890123456.onaliyun.com`,
    principalType: 'IMSUser',
    resourceGroupId: 'rg-aek2teama',
  });
}

type Annotated = { node: { metadata: { type: string; data: unknown }[] } };
const messages = (c: Annotated, type: string) =>
  c.node.metadata.filter((m) => m.type === type).map((m) => String(m.data));

function checked(build: (stack: TerraformStack) => Annotated, mode = CrAccessCheckMode.ERROR) {
  const stack = newStack();
  const target = build(stack);
  const check = CrAccessCheck.applyTo(stack, { mode });
  const out = synth(stack);
  return { stack, target, check, out };
}

describe('CrAccessCheck.suppress', () => {
  test('a suppressed gap is an information annotation with the reason, and the finding says it is accepted', () => {
    const { stack, target, check } = checked((s) => {
      const legacy = new Construct(s, 'Legacy');
      CrAccessCheck.suppress(legacy, 'CR_RG_GRANT_GAP', { reason: 'replaced by CrAccessTeam in Q1' });
      return handWrittenReadOnly(s, legacy);
    });
    expect(messages(target, AnnotationMetadataEntryType.ERROR)).toEqual([]);
    const [info] = messages(target, AnnotationMetadataEntryType.INFO);
    expect(info).toContain('CR_RG_GRANT_GAP accepted by platform/Legacy: "replaced by CrAccessTeam in Q1"');
    const [finding] = check.findingsOf(stack);
    expect(finding.accepted).toEqual({
      kind: 'construct',
      reason: 'replaced by CrAccessTeam in Q1',
      source: 'platform/Legacy',
    });
  });

  test('without a suppression, or with one of another code, the same gap is an error', () => {
    for (const code of [undefined, 'CR_RG_GRANT_UNCHECKED']) {
      const { target } = checked((s) => {
        const legacy = new Construct(s, 'Legacy');
        if (code !== undefined) CrAccessCheck.suppress(legacy, code, { reason: 'not this one' });
        return handWrittenReadOnly(s, legacy);
      });
      expect(messages(target, AnnotationMetadataEntryType.ERROR)).toHaveLength(1);
    }
  });

  test('a suppression covers the construct and its children only, not its siblings', () => {
    const stack = newStack();
    const legacy = new Construct(stack, 'Legacy');
    const other = new Construct(stack, 'Other');
    const inner = handWrittenReadOnly(stack, new Construct(legacy, 'Nested'), 'Inner');
    const sibling = handWrittenReadOnly(stack, other, 'Sibling');
    CrAccessCheck.suppress(legacy, 'CR_RG_GRANT_GAP', { reason: 'accepted for the legacy tree' });
    CrAccessCheck.applyTo(stack);
    synth(stack);
    expect(messages(inner, AnnotationMetadataEntryType.ERROR)).toEqual([]);
    expect(messages(sibling, AnnotationMetadataEntryType.ERROR)).toHaveLength(1);
  });

  test('past its last day the gap is an error again, and the message says the suppression expired', () => {
    const { target } = checked((s) => {
      CrAccessCheck.suppress(s, 'CR_RG_GRANT_GAP', { reason: 'until the migration', until: '2020-01-31' });
      return handWrittenReadOnly(s, s);
    });
    const [error] = messages(target, AnnotationMetadataEntryType.ERROR);
    expect(error).toContain('accepted it until 2020-01-31, and has expired: "until the migration"');
  });

  test('a suppression within its dates applies on its last day', () => {
    const { target } = checked((s) => {
      CrAccessCheck.suppress(s, 'CR_RG_GRANT_GAP', { reason: 'for now', until: '2999-12-31' });
      return handWrittenReadOnly(s, s);
    });
    expect(messages(target, AnnotationMetadataEntryType.ERROR)).toEqual([]);
    expect(messages(target, AnnotationMetadataEntryType.INFO)[0]).toContain('until 2999-12-31');
  });

  test('fix mode does not fix an accepted gap', () => {
    const { out } = checked((s) => {
      CrAccessCheck.suppress(s, 'CR_RG_GRANT_GAP', { reason: 'granted at account level elsewhere' });
      return handWrittenReadOnly(s, s);
    }, CrAccessCheckMode.FIX);
    expect(Object.keys(resources(out, 'alicloud_ram_policy'))).toEqual([]);
  });

  test.each([
    ['', { reason: 'x' }, 'is not a finding code'],
    ['CR_RG_GRANT_GAP', { reason: '' }, 'a reason is required'],
    ['CR_RG_GRANT_GAP', { reason: 'x', until: '2027-02-30' }, 'is not a date'],
  ])(
    'an invalid suppression (%s, %j) is INVALID_SUPPRESSION with the construct path',
    (code, options, why) => {
      const stack = newStack();
      const legacy = new Construct(stack, 'Legacy');
      expect(() => CrAccessCheck.suppress(legacy, code, options)).toThrow(/platform\/Legacy/);
      expect(() => CrAccessCheck.suppress(legacy, code, options)).toThrow(why);
      const error = (() => {
        try {
          CrAccessCheck.suppress(legacy, code, options);
        } catch (e) {
          return e as PolicyError;
        }
        throw new Error('no error');
      })();
      expect(error.diagnostics.map((d) => d.code)).toEqual([DiagnosticCode.INVALID_SUPPRESSION]);
    },
  );
});
