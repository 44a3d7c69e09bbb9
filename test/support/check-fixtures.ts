/**
 * The acceptance fixtures of the check (test/fixtures/check/), one case in each input form:
 *   cr-all-gap          a hand-written resource-group grant of `cr:*` (custom policy), nothing at account level
 *   cr-all-covered      the same, plus the account-level policy the split calls for, attached to the user
 *   readonly-system-rg  AliyunContainerRegistryReadOnlyAccess attached at resource-group scope
 *   constructs-only     grants made only with this library's constructs
 * Each case is one cdktf stack (hand-written resources with the generated bindings, or the constructs),
 * synthesized into `cdktf/<case>/cdk.tf.json`, and written as Terraform would hold it:
 *   - `plan/<case>.json`: `terraform show -json` of a plan creating it (format 1.2, see planOf);
 *   - `tf/<case>/main.tf`: the hand-written cases as a Terraform user writes them (jsonencode, a literal
 *     JSON string, a heredoc, the provider documentation's format() principal); constructs-only converted.
 * Every policy document comes from the engine, nothing is typed in by hand. test/cli/fixtures.test.ts
 * fails when the committed files differ (UPDATE_FIXTURES=1 rewrites them).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CrAccess,
  CrAccessGrant,
  CrAccessScope,
  CrReadOnlyUser,
  PolicyDocument,
  RamPrincipal,
  ResourceGroupScopedCrDeveloper,
  splitForResourceGroupScope,
} from '../../src';
import * as alicloud from '../../src/generated/alicloud';
import { App, LocalBackend, TerraformStack } from '../../src/core-lib';

export const FIXTURES = path.join(__dirname, '..', 'fixtures', 'check');
export const CASES = ['cr-all-gap', 'cr-all-covered', 'readonly-system-rg', 'constructs-only'] as const;
export type Case = (typeof CASES)[number];

export const ACCOUNT_ID = '1234567890123456';
export const RESOURCE_GROUP = 'rg-aek2teama';
const STACK = 'registry-access';

/** `cr:*` on every resource, as a hand-written custom policy grants it. */
export const CR_ALL = PolicyDocument.fromObject({
  Version: '1',
  Statement: [{ Effect: 'Allow', Action: 'cr:*', Resource: '*' }],
});
/** What the split says `cr:*` needs at account level. */
export const CR_ALL_ACCOUNT_LEVEL = splitForResourceGroupScope(CR_ALL).accountLevelDocument!;

function handWritten(stack: TerraformStack, c: Case): void {
  const user = new alicloud.ramUser.RamUser(stack, 'Dev', { name: 'dev' });
  const account = new alicloud.dataAlicloudAccount.DataAlicloudAccount(stack, 'Current', {});
  const principal = { principalName: `${user.name}@${account.id}.onaliyun.com`, principalType: 'IMSUser' };
  if (c === 'readonly-system-rg') {
    new alicloud.resourceManagerPolicyAttachment.ResourceManagerPolicyAttachment(stack, 'DevReadOnly', {
      ...principal,
      policyName: 'AliyunContainerRegistryReadOnlyAccess',
      policyType: 'System',
      resourceGroupId: RESOURCE_GROUP,
    });
    return;
  }
  const scoped = new alicloud.ramPolicy.RamPolicy(stack, 'CrAll', {
    policyName: 'cr-all-in-team-a',
    policyDocument: CR_ALL.render(),
  });
  new alicloud.resourceManagerPolicyAttachment.ResourceManagerPolicyAttachment(stack, 'DevCrAll', {
    ...principal,
    policyName: scoped.policyName,
    policyType: 'Custom',
    resourceGroupId: RESOURCE_GROUP,
  });
  if (c === 'cr-all-covered') {
    const accountLevel = new alicloud.ramPolicy.RamPolicy(stack, 'CrAllAccountLevel', {
      policyName: 'cr-all-account-level',
      policyDocument: CR_ALL_ACCOUNT_LEVEL.render(),
    });
    new alicloud.ramUserPolicyAttachment.RamUserPolicyAttachment(stack, 'DevAccountLevel', {
      userName: user.name,
      policyName: accountLevel.policyName,
      policyType: 'Custom',
    });
  }
}

function constructsOnly(stack: TerraformStack): void {
  const teamB = new alicloud.resourceManagerResourceGroup.ResourceManagerResourceGroup(stack, 'TeamB', {
    resourceGroupName: 'team-b',
    displayName: 'Team B',
  });
  new CrReadOnlyUser(stack, 'Auditor', {
    userName: 'auditor',
    resourceGroupIds: [RESOURCE_GROUP, teamB.id],
    accountId: ACCOUNT_ID,
  });
  new ResourceGroupScopedCrDeveloper(stack, 'Alice', {
    userName: 'alice',
    resourceGroupIds: [RESOURCE_GROUP],
  });
  const admins = new alicloud.ramGroup.RamGroup(stack, 'Admins', { groupName: 'registry-admins' });
  new CrAccessGrant(stack, 'AdminsFull', {
    principal: RamPrincipal.group(admins.groupName),
    access: CrAccess.fullAccess(),
    scope: CrAccessScope.resourceGroups([teamB.id]),
  });
}

