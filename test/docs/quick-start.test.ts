/**
 * The README's quick start is a program a user copies: this test runs it as written (its TypeScript,
 * with the package's module names mapped to this repository's sources) and checks what it synthesizes.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { ROOT } from '../support/doc-blocks';
import { validateStack } from '../support/schema-validator';

const MODULES: { [name: string]: string } = {
  cdktf: path.join(ROOT, 'src', 'core-lib'),
  'cdktf-alicloud-cr-access': path.join(ROOT, 'src'),
  'cdktf-alicloud-cr-access/lib/generated/alicloud': path.join(ROOT, 'src', 'generated', 'alicloud'),
};

function quickStartSource(): string {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Quick start'));
  return /```ts\n([\s\S]*?)```/.exec(section)![1];
}

/** Runs the program in `outdir` as `cdktf synth` would (CDKTF_OUTDIR), returning the stack's cdk.tf.json. */
function run(source: string, outdir: string): any {
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS } }).outputText;
  const load = (name: string) => {
    if (!(name in MODULES)) throw new Error(`the quick start imports ${name}, which the test does not map`);
    return require(MODULES[name]);
  };
  const previous = process.env.CDKTF_OUTDIR;
  process.env.CDKTF_OUTDIR = outdir;
  try {
    new Function('require', 'exports', js)(load, {});
  } finally {
    if (previous === undefined) delete process.env.CDKTF_OUTDIR;
    else process.env.CDKTF_OUTDIR = previous;
  }
  return JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'registry-access', 'cdk.tf.json'), 'utf8'));
}

const out = run(quickStartSource(), fs.mkdtempSync(path.join(os.tmpdir(), 'quick-start-')));

test('the quick start synthesizes a stack that passes the schema validator (and its stack check)', () => {
  expect(validateStack(out)).toEqual([]);
});

/** The `${...}` reference to the name of the stack's RAM user `name`. */
function userRef(name: string): string {
  const [key] = Object.entries(out.resource.alicloud_ram_user).find(
    ([, u]: [string, any]) => u.name === name,
  )!;
  return `\${alicloud_ram_user.${key}.name}`;
}

test("the quick start's developer gets a resource-group attachment and the account-level policy", () => {
  const rgAttachments = Object.values(out.resource.alicloud_resource_manager_policy_attachment) as any[];
  expect(rgAttachments.filter((a) => String(a.principal_name).startsWith(userRef('alice')))).toHaveLength(1);
  const userAttachments = Object.values(out.resource.alicloud_ram_user_policy_attachment) as any[];
  expect(userAttachments.map((a) => a.user_name).sort()).toEqual(
    [userRef('alice'), userRef('ci-image-puller')].sort(),
  );
});

test("the quick start's team is one group with one membership per person", () => {
  const groups = Object.values(out.resource.alicloud_ram_group) as any[];
  expect(groups.map((g) => g.group_name)).toEqual(['registry-team-b']);
  const members = Object.values(out.resource.alicloud_ram_user_group_attachment) as any[];
  expect(members.map((m) => m.user_name).sort()).toEqual(['bob', 'carol']);
});
