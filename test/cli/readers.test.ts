/**
 * The readers on their own: what each input form becomes as TerraformResource[] (values as written,
 * expressions kept, locations), and the HCL literal evaluator.
 */
import * as fc from 'fast-check';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { evaluateLiteral, evaluateLiterals } from '../../src/cli/hcl-literal';
import { resourceKeyLines, lineKey } from '../../src/model/json-key-lines';
import { readInput } from '../../src/cli/read';
import { resourcesOfPlan } from '../../src/cli/read-plan';
import { ResourceMode, resourceAddress, type TerraformResource } from '../../src/model/terraform';
import { CR_ALL, CR_ALL_ACCOUNT_LEVEL, casePaths } from '../support/check-fixtures';

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'readers-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function resourcesOf(p: string): Promise<TerraformResource[]> {
  return (await readInput(p)).flatMap((c) => c.resources);
}

function byAddress(resources: TerraformResource[], address: string): TerraformResource {
  const r = resources.find((x) => resourceAddress(x) === address);
  if (r === undefined) throw new Error(`${address} not read`);
  return r;
}

describe('cdk.tf.json', () => {
  test('resources and data sources with values as written, the construct path and the line of each key', async () => {
    const file = casePaths('cr-all-gap').cdktf;
    const text = fs.readFileSync(file, 'utf8');
    const resources = await resourcesOf(file);
    const json = JSON.parse(text);
    const { '//': meta, ...attributes } = json.resource.alicloud_resource_manager_policy_attachment.DevCrAll;
    const attachment = byAddress(resources, 'alicloud_resource_manager_policy_attachment.DevCrAll');
    expect(attachment.attributes).toEqual(attributes);
    expect(attachment.location.constructPath).toBe(meta.metadata.path);
    expect(attachment.attributes.principal_name).toBe(
      '${alicloud_ram_user.Dev.name}@${data.alicloud_account.Current.id}.onaliyun.com',
    );
    const lines = text.split('\n');
    for (const r of resources) {
      expect(lines[r.location.line! - 1].trim()).toBe(`${JSON.stringify(r.name)}: {`);
    }
    expect(byAddress(resources, 'data.alicloud_account.Current').mode).toBe(ResourceMode.DATA);
  });

  test('key lines follow the JSON structure, not the text: the same type under resource and data, escapes, one line', () => {
    const text = [
      '{"data": {"t": {"a": {}}},',
      ' "resource": {',
      '   "t": {"x": {"v": "{\\"resource\\": 1}"},',
      '     "a\\u0062": {"nested": {"deep": {}}}}}}',
    ].join('\n');
    const lines = resourceKeyLines(text);
    expect([...lines.entries()]).toEqual([
      [lineKey('data', 't', 'a'), 1],
      [lineKey('resource', 't', 'x'), 3],
      [lineKey('resource', 't', 'ab'), 4],
    ]);
  });
});

