/**
 * Inputs written to break the CLI's readers (issue 18.6), shared by the fuzz test (a few hundred in
 * `npm test`) and `npm run bench:fuzz` (100,000): random bytes, random JSON, the acceptance fixtures
 * with one value replaced by random JSON or a random policy-shaped document, plans with random format
 * versions and subtrees, HCL-like token soup, .tf fixtures cut and spliced, and deep nesting of every
 * bracket kind. Each input names the command line to run on the file it is written to.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';

/** One fuzz case: what to write, and the arguments to give the CLI (`{file}` is the written path). */
export interface FuzzInput {
  readonly kind: string;
  /** The file's name: `.json`, or `main.tf` (written into its own folder, checked as a folder). */
  readonly fileName: string;
  readonly content: Uint8Array;
  readonly argv: string[];
}

const FILE = '{file}';
const text = (s: string) => new TextEncoder().encode(s);

type Json = { [key: string]: unknown };

/** The fixtures the mutations start from (test/fixtures/check under `root`). */
export interface FuzzBase {
  readonly cdkTfJson: Json;
  readonly cdkTfJsonFile: string;
  readonly plan: Json;
  readonly tf: string;
}

export function loadBase(root: string): FuzzBase {
  const fixtures = path.join(root, 'test', 'fixtures', 'check');
  const cdkTfJsonFile = path.join(fixtures, 'cdktf', 'cr-all-gap', 'cdk.tf.json');
  return {
    cdkTfJson: JSON.parse(fs.readFileSync(cdkTfJsonFile, 'utf8')) as Json,
    cdkTfJsonFile,
    plan: JSON.parse(fs.readFileSync(path.join(fixtures, 'plan', 'cr-all-gap.json'), 'utf8')) as Json,
    tf: fs.readFileSync(path.join(fixtures, 'tf', 'cr-all-gap', 'main.tf'), 'utf8'),
  };
}

const ACTION_LIKE = fc.oneof(
  fc.constantFrom(
    'cr:*',
    'cr:Get*',
    'cr:PullRepository',
    '*',
    'ram:*',
    'cr:*?*?*?*?*Z',
    'CR:getrepository',
    '',
  ),
  fc.string({ maxLength: 30 }),
);

const STATEMENT = fc.record(
  {
    Effect: fc.oneof(fc.constantFrom('Allow', 'Deny', 'allow'), fc.jsonValue({ maxDepth: 2 })),
    Action: fc.oneof(ACTION_LIKE, fc.array(ACTION_LIKE, { maxLength: 8 }), fc.jsonValue({ maxDepth: 3 })),
    NotAction: fc.array(ACTION_LIKE, { maxLength: 4 }),
    Resource: fc.oneof(fc.constantFrom('*', 'acs:cr:*:*:repository/*'), fc.jsonValue({ maxDepth: 3 })),
    NotResource: fc.constantFrom('*', 'acs:cr:*:*:instance/*'),
    Condition: fc.jsonValue({ maxDepth: 5 }),
  },
  { requiredKeys: [] },
);

/** A document shaped like a RAM policy, every part possibly wrong. */
const POLICY_LIKE = fc.record(
  {
    Version: fc.oneof(fc.constant('1'), fc.jsonValue({ maxDepth: 1 })),
    Statement: fc.oneof(fc.array(STATEMENT, { maxLength: 4 }), STATEMENT, fc.jsonValue({ maxDepth: 3 })),
  },
  { requiredKeys: [] },
);

/** A copy of the cdk.tf.json fixture with one attribute (chosen by the indices) set to `value`. */
function withAttribute(base: Json, pick: [number, number, number], value: unknown): Json {
  const copy = JSON.parse(JSON.stringify(base)) as Json;
  const resources = copy.resource as { [type: string]: { [name: string]: Json } };
  const types = Object.keys(resources);
  const byName = resources[types[pick[0] % types.length]];
  const names = Object.keys(byName);
  const body = byName[names[pick[1] % names.length]];
  const keys = [...Object.keys(body), 'extra'];
  body[keys[pick[2] % keys.length]] = value;
  return copy;
}

/** A copy of `base` with the subtree at a random walk replaced by `value`. */
function withSubtree(base: Json, walk: number[], value: unknown): Json {
  const copy = JSON.parse(JSON.stringify(base)) as Json;
  let node: unknown = copy;
  for (const step of walk) {
    if (node === null || typeof node !== 'object') break;
    const keys = Object.keys(node as Json);
    if (keys.length === 0) break;
    const key = keys[step % keys.length];
    const child = (node as Json)[key];
    if (child === null || typeof child !== 'object' || step % 5 === 0) {
      (node as Json)[key] = value;
      return copy;
    }
    node = child;
  }
  return copy;
}

