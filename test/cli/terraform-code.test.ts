/**
 * The check on real Terraform code (issue 20): Alibaba's terraform-alicloud-resource-group module
 * (test/fixtures/tf-real, source and licence in its SOURCE.md) evaluated as Terraform would before
 * apply, attachments outside Container Registry, accepted exceptions, and the evaluator's bounds.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cli } from './run';

const MODULE = path.join(__dirname, '..', 'fixtures', 'tf-real', 'terraform-alicloud-resource-group');
const COMPLETE = path.join(MODULE, 'examples', 'complete');
const ADDRESS = 'module.complete.alicloud_resource_manager_policy_attachment.this[0]';

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-code-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(dir: string, files: { [name: string]: string }): string {
  const d = path.join(tmp, dir);
  fs.mkdirSync(d, { recursive: true });
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(d, name), text);
  return d;
}

async function json(...argv: string[]) {
  const r = await cli('check', ...argv, '--format', 'json');
  return { code: r.code, stderr: r.stderr, out: r.stderr === '' ? JSON.parse(r.stdout) : undefined };
}

describe("Alibaba's resource-group module, examples/complete with AliyunContainerRegistryReadOnlyAccess", () => {
  test('exit 1: the 37-action gap at the counted attachment in the called module; the OSS policy is outside', async () => {
    const { code, out } = await json(COMPLETE);
    expect(code).toBe(1);
    expect(
      out.findings.map((f: any) => [f.code, f.attachment, f.principal, f.missingActions.length]),
    ).toEqual([['CR_RG_GRANT_GAP', ADDRESS, 'IMSUser tfexamplename', 37]]);
    expect(out.findings[0].location.file).toBe(path.join(MODULE, 'main.tf'));
    expect([out.attachmentsChecked, out.attachmentsOutside]).toEqual([2, 1]);
  });

  test('--var turns the attachments off (create_policy_attachments = false in a copy): no attachment, exit 0', async () => {
    const dir = write('rg-off', {
      'main.tf': fs
        .readFileSync(path.join(COMPLETE, 'main.tf'), 'utf8')
        .replace('source = "../.."', `source = "${path.relative(path.join(tmp, 'rg-off'), MODULE)}"`)
        .replace('create_policy_attachments = true', 'create_policy_attachments = var.attach'),
      'variables.tf': 'variable "name" { default = "x" }\nvariable "attach" { default = true }\n',
    });
    expect((await json(dir)).code).toBe(1);
    const off = await json(dir, '--var', 'attach=false');
    expect([off.code, off.out.attachmentsChecked]).toEqual([0, 0]);
    fs.writeFileSync(path.join(dir, 'off.tfvars'), 'attach = false\n');
    expect((await json(dir, '--var-file', path.join(dir, 'off.tfvars'))).out.attachmentsChecked).toBe(0);
  });

  test('a path to one .tf file reads its whole module, and says so', async () => {
    const r = await cli('check', path.join(COMPLETE, 'main.tf'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `Note: ${path.join(COMPLETE, 'main.tf')} was read with the other files of its module`,
    );
  });
});

const RG_ATTACHMENT = (policy: string, type = 'System', extra = '') => `
${extra}resource "alicloud_resource_manager_policy_attachment" "dev" {
  policy_name       = "${policy}"
  policy_type       = "${type}"
  principal_name    = "dev@123.onaliyun.com"
  principal_type    = "IMSUser"
  resource_group_id = "rg-1"
}
`;

describe('only real findings', () => {
  test('a system policy of another service at resource-group scope: exit 0, no finding, counted as outside', async () => {
    const dir = write('ecs', { 'main.tf': RG_ATTACHMENT('AliyunECSFullAccess') });
    const { code, out } = await json(dir);
    expect([code, out.findings, out.attachmentsOutside]).toEqual([0, [], 1]);
  });

  test('a literal Action list with an unknown Resource is checked on its actions and says what was unknown', async () => {
    const dir = write('partial', {
      'main.tf': `
resource "alicloud_ram_policy" "p" {
  policy_name     = "p"
  policy_document = jsonencode({ Version = "1", Statement = [{ Effect = "Allow", Action = ["cr:ListInstanceUser"], Resource = [alicloud_cr_ee_instance.x.id] }] })
}
${RG_ATTACHMENT('p', 'Custom')}`,
    });
    const { code, out } = await json(dir);
    expect(code).toBe(1);
    expect(out.findings[0].missingActions).toEqual(['cr:ListInstanceUser']);
    expect(out.findings[0].message).toContain('its Resource is not known before apply');
  });

  test('each not-checked finding has its own reason and a Fix that fits it', async () => {
    const dir = write('reasons', {
      'main.tf':
        RG_ATTACHMENT('SomeOtherPolicy', 'Custom') +
        RG_ATTACHMENT('AliyunUnknownThing').replace('"dev"', '"sys"'),
    });
    const { out } = await json(dir);
    const byAttachment = Object.fromEntries(out.findings.map((f: any) => [f.attachment, [f.rule, f.fix]]));
    expect(byAttachment['alicloud_resource_manager_policy_attachment.dev'][1]).toMatch(
      /^check the configuration that creates this policy/,
    );
    expect(byAttachment['alicloud_resource_manager_policy_attachment.sys'][1]).toMatch(
      /^if this system policy grants cr: actions/,
    );
  });
});

describe('accepted exceptions', () => {
  const READONLY = 'AliyunContainerRegistryReadOnlyAccess';

  test('a cr-access:ignore comment: exit 0, counted as accepted, SARIF suppressions[].justification is the reason', async () => {
    const dir = write('ignored', {
      'main.tf': RG_ATTACHMENT(
        READONLY,
        'System',
        '# cr-access:ignore CR_RG_GRANT_GAP until=2999-01-31 -- account-level grant made by the platform team\n',
      ),
    });
    const { code, out } = await json(dir);
    expect(code).toBe(0);
    expect(out.findings[0].accepted).toEqual({
      kind: 'comment',
      reason: 'account-level grant made by the platform team',
      source: `${path.join(dir, 'main.tf')}:2`,
      until: '2999-01-31',
    });
    const sarif = JSON.parse((await cli('check', dir, '--format', 'sarif')).stdout);
    expect(sarif.runs[0].results[0].suppressions).toEqual([
      { kind: 'inSource', justification: 'account-level grant made by the platform team' },
    ]);
    expect((await cli('check', dir)).stdout).toContain('1 accepted finding (not counted above)');
  });

  test('an expired comment: exit 1, and the message says it expired', async () => {
    const dir = write('expired', {
      'main.tf': RG_ATTACHMENT(
        READONLY,
        'System',
        '# cr-access:ignore CR_RG_GRANT_GAP until=2020-01-31 -- migration\n',
      ),
    });
    const { code, out } = await json(dir);
    expect(code).toBe(1);
    expect(out.findings[0].accepted).toBeUndefined();
    expect(out.findings[0].message).toContain('accepted it until 2020-01-31, and has expired');
  });

  test('a comment without a reason is an input error naming its line', async () => {
    const dir = write('noreason', {
      'main.tf': RG_ATTACHMENT(READONLY, 'System', '# cr-access:ignore CR_RG_GRANT_GAP\n'),
    });
    const r = await cli('check', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${path.join(dir, 'main.tf')}:2: cr-access:ignore comment: a reason is required`,
    );
  });

  test('a baseline accepts exactly the findings it records; one more missing action in the same attachment is new', async () => {
    const dir = write('baseline', { 'main.tf': RG_ATTACHMENT(READONLY) });
    const file = path.join(tmp, 'baseline.json');
    expect((await cli('check', dir, '--write-baseline', file)).code).toBe(2);
    expect(
      (await cli('check', dir, '--write-baseline', file, '--reason', 'known before the check')).code,
    ).toBe(1);
    const accepted = await json(dir, '--baseline', file);
    expect([accepted.code, accepted.out.findings[0].accepted.reason]).toEqual([0, 'known before the check']);
    const baseline = JSON.parse(fs.readFileSync(file, 'utf8'));
    baseline.findings[0].missingActions = baseline.findings[0].missingActions.slice(1);
    fs.writeFileSync(file, JSON.stringify(baseline));
    expect((await json(dir, '--baseline', file)).code).toBe(1);
  });
});

describe('adversarial .tf input ends in a clear answer', () => {
  test('count of 10^9, range(10^9), string repetition and a local that depends on itself: bounded, noted', async () => {
    const dir = write('bounds', {
      'main.tf': `
locals {
  a = local.a
  big = range(1000000000)
  s = join("", [for i in range(5000) : join("", [for j in range(5000) : "xxxxxxxxxx"])])
}
resource "alicloud_ram_user" "many" {
  count = 1000000000
  name  = "u\${count.index}"
}
resource "alicloud_ram_user" "x" {
  name = "\${local.a}-\${length(local.big)}-\${length(local.s)}"
}
`,
    });
    const started = Date.now();
    const r = await cli('check', dir);
    expect(r.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.stdout).toContain('the evaluation stopped after');
    expect(r.stdout).toContain('count is 1000000000, above the check');
  });
});