describe('plan JSON', () => {
  test('known values from planned_values; an unknown argument becomes the expression of its references', async () => {
    const resources = await resourcesOf(casePaths('constructs-only').plan);
    const grant = resources.find(
      (r) =>
        r.resourceType === 'alicloud_resource_manager_policy_attachment' &&
        String(r.attributes.resource_group_id).includes('${'),
    )!;
    expect(grant.attributes.resource_group_id).toBe('${alicloud_resource_manager_resource_group.TeamB.id}');
    expect(grant.attributes.principal_type).toBe('IMSGroup');
    expect(grant.location).toEqual({ file: casePaths('constructs-only').plan });
    // Computed-only attributes (id) are not configured: not invented.
    expect(resources.every((r) => r.attributes.id === undefined || r.mode === ResourceMode.DATA)).toBe(true);
  });

  const plan = {
    format_version: '1.2',
    planned_values: {
      root_module: {
        resources: [
          {
            address: 'alicloud_ram_user.u',
            mode: 'managed',
            type: 'alicloud_ram_user',
            name: 'u',
            values: { name: 'dev' },
          },
        ],
        child_modules: [
          {
            address: 'module.team["a"]',
            resources: [
              {
                address: 'module.team["a"].alicloud_resource_manager_policy_attachment.rg[0]',
                mode: 'managed',
                type: 'alicloud_resource_manager_policy_attachment',
                name: 'rg',
                index: 0,
                values: { policy_type: 'System', principal_type: 'IMSUser', resource_group_id: null },
              },
            ],
          },
        ],
      },
    },
    resource_changes: [
      {
        address: 'module.team["a"].alicloud_resource_manager_policy_attachment.rg[0]',
        module_address: 'module.team["a"]',
        mode: 'managed',
        type: 'alicloud_resource_manager_policy_attachment',
        name: 'rg',
        index: 0,
        change: {
          actions: ['create'],
          after: {},
          after_unknown: { id: true, principal_name: true, resource_group_id: true, policy_name: true },
        },
      },
    ],
    configuration: {
      root_module: {
        module_calls: {
          team: {
            module: {
              resources: [
                {
                  address: 'alicloud_resource_manager_policy_attachment.rg',
                  mode: 'managed',
                  type: 'alicloud_resource_manager_policy_attachment',
                  name: 'rg',
                  expressions: {
                    policy_name: { constant_value: 'AliyunContainerRegistryReadOnlyAccess' },
                    principal_name: {
                      references: [
                        'var.user.name',
                        'var.user',
                        'data.alicloud_account.this.id',
                        'data.alicloud_account.this',
                      ],
                    },
                    resource_group_id: {
                      references: [
                        'alicloud_resource_manager_resource_group.g.id',
                        'alicloud_resource_manager_resource_group.g',
                      ],
                    },
                  },
                },
              ],
            },
          },
        },
      },
    },
  };

  test('child modules (module path without instance keys for the configuration), instance keys, constant values', () => {
    const [user, rg] = resourcesOfPlan('plan.json', plan);
    expect(resourceAddress(user)).toBe('alicloud_ram_user.u');
    expect(rg.module).toBe('module.team["a"]');
    expect(resourceAddress(rg)).toBe('module.team["a"].alicloud_resource_manager_policy_attachment.rg[0]');
    expect(rg.attributes).toEqual({
      policy_type: 'System',
      principal_type: 'IMSUser',
      policy_name: 'AliyunContainerRegistryReadOnlyAccess',
      principal_name: '${var.user.name}${data.alicloud_account.this.id}',
      resource_group_id: '${alicloud_resource_manager_resource_group.g.id}',
    });
  });

  test('a state in JSON (values instead of planned_values) is read the same way', () => {
    const state = { format_version: '1.0', values: plan.planned_values };
    expect(resourcesOfPlan('state.json', state).map(resourceAddress)).toEqual([
      'alicloud_ram_user.u',
      'module.team["a"].alicloud_resource_manager_policy_attachment.rg[0]',
    ]);
  });
});

