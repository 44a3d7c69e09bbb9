/**
 * The acceptance cases of the check, in each input form the CLI reads (cdk.tf.json, a cdktf.out folder,
 * a plan in JSON, a folder of .tf files): the fixtures of test/support/check-fixtures.ts, read by the
 * CLI's readers and checked by checkResources. Expected actions come from the catalog and seed 002.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readInput } from '../../src/cli/read';
import { checkResources } from '../../src/model/check';
import type { CheckFinding } from '../../src/model/finding';
import { CrCatalog, DiagnosticCode } from '../../src/policy';
import * as readOnlySeed from '../fixtures/seeds/002-readonly-account-level-example.json';
import { type Case, casePaths, synthCase } from '../support/check-fixtures';

const FORMS = ['cdktf', 'plan', 'tf'] as const;

async function findingsOf(p: string): Promise<CheckFinding[]> {
  const configs = await readInput(p);
  return configs.flatMap((c) => checkResources(c.resources).findings);
}

const unsupported = CrCatalog.bundled().resourceGroupUnsupportedActions;
const seedReadActions = [...readOnlySeed.Statement[0].Action].sort();

describe.each(FORMS)('check on the %s form', (form) => {
  const at = (c: Case) => casePaths(c)[form];

  test('a hand-written resource-group grant of cr:* with nothing at account level: a finding with every action resource groups ignore', async () => {
    const findings = await findingsOf(at('cr-all-gap'));
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f.code).toBe(DiagnosticCode.CR_RG_GRANT_GAP);
    expect(f.missingActions).toEqual(unsupported);
    expect(f.missingActions).toHaveLength(72);
    expect(JSON.parse(f.fixDocument!).Statement[0].Action).toEqual(unsupported);
    expect(f.resourceGroupId).toBe('rg-aek2teama');
  });

  test('the same grant with the account-level policy attached to the same user: no finding', async () => {
    expect(await findingsOf(at('cr-all-covered'))).toEqual([]);
  });

  test("AliyunContainerRegistryReadOnlyAccess at resource-group scope: a finding with seed 002's read actions", async () => {
    const findings = await findingsOf(at('readonly-system-rg'));
    expect(findings).toHaveLength(1);
    expect(findings[0].code).toBe(DiagnosticCode.CR_RG_GRANT_GAP);
    expect(findings[0].policyName).toBe('AliyunContainerRegistryReadOnlyAccess');
    expect(findings[0].missingActions).toEqual(seedReadActions);
    expect(findings[0].missingActions).toHaveLength(37);
  });

  test("grants made only with this library's constructs: no finding", async () => {
    const configs = await readInput(at('constructs-only'));
    const report = checkResources(configs[0].resources);
    expect(report.attachmentsChecked).toBeGreaterThanOrEqual(4);
    expect(report.findings).toEqual([]);
  });
});

test('a cdktf.out folder synthesized in the test: every case, read through the manifest', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-out-'));
  try {
    synthCase('cr-all-gap', dir);
    const [config, ...others] = await readInput(dir);
    expect(others).toEqual([]);
    expect(config.source).toBe(path.join(dir, 'stacks', 'registry-access', 'cdk.tf.json'));
    const { findings } = checkResources(config.resources);
    expect(findings.map((f) => f.missingActions)).toEqual([unsupported]);
    expect(findings[0].location.constructPath).toBe('registry-access/DevCrAll');
    // A stack's own folder holds its cdk.tf.json.
    const [stackFolder] = await readInput(path.dirname(config.source));
    expect([stackFolder.form, stackFolder.resources]).toEqual(['cdk.tf.json', config.resources]);
    synthCase('constructs-only', dir);
    expect(checkResources((await readInput(dir))[0].resources).findings).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('findings point at the attachment: the line of its key in cdk.tf.json, of its block in main.tf; the plan has no lines', async () => {
  const lineOf = (file: string, needle: string) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(needle)) + 1;
  const p = casePaths('cr-all-gap');
  const [cdktf] = await findingsOf(p.cdktf);
  expect(cdktf.location).toEqual({
    file: p.cdktf,
    line: lineOf(p.cdktf, '"DevCrAll": {'),
    constructPath: 'registry-access/DevCrAll',
  });
  const [tf] = await findingsOf(p.tf);
  const mainTf = path.join(p.tf, 'main.tf');
  expect(tf.location).toEqual({
    file: mainTf,
    line: lineOf(mainTf, 'resource "alicloud_resource_manager_policy_attachment" "dev_cr_all"'),
  });
  const [plan] = await findingsOf(p.plan);
  expect(plan.location).toEqual({ file: p.plan });
});

test('the hand-written cr:* grant inside a local module of a .tf folder: found, under its module address', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-module-'));
  try {
    const source = path.relative(dir, casePaths('cr-all-gap').tf).split(path.sep).join('/');
    fs.writeFileSync(path.join(dir, 'main.tf'), `module "team_a" {\n  source = "./${source}"\n}\n`);
    const findings = await findingsOf(dir);
    expect(findings.map((f) => [f.attachment, f.missingActions])).toEqual([
      ['module.team_a.alicloud_resource_manager_policy_attachment.dev_cr_all', unsupported],
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
