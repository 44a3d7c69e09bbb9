/** End-to-end: the example app synthesizes, validates, and gives the same bytes wherever it runs. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildApp } from '../../examples/main';
import { CrAccessReport } from '../../src';
import { TerraformStack } from '../../src/core-lib';
import { expectDocBlock, fenced } from '../support/doc-blocks';
import { validateStack } from '../support/schema-validator';

function synthesizeIn(cwd: string): { app: ReturnType<typeof buildApp>; files: Map<string, Buffer> } {
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const app = buildApp(path.join(cwd, 'cdktf.out'));
    app.synth();
    const manifest = JSON.parse(fs.readFileSync(path.join(cwd, 'cdktf.out', 'manifest.json'), 'utf8'));
    const files = new Map<string, Buffer>();
    for (const stack of Object.values(manifest.stacks) as { name: string; synthesizedStackPath: string }[]) {
      files.set(stack.name, fs.readFileSync(path.join(cwd, 'cdktf.out', stack.synthesizedStackPath)));
    }
    return { app, files };
  } finally {
    process.chdir(before);
  }
}

const first = synthesizeIn(fs.mkdtempSync(path.join(os.tmpdir(), 'checkout-a-')));
const second = synthesizeIn(fs.mkdtempSync(path.join(os.tmpdir(), 'checkout-b-')));
const stack = () => JSON.parse(first.files.get('platform-registry-access')!.toString('utf8'));

const STACKS = ['platform-registry-access', 'team-web-images'];

test('synthesizing from two different directories gives byte-identical cdk.tf.json', () => {
  expect([...first.files.keys()]).toEqual(STACKS);
  for (const name of STACKS) {
    expect(second.files.get(name)!.equals(first.files.get(name)!)).toBe(true);
    expect(first.files.get(name)!.toString('utf8')).not.toMatch(/checkout-a-|\/tmp\//);
  }
});

test('the synthesized stacks pass the schema validator', () => {
  for (const name of STACKS)
    expect(validateStack(JSON.parse(first.files.get(name)!.toString('utf8')))).toEqual([]);
});

test("team-web-images: the developers' namespace access lands where RAM authorizes it, in both resource groups", () => {
  const out = JSON.parse(first.files.get('team-web-images')!.toString('utf8'));
  const documents = Object.values(out.resource.alicloud_ram_policy).map((p: any) =>
    JSON.parse(p.policy_document),
  );
  const resourcesOf = (action: string) =>
    documents.flatMap((d: any) =>
      d.Statement.filter((s: any) => s.Action.includes(action)).flatMap((s: any) => s.Resource),
    );
  const namespace =
    'acs:cr:*:*:repository/${alicloud_cr_ee_namespace.Namespace.instance_id}/${alicloud_cr_ee_namespace.Namespace.name}';
  expect(resourcesOf('cr:PushRepository')).toContain(`${namespace}/*`);
  expect(resourcesOf('cr:GetAuthorizationToken')).toContain('*');
  const groups = new Set(
    Object.values(out.resource.alicloud_resource_manager_policy_attachment).map(
      (a: any) => a.resource_group_id,
    ),
  );
  expect(groups.size).toBe(2);
});

test('the backend path is relative', () => {
  expect(stack().terraform.backend).toEqual({
    local: { path: 'terraform.platform-registry-access.tfstate' },
  });
});

test('the example stack is as snapshotted', () => {
  const { '//': _metadata, ...rest } = stack();
  expect(rest).toMatchSnapshot();
});

test('the report names every grant and what was moved to account level', () => {
  const [platform] = first.app.node.children.filter(TerraformStack.isStack);
  const text = CrAccessReport.text(platform);
  expect(text).toMatch(
    /^stack platform-registry-access: 6 grants, 4 custom policies, 12 policy attachments$/m,
  );
  expect(text).toContain('moved to account level for 4 grant(s), 37 actions: cr:GetAccessVpcLink, ');
});

/** Cuts every action list of a report or access line after three actions, for the documentation. */
function cutLists(text: string): string {
  return text.replace(/(\(\d+\)|actions:) ([^;\n]*)/g, (_all, head: string, list: string) => {
    const items = list.split(', ');
    return `${head} ${items.length > 3 ? [...items.slice(0, 3), '...'].join(', ') : list}`;
  });
}

test("docs/split.md's report sample is the example's real report (action lists cut)", () => {
  const [platform] = first.app.node.children.filter(TerraformStack.isStack);
  expectDocBlock('report-example', fenced('text', cutLists(CrAccessReport.text(platform))));
});

test("docs/effective-access.md's sample is the example's real effective access (action lists cut)", () => {
  const [platform] = first.app.node.children.filter(TerraformStack.isStack);
  expectDocBlock(
    'access-text-example',
    fenced('text', cutLists(CrAccessReport.effectiveAccessText(platform))),
  );
});

test("every principal's effective access, one line per principal and scope, is as snapshotted", () => {
  const [platform] = first.app.node.children.filter(TerraformStack.isStack);
  const text = CrAccessReport.effectiveAccessText(platform);
  // The readers' group holds the 37 account-level reads its resource-group grant needs.
  expect(text).toMatch(/^IMSGroup \S+ @ account: allow \(37\) cr:GetAccessVpcLink, /m);
  expect(text).toMatchSnapshot();
});
