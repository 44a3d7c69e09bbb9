/**
 * `npm run bench:hcl [-- --modules 100] [-- --users 16] [-- --runs 3]`: times `check` on a .tf folder
 * that calls many local modules, each evaluated as Terraform does before apply (src/model/hcl):
 * variables passed in, `for_each` and `count` over them, `jsonencode` of a policy built from a list.
 * Each module holds 3 × users + 2 resource instances (50 at 16 users, so 100 modules give 5,000).
 * Every other module's account-level policy leaves out 7 of the 37 read actions (`slice`), so half
 * the grants are findings. Each
 * run is a fresh `node dist/src/cli/bin.js` process, timed from spawn to exit. Not a test: the target
 * (100 modules with 5,000 resources under 5 s) is in BENCHMARKS.md.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { median, option, writeUsageHook } from './large-stack';

// Run from dist/bench: the repository root is two levels up.
const SEED = path.join(
  __dirname,
  '..',
  '..',
  'test',
  'fixtures',
  'seeds',
  '002-readonly-account-level-example.json',
);
const READ_ACTIONS: string[] = JSON.parse(fs.readFileSync(SEED, 'utf8')).Statement[0].Action;

function moduleText(withAccountLevel: boolean): string {
  const actions = READ_ACTIONS.map((a) => `"${a}"`).join(', ');
  return `variable "users" {
  type = list(string)
}
variable "resource_group_id" {
  type = string
}
variable "account_id" {
  type    = string
  default = "1234567890123456"
}
locals {
  read_actions = [${actions}]
}
resource "alicloud_ram_user" "u" {
  for_each = toset(var.users)
  name     = each.key
}
resource "alicloud_ram_policy" "p" {
  count       = 2
  policy_name = format("bench-%s-%d", var.resource_group_id, count.index)
  policy_document = jsonencode({
    Version   = "1"
    Statement = [{ Effect = "Allow", Action = ${withAccountLevel ? 'local.read_actions' : 'slice(local.read_actions, 0, 30)'}, Resource = ["*"] }]
  })
}
resource "alicloud_resource_manager_policy_attachment" "a" {
  for_each          = toset(var.users)
  policy_name       = "AliyunContainerRegistryReadOnlyAccess"
  policy_type       = "System"
  principal_name    = "\${each.key}@\${var.account_id}.onaliyun.com"
  principal_type    = "IMSUser"
  resource_group_id = var.resource_group_id
}
resource "alicloud_ram_user_policy_attachment" "acc" {
  for_each    = toset(var.users)
  policy_name = alicloud_ram_policy.p[0].policy_name
  policy_type = "Custom"
  user_name   = alicloud_ram_user.u[each.key].name
}
`;
}

function writeConfiguration(dir: string, modules: number, users: number): void {
  const calls: string[] = [];
  for (let m = 0; m < modules; m++) {
    const name = `team${m}`;
    fs.mkdirSync(path.join(dir, 'modules', name), { recursive: true });
    fs.writeFileSync(path.join(dir, 'modules', name, 'main.tf'), moduleText(m % 2 === 0));
    const list = Array.from({ length: users }, (_, u) => `"${name}-user${u}"`).join(', ');
    calls.push(
      `module "${name}" {\n  source            = "./modules/${name}"\n  users             = [${list}]\n  resource_group_id = "rg-${name}"\n}\n`,
    );
  }
  fs.writeFileSync(path.join(dir, 'main.tf'), calls.join('\n'));
}

function main(): void {
  const modules = Number(option('--modules', '100'));
  const users = Number(option('--users', '16'));
  const runs = Number(option('--runs', '3'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-hcl-'));
  try {
    writeConfiguration(path.join(dir, 'tf'), modules, users);
    const hook = writeUsageHook(dir);
    const bin = path.join(__dirname, '..', 'src', 'cli', 'bin.js');
    const wall: number[] = [];
    const rss: number[] = [];
    let out: any = {};
    for (let r = 0; r < runs; r++) {
      const start = process.hrtime.bigint();
      const child = spawnSync(
        process.execPath,
        ['--require', hook, bin, 'check', path.join(dir, 'tf'), '--format', 'json'],
        { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 },
      );
      wall.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (child.status !== 0 && child.status !== 1) throw new Error(`check failed: ${child.stderr}`);
      rss.push(Number(/rss (\d+)/.exec(child.stderr)![1]) / 1024);
      out = JSON.parse(child.stdout);
    }
    const resources = out.inputs[0].resources;
    console.log(
      `check of ${modules} local modules, ${resources} resources, ${out.attachmentsChecked} resource-group attachments, ${out.findings.length} findings: wall median ${(median(wall) / 1000).toFixed(2)} s (${wall.map((w) => (w / 1000).toFixed(2)).join(', ')}), peak RSS max ${Math.max(...rss).toFixed(0)} MiB\n${runs} runs; ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}, Node ${process.version}`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
