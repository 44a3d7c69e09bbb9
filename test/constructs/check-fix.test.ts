/**
 * The stack check's fix mode never widens access silently: it warns about write-level actions it
 * grants account-wide exactly as CrAccessGrant does, takes the same account-level options, and the
 * report counts its attachments. A gap has one severity in the stack check and the CLI.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  checkResources,
  CrAccess,
  CrAccessCheck,
  CrAccessCheckMode,
  CrAccessGrant,
  CrAccessReport,
  CrAccessScope,
  CrAccessTeam,
  CrCatalog,
  DiagnosticCode,
  GRANT_GAP_SEVERITY,
  RamPrincipal,
  readSynthesized,
  Severity,
} from '../../src';
import { AnnotationMetadataEntryType, type TerraformStack } from '../../src/core-lib';
import * as alicloud from '../../src/generated/alicloud';
import { AccessLevel } from '../../src/policy';
import { cli } from '../cli/run';
import { newStack, policyActions, resources } from '../support/stack';
import { synth } from '../support/synth';

const catalog = CrCatalog.bundled();
const unsupported = catalog.resourceGroupUnsupportedActions;
const writes = unsupported.filter((a) => catalog.lookup(a)!.accessLevel === AccessLevel.WRITE);

/** A hand-written resource-group grant of AliyunContainerRegistryFullAccess to the user dev. */
function handWrittenFullAccess(stack: TerraformStack) {
  const user = new alicloud.ramUser.RamUser(stack, 'Dev', { name: 'dev' });
  return new alicloud.resourceManagerPolicyAttachment.ResourceManagerPolicyAttachment(stack, 'DevInTeamA', {
    policyName: 'AliyunContainerRegistryFullAccess',
    policyType: 'System',
    principalName: `${user.name}@1234567890123456.onaliyun.com`,
    principalType: 'IMSUser',
    resourceGroupId: 'rg-aek2teama',
  });
}

const messages = (c: { node: { metadata: { type: string; data: unknown }[] } }, type: string) =>
  c.node.metadata.filter((m) => m.type === type).map((m) => String(m.data));
const fixActions = (out: any) =>
  Object.values(resources(out, 'alicloud_ram_policy')).flatMap((p: any) => policyActions(p.policy_document));