describe('.tf files', () => {
  test("the provider documentation's format() principal is evaluated around its unknown parts, as cdktf writes it", async () => {
    const resources = await resourcesOf(casePaths('cr-all-gap').tf);
    const attachment = byAddress(resources, 'alicloud_resource_manager_policy_attachment.dev_cr_all');
    expect(attachment.attributes.principal_name).toBe(
      '${alicloud_ram_user.dev.name}@${data.alicloud_account.current.id}.onaliyun.com',
    );
    expect(attachment.attributes.policy_name).toBe('${alicloud_ram_policy.cr_all.policy_name}');
  });

  test('policy documents: jsonencode of a literal, a literal JSON string and a heredoc become their JSON text', async () => {
    const gap = await resourcesOf(casePaths('cr-all-gap').tf);
    expect(byAddress(gap, 'alicloud_ram_policy.cr_all').attributes.policy_document).toBe(
      '{"Statement":[{"Action":"cr:*","Effect":"Allow","Resource":"*"}],"Version":"1"}',
    );
    const covered = await resourcesOf(casePaths('cr-all-covered').tf);
    const literal = byAddress(covered, 'alicloud_ram_policy.cr_all').attributes.policy_document as string;
    expect(literal).toBe(CR_ALL.render());
    const heredoc = byAddress(covered, 'alicloud_ram_policy.cr_all_account_level').attributes
      .policy_document as string;
    expect(JSON.parse(heredoc)).toEqual(CR_ALL_ACCOUNT_LEVEL.toJson());
  });

  test('anything not literal stays an expression: a variable, file(), an interpolation, jsonencode of a reference', async () => {
    const dir = path.join(tmp, 'exprs');
    fs.mkdirSync(dir);
    fs.writeFileSync(
      path.join(dir, 'main.tf'),
      [
        'resource "alicloud_ram_policy" "a" { policy_document = var.doc }',
        'resource "alicloud_ram_policy" "b" { policy_document = file("policy.json") }',
        'resource "alicloud_ram_policy" "c" { policy_document = "{\\"Version\\":\\"${var.v}\\"}" }',
        'resource "alicloud_ram_policy" "d" {',
        '  policy_document = jsonencode({ Version = "1", Statement = local.statements })',
        '}',
        'resource alicloud_ram_policy e {',
        '  policy_document = <<EOT',
        '{"Version": "${var.v}"}',
        'EOT',
        '}',
        '',
      ].join('\n'),
    );
    const docs = (await resourcesOf(dir)).map((r) => [r.name, r.attributes.policy_document, r.location.line]);
    expect(docs).toEqual([
      ['a', '${var.doc}', 1],
      ['b', '${file("policy.json")}', 2],
      ['c', '{"Version":"${var.v}"}', 3],
      ['d', '${jsonencode({ Version = "1", Statement = local.statements })}', 4],
      ['e', '{"Version": "${var.v}"}\n', 7],
    ]);
  });

  test("only the folder's own .tf and .tf.json files are read, in name order, each resource with its file", async () => {
    const dir = path.join(tmp, 'two');
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'b.tf'), 'resource "alicloud_ram_user" "b" { name = "b" }\n');
    fs.writeFileSync(path.join(dir, 'a.tf'), '\n\nresource "alicloud_ram_user" "a" { name = "a" }\n');
    fs.writeFileSync(path.join(dir, 'sub', 'c.tf'), 'resource "alicloud_ram_user" "c" { name = "c" }\n');
    fs.writeFileSync(
      path.join(dir, 'c.tf.json'),
      JSON.stringify({ resource: { alicloud_ram_user: { c: { name: '${var.c}' } } } }, null, 2),
    );
    const resources = await resourcesOf(dir);
    expect(resources.map((r) => [r.name, r.location])).toEqual([
      ['a', { file: path.join(dir, 'a.tf'), line: 3 }],
      ['b', { file: path.join(dir, 'b.tf'), line: 1 }],
      ['c', { file: path.join(dir, 'c.tf.json'), line: 4, constructPath: undefined }],
    ]);
    expect(resources[2].attributes).toEqual({ name: '${var.c}' });
  });
});

describe('.tf modules', () => {
  test('local modules are read under their module path; registry modules are not', async () => {
    const dir = path.join(tmp, 'modules');
    fs.mkdirSync(path.join(dir, 'team'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'main.tf'),
      'module "team_a" {\n  source = "./team"\n}\nmodule "vpc" {\n  source = "terraform-alicloud-modules/vpc/alicloud"\n}\n',
    );
    fs.writeFileSync(
      path.join(dir, 'team', 'main.tf'),
      'resource "alicloud_ram_user" "dev" {\n  name = var.name\n}\n',
    );
    const [user] = await resourcesOf(dir);
    expect(resourceAddress(user)).toBe('module.team_a.alicloud_ram_user.dev');
    expect(user.attributes).toEqual({ name: '${var.name}' });
    expect(user.location).toEqual({ file: path.join(dir, 'team', 'main.tf'), line: 1 });
  });

  test('a module calling itself, or a source that is not a folder, is an input error naming the call', async () => {
    const dir = path.join(tmp, 'loop');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'main.tf'), 'module "again" {\n  source = "./"\n}\n');
    await expect(resourcesOf(dir)).rejects.toThrow(
      `${path.join(dir, 'main.tf')}: module "again": its source "./" calls itself`,
    );
    fs.writeFileSync(path.join(dir, 'main.tf'), 'module "gone" {\n  source = "./gone"\n}\n');
    await expect(resourcesOf(dir)).rejects.toThrow('module "gone": its source "./gone" is not a folder');
  });
});