/** Synthesizes the stack of case `c` into `outdir` (a cdktf.out folder); returns the outdir. */
export function synthCase(c: Case, outdir: string): string {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, STACK);
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  // A relative state path keeps the fixture the same in every checkout.
  new LocalBackend(stack, { path: `terraform.${STACK}.tfstate` });
  if (c === 'constructs-only') constructsOnly(stack);
  else handWritten(stack, c);
  app.synth();
  return outdir;
}

/** The synthesized `cdk.tf.json` text of case `c`. */
export function cdkTfJsonOf(c: Case): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-fixture-'));
  try {
    synthCase(c, dir);
    return fs.readFileSync(path.join(dir, 'stacks', STACK, 'cdk.tf.json'), 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

type Json = { [key: string]: any };

interface Block {
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly attributes: Json;
}

function blocksOf(cdkTfJson: string): Block[] {
  const config = JSON.parse(cdkTfJson);
  const out: Block[] = [];
  for (const [key, mode] of [
    ['resource', 'managed'],
    ['data', 'data'],
  ] as const) {
    for (const [type, byName] of Object.entries((config[key] ?? {}) as Json)) {
      for (const [name, body] of Object.entries(byName as Json)) {
        const { '//': _meta, ...attributes } = body as Json;
        out.push({ mode, type, name, attributes });
      }
    }
  }
  return out;
}

const REF = /\$\{((data\.)?[a-z][a-z0-9_]*\.[\w-]+)\.(\w+)\}/g;

/**
 * A plan creating the configuration, as `terraform show -json` writes it (format_version 1.2, Terraform
 * 1.5): the account data source is read at plan time (its `id` is the account ID); a managed resource's
 * configured arguments are known, its `id` is not, so an argument that refers to an `id` (a resource
 * group created in the same plan) is unknown: left out of `planned_values`, true in `after_unknown`, and
 * given in `configuration` by its references. Arguments without references are `constant_value`s.
 */
export function planOf(cdkTfJson: string): Json {
  const blocks = blocksOf(cdkTfJson);
  const byAddress = new Map(blocks.map((b) => [`${b.mode === 'data' ? 'data.' : ''}${b.type}.${b.name}`, b]));
  const known = (ref: string, attribute: string): string | undefined => {
    const target = byAddress.get(ref);
    if (target === undefined) return undefined;
    if (target.mode === 'data' && attribute === 'id') return ACCOUNT_ID;
    const v = target.attributes[attribute];
    return typeof v === 'string' && !v.includes('${') ? v : undefined;
  };
  const planned: Json[] = [];
  const changes: Json[] = [];
  const configured: Json[] = [];
  for (const b of blocks) {
    const address = `${b.mode === 'data' ? 'data.' : ''}${b.type}.${b.name}`;
    const values: Json = {};
    const afterUnknown: Json = {};
    const expressions: Json = {};
    for (const [attribute, v] of Object.entries(b.attributes)) {
      if (typeof v !== 'string' || !v.includes('${')) {
        values[attribute] = v;
        expressions[attribute] = { constant_value: v };
        continue;
      }
      const references = [...v.matchAll(REF)].flatMap((m) => [`${m[1]}.${m[3]}`, m[1]]);
      expressions[attribute] = { references };
      let unknown = false;
      const value = v.replace(REF, (_all, ref: string, _data, attr: string) => {
        const k = known(ref, attr);
        if (k === undefined) unknown = true;
        return k ?? '';
      });
      if (unknown) afterUnknown[attribute] = true;
      else values[attribute] = value;
    }
    const provider = 'registry.terraform.io/aliyun/alicloud';
    if (b.mode === 'data') values.id = ACCOUNT_ID;
    else afterUnknown.id = true;
    const common = { address, mode: b.mode, type: b.type, name: b.name, provider_name: provider };
    planned.push({ ...common, schema_version: 0, values, sensitive_values: {} });
    // Data sources read during planning appear in planned_values only.
    if (b.mode === 'managed') {
      changes.push({
        ...common,
        change: {
          actions: ['create'],
          before: null,
          after: values,
          after_unknown: afterUnknown,
          before_sensitive: false,
          after_sensitive: {},
        },
      });
    }
    configured.push({
      address,
      mode: b.mode,
      type: b.type,
      name: b.name,
      provider_config_key: 'alicloud',
      expressions,
      schema_version: 0,
    });
  }
  return {
    format_version: '1.2',
    terraform_version: '1.5.7',
    planned_values: { root_module: { resources: planned } },
    resource_changes: changes,
    configuration: {
      provider_config: {
        alicloud: {
          name: 'alicloud',
          full_name: 'registry.terraform.io/aliyun/alicloud',
          expressions: { region: { constant_value: 'cn-hangzhou' } },
        },
      },
      root_module: { resources: configured },
    },
    timestamp: '2026-11-23T12:00:00Z',
    errored: false,
  };
}

/** An HCL string: a template when `template` (its `${...}` kept), else a literal (escaped). */
function hclString(s: string, template: boolean): string {
  let out = s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
  if (!template) out = out.replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
  return `"${out}"`;
}

function hclValue(v: unknown, indent: string): string {
  if (typeof v === 'string') {
    // A policy document: written as jsonencode of an HCL object, as Terraform users write it.
    if (v.startsWith('{"Version"')) return `jsonencode(${hclValue(JSON.parse(v), indent)})`;
    return hclString(v, v.includes('${'));
  }
  if (Array.isArray(v)) return `[${v.map((x) => hclValue(x, indent)).join(', ')}]`;
  if (v !== null && typeof v === 'object') {
    const inner = `${indent}  `;
    const items = Object.entries(v).map(([k, x]) => `${inner}${k} = ${hclValue(x, inner)}`);
    return `{\n${items.join('\n')}\n${indent}}`;
  }
  return JSON.stringify(v);
}

/** A configuration converted to HCL, one block per resource (cdktf's `${...}` are HCL templates). */
function hclOf(cdkTfJson: string): string {
  return blocksOf(cdkTfJson)
    .map((b) => {
      const header = `${b.mode === 'data' ? 'data' : 'resource'} "${b.type}" "${b.name}"`;
      const lines = Object.entries(b.attributes).map(([k, v]) => `  ${k} = ${hclValue(v, '  ')}`);
      return lines.length === 0 ? `${header} {}\n` : `${header} {\n${lines.join('\n')}\n}\n`;
    })
    .join('\n');
}

const PRINCIPAL =
  'format("%s@%s.onaliyun.com", alicloud_ram_user.dev.name, data.alicloud_account.current.id)';

function handWrittenTf(c: Case): string {
  const head = [
    'data "alicloud_account" "current" {}',
    '',
    'resource "alicloud_ram_user" "dev" {',
    '  name = "dev"',
    '}',
    '',
  ];
  if (c === 'readonly-system-rg') {
    return [
      ...head,
      '# The console flow of the seed documents: a system policy attached in a resource group.',
      'resource "alicloud_resource_manager_policy_attachment" "dev_read_only" {',
      '  policy_name       = "AliyunContainerRegistryReadOnlyAccess"',
      '  policy_type       = "System"',
      `  principal_name    = ${PRINCIPAL}`,
      '  principal_type    = "IMSUser"',
      `  resource_group_id = "${RESOURCE_GROUP}"`,
      '}',
      '',
    ].join('\n');
  }
  const scopedDocument =
    c === 'cr-all-gap'
      ? // jsonencode of a literal object, as most Terraform code writes policies.
        [
          'jsonencode({',
          '    Version = "1"',
          '    Statement = [{',
          '      Effect   = "Allow"',
          '      Action   = "cr:*"',
          '      Resource = "*"',
          '    }]',
          '  })',
        ]
      : // A literal JSON string.
        [hclString(CR_ALL.render(), false)];
  const lines = [
    ...head,
    'resource "alicloud_ram_policy" "cr_all" {',
    '  policy_name     = "cr-all-in-team-a"',
    `  policy_document = ${scopedDocument.join('\n')}`,
    '}',
    '',
    '# The principal as the provider documentation names it.',
    'resource "alicloud_resource_manager_policy_attachment" "dev_cr_all" {',
    '  policy_name       = alicloud_ram_policy.cr_all.policy_name',
    '  policy_type       = "Custom"',
    `  principal_name    = ${PRINCIPAL}`,
    '  principal_type    = "IMSUser"',
    `  resource_group_id = "${RESOURCE_GROUP}"`,
    '}',
    '',
  ];
  if (c === 'cr-all-covered') {
    lines.push(
      '# The account-level policy the split calls for (a heredoc).',
      'resource "alicloud_ram_policy" "cr_all_account_level" {',
      '  policy_name     = "cr-all-account-level"',
      '  policy_document = <<-EOT',
      ...JSON.stringify(CR_ALL_ACCOUNT_LEVEL.toJson(), null, 2)
        .split('\n')
        .map((l) => `    ${l}`),
      '  EOT',
      '}',
      '',
      'resource "alicloud_ram_user_policy_attachment" "dev_account_level" {',
      '  user_name   = alicloud_ram_user.dev.name',
      '  policy_name = alicloud_ram_policy.cr_all_account_level.policy_name',
      '  policy_type = "Custom"',
      '}',
      '',
    );
  }
  return lines.join('\n');
}

/** Every fixture file, by path relative to FIXTURES. */
export function fixtureFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const c of CASES) {
    const json = cdkTfJsonOf(c);
    files.set(`cdktf/${c}/cdk.tf.json`, json);
    files.set(`plan/${c}.json`, `${JSON.stringify(planOf(json), null, 2)}\n`);
    files.set(`tf/${c}/main.tf`, c === 'constructs-only' ? hclOf(json) : handWrittenTf(c));
  }
  return files;
}

/** Where each form of case `c` is. */
export function casePaths(c: Case): { cdktf: string; plan: string; tf: string } {
  return {
    cdktf: path.join(FIXTURES, 'cdktf', c, 'cdk.tf.json'),
    plan: path.join(FIXTURES, 'plan', `${c}.json`),
    tf: path.join(FIXTURES, 'tf', c),
  };
}