describe('CrAccessCheck in fix mode', () => {
  test('fixing full access warns about the write actions moved to account level, exactly as CrAccessGrant does', () => {
    const stack = newStack();
    const attachment = handWrittenFullAccess(stack);
    CrAccessCheck.applyTo(stack, { mode: CrAccessCheckMode.FIX });
    const out = synth(stack);
    expect(fixActions(out)).toEqual(unsupported);
    const [warning] = messages(attachment, AnnotationMetadataEntryType.WARN);
    expect(warning).toMatch(new RegExp(`^${writes.length} write-level actions are granted at account level`));

    const other = newStack('other');
    const grant = new CrAccessGrant(other, 'G', {
      principal: RamPrincipal.user('dev'),
      access: CrAccess.fullAccess(),
      scope: CrAccessScope.resourceGroups(['rg-aek2teama']),
    });
    // The same engine diagnostic: only the grant's location inside its document differs.
    expect(messages(grant, AnnotationMetadataEntryType.WARN)).toEqual([`[Statement[0]] ${warning}`]);
    // The fix itself is still noted as information.
    expect(messages(attachment, AnnotationMetadataEntryType.INFO)).toEqual([
      expect.stringMatching(/^fixed: IMSUser dev is granted AliyunContainerRegistryFullAccess/),
    ]);
  });

  test('excludeWriteActionsFromAccountLevel: the fix adds the read actions only, without warning, and the stack checks clean with the same option', () => {
    const stack = newStack();
    const attachment = handWrittenFullAccess(stack);
    const aspect = CrAccessCheck.applyTo(stack, {
      mode: CrAccessCheckMode.FIX,
      excludeWriteActionsFromAccountLevel: true,
    });
    const out = synth(stack);
    const expected = unsupported.filter((a) => !writes.includes(a));
    expect(fixActions(out)).toEqual(expected);
    expect(aspect.findingsOf(stack)[0].missingActions).toEqual(expected);
    expect(messages(attachment, AnnotationMetadataEntryType.WARN)).toEqual([]);
    const read = readSynthesized(out, 'platform');
    expect(checkResources(read, { excludeWriteActionsFromAccountLevel: true }).findings).toEqual([]);
    // Without the option the writes are still missing: nothing was granted behind the user's back.
    expect(checkResources(read).findings[0].missingActions).toEqual(writes);
  });

  test('excludeFromAccountLevel leaves the named actions out of the fix', () => {
    const stack = newStack();
    handWrittenFullAccess(stack);
    CrAccessCheck.applyTo(stack, {
      mode: CrAccessCheckMode.FIX,
      excludeFromAccountLevel: ['cr:DeleteInstance'],
    });
    const actions = fixActions(synth(stack));
    expect(actions).toHaveLength(unsupported.length - 1);
    expect(actions).not.toContain('cr:DeleteInstance');
  });

  test('an exclusion that is not an action without resource-group support is an error with the path', () => {
    const stack = newStack();
    expect(() => CrAccessCheck.applyTo(stack, { excludeFromAccountLevel: ['cr:GetRepository'] })).toThrow(
      /^\[platform excludeFromAccountLevel\[0\]\] the excluded action supports resource groups/,
    );
  });

  test("the report counts the fix's attachments and names the fix", () => {
    const stack = newStack();
    handWrittenFullAccess(stack);
    new CrAccessGrant(stack, 'Reader', {
      principal: RamPrincipal.user('reader'),
      access: CrAccess.readOnly(),
    });
    CrAccessCheck.applyTo(stack, { mode: CrAccessCheckMode.FIX });
    const out = synth(stack);
    const report = CrAccessReport.of(stack);
    const made =
      Object.keys(resources(out, 'alicloud_ram_user_policy_attachment')).length +
      Object.keys(resources(out, 'alicloud_resource_manager_policy_attachment')).length -
      1; // the hand-written attachment is not the library's
    expect(made).toBe(2);
    expect(report.attachments).toBe(made);
    expect(report.fixes).toEqual([
      expect.objectContaining({
        principal: 'IMSUser dev',
        scope: 'account',
        movedToAccountLevel: unsupported,
      }),
    ]);
    const text = CrAccessReport.text(stack);
    expect(text.split('\n')[0]).toBe(
      'stack platform: 1 grants and 1 fixes, 1 custom policies, 2 policy attachments',
    );
    expect(text).toContain(`fixed by CrAccessCheck platform/CrAccessCheckFixes`);
  });
});

describe('one severity for a gap', () => {
  test('the default mode follows GRANT_GAP_SEVERITY (an error): synth fails', () => {
    expect(GRANT_GAP_SEVERITY).toBe(Severity.ERROR);
    expect(new CrAccessCheck().mode).toBe(CrAccessCheckMode.ERROR);
    const stack = newStack();
    handWrittenFullAccess(stack);
    CrAccessCheck.applyTo(stack);
    expect(() => (stack.node.root as any).synth()).toThrow(/\[platform\/DevInTeamA\] IMSUser dev is granted/);
  });

  test('the CLI reports the same gap with the same severity, and fails on it by default', async () => {
    const stack = newStack();
    handWrittenFullAccess(stack);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gap-'));
    try {
      const file = path.join(dir, 'cdk.tf.json');
      fs.writeFileSync(file, JSON.stringify(stack.toTerraform()));
      const run = await cli('check', file, '--format', 'json');
      expect(run.code).toBe(1);
      const findings = JSON.parse(run.stdout).findings;
      expect(findings.map((f: any) => [f.code, f.severity])).toEqual([
        [DiagnosticCode.CR_RG_GRANT_GAP, GRANT_GAP_SEVERITY],
      ]);
      expect(findings[0].missingActions).toEqual(unsupported);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

test("a duplicate group's fix names a group", () => {
  const stack = newStack();
  new alicloud.ramGroup.RamGroup(stack, 'Ops', { groupName: 'ops' });
  CrAccessTeam.readers(stack, 'Team', { groupName: 'ops', members: ['alice'] });
  expect(() => synth(stack)).toThrow(
    /2 constructs create the RAM user group ops .*Fix: create the RAM user group once and pass its name \(e\.g\. RamPrincipal\.group\(group\.groupName\)\)/,
  );
});
