/**
 * The command line in process: exit statuses, the three output formats, and one-line errors for bad
 * input (never a stack trace).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ExitCode } from '../../src/cli/main';
import { CrCatalog, DiagnosticCode, PolicyDocument, splitForResourceGroupScope } from '../../src/policy';
import { casePaths } from '../support/check-fixtures';
import { cli } from './run';

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(tmp, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

const gap = casePaths('cr-all-gap');
const covered = casePaths('cr-all-covered');
const unsupported = CrCatalog.bundled().resourceGroupUnsupportedActions;

/** A resource-group grant of a policy the configuration does not define: an information finding. */
function uncheckedTf(): string {
  return path.dirname(
    write(
      'unchecked/main.tf',
      [
        'variable "policy" {}',
        'resource "alicloud_resource_manager_policy_attachment" "x" {',
        '  policy_name       = var.policy',
        '  policy_type       = "Custom"',
        '  principal_name    = "dev@1234567890123456.onaliyun.com"',
        '  principal_type    = "IMSUser"',
        '  resource_group_id = "rg-1"',
        '}',
        '',
      ].join('\n'),
    ),
  );
}

describe('exit status', () => {
  test('0 when nothing is found, 1 when a grant is incomplete, whatever the form', async () => {
    for (const form of ['cdktf', 'plan', 'tf'] as const) {
      expect((await cli('check', covered[form])).code).toBe(ExitCode.OK);
      expect((await cli('check', gap[form])).code).toBe(ExitCode.FINDINGS);
    }
  });

  test('--fail-on sets the threshold: an information finding fails only --fail-on info', async () => {
    const dir = uncheckedTf();
    const json = JSON.parse((await cli('check', dir, '--format', 'json')).stdout);
    expect(json.findings.map((f: { code: string; severity: string }) => [f.code, f.severity])).toEqual([
      [DiagnosticCode.CR_RG_GRANT_UNCHECKED, 'info'],
    ]);
    expect((await cli('check', dir)).code).toBe(ExitCode.OK);
    expect((await cli('check', dir, '--fail-on', 'warning')).code).toBe(ExitCode.OK);
    expect((await cli('check', dir, '--fail-on=info')).code).toBe(ExitCode.FINDINGS);
    expect((await cli('check', gap.tf, '--fail-on', 'error')).code).toBe(ExitCode.FINDINGS);
  });

  test('several paths are checked each on its own, and reported together', async () => {
    const r = await cli('check', gap.cdktf, covered.plan, gap.tf, '--format', 'json');
    const json = JSON.parse(r.stdout);
    expect(json.inputs.map((i: { form: string }) => i.form)).toEqual([
      'cdk.tf.json',
      'plan JSON',
      '.tf files',
    ]);
    expect(json.findings.map((f: { location: { file: string } }) => f.location.file)).toEqual([
      gap.cdktf,
      path.join(gap.tf, 'main.tf'),
    ]);
    expect(r.code).toBe(ExitCode.FINDINGS);
  });

  const bad: [string, () => string[], RegExp][] = [
    [
      'a missing file',
      () => ['check', path.join(tmp, 'nope.json')],
      /nope\.json: no such file or directory$/,
    ],
    ['invalid JSON', () => ['check', write('bad.json', '{"resource": ')], /bad\.json: invalid JSON \(/],
    [
      'JSON of an unknown form',
      () => ['check', write('other.json', '{"hello": 1}')],
      /other\.json: unknown input: neither a Terraform plan in JSON/,
    ],
    [
      'a plan of an unsupported format version',
      () => ['check', write('plan2.json', '{"format_version": "2.0", "planned_values": {}}')],
      /plan2\.json: unsupported plan format_version "2\.0"/,
    ],
    [
      'invalid HCL',
      () => ['check', write('badhcl/main.tf', 'resource "x" "y" {\n')],
      /main\.tf: invalid HCL \(/,
    ],
    ['an empty folder', () => ['check', fs.mkdtempSync(path.join(tmp, 'empty-'))], /found no \.tf files/],
    ['an unknown option', () => ['check', gap.tf, '--strict'], /--strict: unknown option for check/],
    ['an unknown format', () => ['check', gap.tf, '--format', 'xml'], /--format: unknown format "xml"/],
    [
      'an unknown threshold',
      () => ['check', gap.tf, '--fail-on', 'fatal'],
      /--fail-on: unknown threshold "fatal"/,
    ],
    ['an unknown command', () => ['lint', gap.tf], /lint: unknown command/],
    ['no path', () => ['check'], /check: no path given/],
    ['an invalid policy to explain', () => ['explain', write('p.json', '{"Version":"1"}')], /p\.json: \[/],
  ];
  test.each(bad)('2 for %s, with one line naming it and no stack trace', async (_what, argv, message) => {
    const r = await cli(...argv());
    expect(r.code).toBe(ExitCode.USAGE_OR_INPUT);
    expect(r.stdout).toBe('');
    expect(r.stderr.endsWith('\n')).toBe(true);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^cdktf-alicloud-cr-access: /);
    expect(r.stderr.trimEnd()).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('--help prints the usage and exits 0; no arguments prints it and exits 2', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(ExitCode.OK);
    expect(help.stdout).toMatch(/^Usage: cdktf-alicloud-cr-access check <path>/);
    expect((await cli()).code).toBe(ExitCode.USAGE_OR_INPUT);
  });
});

describe('output formats', () => {
  test('table: a row per finding, then the finding in full, then a summary', async () => {
    const { stdout } = await cli('check', gap.tf);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(
      `Read 1 resource-group attachment among 4 resources in ${gap.tf} (.tf files): 1 checked, 0 outside Container Registry, 0 not checked.`,
    );
    expect(lines[2]).toMatch(/^SEVERITY +CODE +WHERE +ATTACHMENT +MISSING$/);
    expect(lines[3]).toMatch(
      new RegExp(
        `^error +CR_RG_GRANT_GAP +${path.join(gap.tf, 'main.tf')}:\\d+ +alicloud_resource_manager_policy_attachment\\.dev_cr_all +${unsupported.length}$`,
      ),
    );
    expect(stdout).toContain(`missing actions (${unsupported.length}):`);
    for (const a of unsupported) expect(stdout).toContain(a);
    expect(lines[lines.length - 2]).toBe('1 finding: 1 error, 0 warnings, 0 information.');
  });

  test('json: the report with CheckFinding field names, the same bytes on every run', async () => {
    const first = await cli('check', gap.cdktf, '--format', 'json');
    expect((await cli('check', gap.cdktf, '--format', 'json')).stdout).toBe(first.stdout);
    const json = JSON.parse(first.stdout);
    expect(Object.keys(json)).toEqual(['inputs', 'attachmentsChecked', 'attachmentsOutside', 'findings']);
    expect(json.attachmentsChecked).toBe(1);
    expect(json.attachmentsOutside).toBe(0);
    const [f] = json.findings;
    expect(Object.keys(f)).toEqual([
      'code',
      'severity',
      'message',
      'rule',
      'fix',
      'location',
      'attachment',
      'principal',
      'principalType',
      'principalName',
      'resourceGroupId',
      'policyName',
      'missingActions',
      'fixDocument',
    ]);
    expect(f.location).toEqual({
      file: gap.cdktf,
      line: expect.any(Number),
      constructPath: 'registry-access/DevCrAll',
    });
    expect(f.missingActions).toEqual(unsupported);
  });

  test('explain: the split of one document, with each action placed and why', async () => {
    const file = 'test/fixtures/check/explain/pull-push-tags.json';
    const split = splitForResourceGroupScope(PolicyDocument.fromJson(fs.readFileSync(file, 'utf8')));
    const json = JSON.parse((await cli('explain', file, '--format', 'json')).stdout);
    expect(json.resourceGroupDocument).toEqual(split.resourceGroupDocument.toJson());
    expect(json.accountLevelDocument).toEqual(split.accountLevelDocument!.toJson());
    expect(json.explanation).toEqual(split.explanation);
    const table = await cli('explain', file);
    expect(table.code).toBe(ExitCode.OK);
    for (const e of split.explanation) {
      expect(table.stdout).toMatch(
        new RegExp(
          `\\n  ${e.action} +${e.statement} +${e.matchedBy.join(' ').replace(/\*/g, '\\*')} +${e.placement}\\n`,
        ),
      );
    }
  });
});