describe('HCL literal evaluator', () => {
  test('literals: strings with escapes, numbers, bools, null, tuples, objects with = or :, comments, trailing commas', () => {
    expect(evaluateLiteral('"a\\"b\\\\c\\n\\u00e9 $${x} %%{y}"')).toBe('a"b\\c\né ${x} %{y}');
    expect(evaluateLiteral('[1, -2.5, 1e3, true, false, null,]')).toEqual([1, -2.5, 1000, true, false, null]);
    expect(
      evaluateLiteral(
        '{\n  a = 1 # one\n  "b c": [ "x", ] // two\n  /* three */ d = { e = "f" }, g = "h"\n}',
      ),
    ).toEqual({ a: 1, 'b c': ['x'], d: { e: 'f' }, g: 'h' });
  });

  test('jsonencode renders as Terraform does: compact, object keys in lexical order', () => {
    expect(
      evaluateLiteral(
        'jsonencode({ Version = "1", Statement = [{ Effect = "Allow", Action = ["cr:Get*"] }] })',
      ),
    ).toBe('{"Statement":[{"Action":["cr:Get*"],"Effect":"Allow"}],"Version":"1"}');
    expect(evaluateLiteral('jsonencode(<<-EOT\n    {"a": 1}\n    EOT\n)')).toBe('"{\\"a\\": 1}\\n"');
  });

  test('not literals: references, variables, other functions, interpolation, directives, operators', () => {
    for (const e of [
      'var.x',
      'alicloud_ram_user.dev.name',
      'file("p.json")',
      'jsonencode(var.doc)',
      '"a${var.x}"',
      '"%{if true}x%{endif}"',
      '1 + 2',
      '{ (var.k) = 1 }',
      '[for s in var.l : s]',
      '"unterminated',
    ]) {
      expect(evaluateLiteral(e)).toBeUndefined();
    }
    expect(evaluateLiterals({ a: ['${var.x}', '${"lit"}'], b: '${a.b}${c.d}' })).toEqual({
      a: ['${var.x}', 'lit'],
      b: '${a.b}${c.d}',
    });
  });

  test('property: any JSON value written as an HCL literal evaluates, through jsonencode, to its key-sorted JSON', () => {
    const key = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,8}$/);
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(key, tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    const hcl = (v: unknown): string => {
      // HCL escapes a literal "${" as "$${" (a replacement function: in a replacement string "$$" means "$").
      if (typeof v === 'string')
        return JSON.stringify(v)
          .replace(/\$\{/g, () => '$${')
          .replace(/%\{/g, () => '%%{');
      if (Array.isArray(v)) return `[${v.map(hcl).join(', ')}]`;
      if (v !== null && typeof v === 'object') {
        return `{\n${Object.entries(v)
          .map(([k, x]) => `${k} = ${hcl(x)}`)
          .join('\n')}\n}`;
      }
      return JSON.stringify(v);
    };
    const sorted = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(sorted)
        : v !== null && typeof v === 'object'
          ? Object.fromEntries(
              Object.keys(v)
                .sort()
                .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
            )
          : v;
    fc.assert(
      fc.property(json, (v) => {
        expect(evaluateLiteral(`jsonencode(${hcl(v)})`)).toBe(JSON.stringify(sorted(v)));
      }),
    );
    // The case a run once found: a string holding "${".
    expect(evaluateLiteral(`jsonencode(${hcl({ A: { _: ['${'] } })})`)).toBe('{"A":{"_":["${"]}}');
  });
});
