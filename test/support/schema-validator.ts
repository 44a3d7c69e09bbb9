/**
 * Offline stand-in for `terraform validate` (no terraform binary here): checks every provider
 * configuration, resource and data source of a synthesized stack against the committed provider
 * schema. It reports, with the JSON path of each:
 *   - an unknown resource or data source type;
 *   - an unknown attribute or block;
 *   - a missing required attribute, or a required block with too few items;
 *   - a value of the wrong type (a `${...}` reference is accepted for any type);
 *   - a computed-only attribute that is set.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const SCHEMA_FILE = path.join(__dirname, '..', '..', 'schema', 'alicloud-provider-schema.json');
const PROVIDER_ADDRESS = 'registry.terraform.io/aliyun/alicloud';

type SchemaType = string | [string, SchemaType] | [string, { [k: string]: SchemaType }];

interface SchemaAttribute {
  type: SchemaType;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
}

interface SchemaBlockType {
  nesting_mode: 'single' | 'list' | 'set' | 'map' | 'group';
  block: SchemaBlock;
  min_items?: number;
  max_items?: number;
}

interface SchemaBlock {
  attributes?: { [name: string]: SchemaAttribute };
  block_types?: { [name: string]: SchemaBlockType };
}

export interface ProviderSchema {
  provider: { block: SchemaBlock };
  resource_schemas: { [type: string]: { block: SchemaBlock } };
  data_source_schemas: { [type: string]: { block: SchemaBlock } };
}

export interface SchemaViolation {
  /** JSON path inside the synthesized stack, e.g. `resource.alicloud_ram_user.dev.name`. */
  readonly path: string;
  readonly message: string;
}

const RESOURCE_META = [
  'count',
  'for_each',
  'depends_on',
  'provider',
  'lifecycle',
  'connection',
  'provisioner',
  '//',
];
const PROVIDER_META = ['alias', '//'];

let cached: ProviderSchema | undefined;

/** The committed alicloud provider schema. */
export function loadProviderSchema(): ProviderSchema {
  cached ??= JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')).provider_schemas[PROVIDER_ADDRESS];
  return cached!;
}

function isReference(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}

function typeName(t: SchemaType): string {
  return typeof t === 'string'
    ? t
    : `${t[0]}(${typeof t[1] === 'string' || Array.isArray(t[1]) ? typeName(t[1] as SchemaType) : 'object'})`;
}

function checkType(value: unknown, t: SchemaType, at: string, out: SchemaViolation[]): void {
  if (isReference(value)) return;
  if (!hasType(value, t)) {
    out.push({ path: at, message: `expected ${typeName(t)}, got ${JSON.stringify(value)}` });
    return;
  }
  if (typeof t === 'string') return;
  const [kind, inner] = t;
  if (kind === 'list' || kind === 'set') {
    for (const [i, v] of (value as unknown[]).entries())
      checkType(v, inner as SchemaType, `${at}[${i}]`, out);
    return;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (kind === 'map') checkType(v, inner as SchemaType, `${at}.${k}`, out);
    else if (!(k in (inner as object))) out.push({ path: `${at}.${k}`, message: 'unknown object attribute' });
    else checkType(v, (inner as { [k: string]: SchemaType })[k], `${at}.${k}`, out);
  }
}

/** The shape check of one value against one schema type (not its elements). */
function hasType(value: unknown, t: SchemaType): boolean {
  if (t === 'string') return ['string', 'number', 'boolean'].includes(typeof value);
  if (t === 'number')
    return typeof value === 'number' || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value));
  if (t === 'bool') return typeof value === 'boolean' || value === 'true' || value === 'false';
  if (typeof t === 'string') return true;
  if (t[0] === 'list' || t[0] === 'set') return Array.isArray(value);
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkBlock(
  body: unknown,
  block: SchemaBlock,
  at: string,
  meta: string[],
  out: SchemaViolation[],
): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    out.push({ path: at, message: `expected a block (object), got ${JSON.stringify(body)}` });
    return;
  }
  const attributes = block.attributes ?? {};
  const blocks = block.block_types ?? {};
  const values = body as Record<string, unknown>;
  for (const [name, value] of Object.entries(values)) {
    const where = `${at}.${name}`;
    if (meta.includes(name)) continue;
    const attribute = attributes[name];
    if (attribute !== undefined) {
      if (attribute.computed && !attribute.optional && !attribute.required) {
        out.push({ path: where, message: 'computed-only attribute cannot be set' });
      }
      checkType(value, attribute.type, where, out);
      continue;
    }
    const nested = blocks[name];
    if (nested === undefined) {
      out.push({ path: where, message: 'unknown attribute or block' });
      continue;
    }
    if (isReference(value)) continue;
    const items = nested.nesting_mode === 'single' || !Array.isArray(value) ? [value] : value;
    if (nested.max_items !== undefined && items.length > nested.max_items) {
      out.push({ path: where, message: `at most ${nested.max_items} block(s) allowed, got ${items.length}` });
    }
    for (const [i, item] of items.entries()) {
      checkBlock(item, nested.block, Array.isArray(value) ? `${where}[${i}]` : where, [], out);
    }
  }
  for (const [name, attribute] of Object.entries(attributes)) {
    if (attribute.required && values[name] === undefined) {
      out.push({ path: `${at}.${name}`, message: 'missing required attribute' });
    }
  }
  for (const [name, nested] of Object.entries(blocks)) {
    const value = values[name];
    const count = value === undefined ? 0 : Array.isArray(value) ? value.length : 1;
    if ((nested.min_items ?? 0) > count) {
      out.push({
        path: `${at}.${name}`,
        message: `at least ${nested.min_items} block(s) required, got ${count}`,
      });
    }
  }
}

/** Every schema violation in a synthesized stack (the parsed or raw `cdk.tf.json`). */
export function validateStack(
  stack: unknown,
  schema: ProviderSchema = loadProviderSchema(),
): SchemaViolation[] {
  const json = (typeof stack === 'string' ? JSON.parse(stack) : stack) as Record<
    string,
    Record<string, unknown>
  >;
  const out: SchemaViolation[] = [];
  for (const [name, configs] of Object.entries(json.provider ?? {})) {
    if (name !== 'alicloud') continue;
    const list = Array.isArray(configs) ? configs : [configs];
    for (const [i, c] of list.entries()) {
      checkBlock(c, schema.provider.block, `provider.alicloud[${i}]`, PROVIDER_META, out);
    }
  }
  const kinds: [string, { [type: string]: { block: SchemaBlock } }][] = [
    ['resource', schema.resource_schemas],
    ['data', schema.data_source_schemas],
  ];
  for (const [kind, schemas] of kinds) {
    for (const [type, instances] of Object.entries(json[kind] ?? {})) {
      if (!type.startsWith('alicloud_')) continue;
      const s = schemas[type];
      for (const [name, body] of Object.entries(instances as Record<string, unknown>)) {
        if (s === undefined)
          out.push({ path: `${kind}.${type}.${name}`, message: `unknown ${kind} type ${type}` });
        else checkBlock(body, s.block, `${kind}.${type}.${name}`, RESOURCE_META, out);
      }
    }
  }
  return out;
}