const HCL_TOKENS = [
  'resource',
  'data',
  'module',
  'variable',
  'locals',
  'output',
  '"alicloud_ram_policy"',
  '"alicloud_resource_manager_policy_attachment"',
  '"x"',
  'x',
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  '=',
  ',',
  '.',
  '\n',
  ' ',
  '"',
  '${',
  '%{',
  '}',
  'jsonencode(',
  'format(',
  '"%s"',
  'var.x',
  'local.y',
  'each.key',
  'count.index',
  'for',
  'in',
  ':',
  '=>',
  '?',
  '"cr:*"',
  '"*"',
  'policy_document',
  'policy_name',
  'source',
  '"./"',
  '"../"',
  '<<EOF\n',
  '<<-EOT\n',
  '\nEOF\n',
  '#',
  '//',
  '/*',
  '*/',
  '\\',
  '\u0000',
  '\ufeff',
  '1e999',
  '-',
  '!',
];

export function fuzzInputs(base: FuzzBase): fc.Arbitrary<FuzzInput> {
  const json = (kind: string, value: unknown, argv: string[] = ['check', FILE, '--format', 'json']) => ({
    kind,
    fileName: 'input.json',
    content: text(JSON.stringify(value) ?? 'null'),
    argv,
  });
  const tf = (kind: string, source: string) => ({
    kind,
    fileName: 'main.tf',
    content: text(source),
    argv: ['check', FILE],
  });
  const pick = fc.tuple(fc.nat(), fc.nat(), fc.nat());
  return fc.oneof(
    fc
      .uint8Array({ maxLength: 1024 })
      .map((content) => ({ kind: 'bytes', fileName: 'input.json', content, argv: ['check', FILE] })),
    fc.jsonValue({ maxDepth: 6 }).map((v) => json('json', v)),
    fc.jsonValue({ maxDepth: 6 }).map((v) => json('json-explain', v, ['explain', FILE])),
    POLICY_LIKE.map((d) => json('policy-explain', d, ['explain', FILE, '--format', 'json'])),
    fc
      .tuple(pick, fc.jsonValue({ maxDepth: 5 }))
      .map(([p, v]) => json('config-value', withAttribute(base.cdkTfJson, p, v))),
    fc.tuple(pick, POLICY_LIKE, fc.constantFrom('check', 'who-can', 'diff')).map(([p, d, command]) => {
      const config = withAttribute(base.cdkTfJson, p, JSON.stringify(d));
      const argv = {
        check: ['check', FILE, '--format', 'sarif'],
        'who-can': ['who-can', 'cr:PushRepository', FILE, '--format', 'json'],
        diff: ['diff', base.cdkTfJsonFile, FILE, '--format', 'markdown'],
      }[command];
      return json(`config-policy-${command}`, config, argv);
    }),
    fc
      .tuple(
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.jsonValue({ maxDepth: 4 }),
        fc.option(fc.string({ maxLength: 6 })),
      )
      .map(([walk, v, version]) =>
        json('plan', {
          ...withSubtree(base.plan, walk, v),
          ...(version === null ? {} : { format_version: version }),
        }),
      ),
    fc
      .array(fc.constantFrom(...HCL_TOKENS), { maxLength: 80 })
      .map((tokens) => tf('hcl-tokens', tokens.join(' '))),
    fc.tuple(fc.nat(), fc.nat(), fc.string({ maxLength: 40 })).map(([at, cut, insert]) => {
      const i = at % (base.tf.length + 1);
      return tf('tf-splice', `${base.tf.slice(0, i)}${insert}${base.tf.slice(i + (cut % 50))}`);
    }),
    fc
      .tuple(fc.integer({ min: 0, max: 20000 }), fc.constantFrom('[]', '{}', '()'), fc.boolean())
      .map(([depth, [open, close], asTf]) => {
        const inner =
          open === '{'
            ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
            : `${open.repeat(depth)}1${close.repeat(depth)}`;
        return asTf
          ? tf('deep-tf', `resource "alicloud_ram_policy" "p" {\n  policy_name = "p"\n  x = ${inner}\n}\n`)
          : {
              kind: 'deep-json',
              fileName: 'input.json',
              content: text(`{"resource":{"alicloud_ram_policy":{"p":{"x":${inner}}}}}`),
              argv: ['check', FILE],
            };
      }),
  );
}

/** Writes `input` under `dir` (a .tf input in its own module folder) and returns the CLI arguments. */
export function materialize(dir: string, input: FuzzInput): string[] {
  const folder = path.join(dir, 'case');
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, input.fileName);
  fs.writeFileSync(file, input.content);
  const target = input.fileName.endsWith('.tf') ? folder : file;
  return input.argv.map((a) => (a === FILE ? target : a));
}

/** True when a run's answer is one the CLI documents: exit 0, 1 or 2, and no internal error or trace. */
export function isCleanAnswer(code: number, stderr: string): boolean {
  return [0, 1, 2].includes(code) && !/internal error|\n\s+at /.test(stderr);
}
