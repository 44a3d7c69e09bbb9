/**
 * Every generated resource and data source type, built with only its required attributes, synthesizes
 * them and passes the schema validator; the provider block carries the version constraint.
 */

import { type App, TerraformStack, Testing } from '../../src/core-lib';
import * as alicloud from '../../src/generated/alicloud';
import { loadProviderSchema } from '../support/schema-validator';
import { synth } from '../support/synth';

type Json = Record<string, unknown>;

// The generator's own rule for config keys: snake_case → camelCase.
const camel = (snake: string) => snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

function sample(type: unknown): unknown {
  if (type === 'string') return 'example';
  if (type === 'number') return 1;
  if (type === 'bool') return true;
  return ['example'];
}

interface GeneratedClass {
  tfResourceType: string;
  new (scope: App | TerraformStack, id: string, config: Json): unknown;
}

const classes: GeneratedClass[] = Object.values(alicloud)
  .flatMap((mod) => Object.values(mod as Json))
  .filter(
    (c): c is GeneratedClass =>
      typeof c === 'function' && typeof (c as unknown as Json).tfResourceType === 'string',
  );

const schema = loadProviderSchema();
const blockOf = (type: string) => (schema.resource_schemas[type] ?? schema.data_source_schemas[type])?.block;

test('there is a generated class for every type in the schema, and no other', () => {
  const types = classes.map((c) => c.tfResourceType).filter((t) => t !== 'alicloud');
  const expected = [...Object.keys(schema.resource_schemas), ...Object.keys(schema.data_source_schemas)];
  expect([...new Set(types)].sort()).toEqual(expected.sort());
});

test.each(classes.filter((c) => c.tfResourceType !== 'alicloud').map((c) => [c.tfResourceType, c] as const))(
  '%s synthesizes with its required attributes and passes the validator',
  (type, Class) => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'stack');
    new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
    const required = Object.entries(blockOf(type)?.attributes ?? {}).filter(([, a]) => a.required);
    const config = Object.fromEntries(required.map(([name, a]) => [camel(name), sample(a.type)]));
    new Class(stack, 'subject', config);
    const out = synth(stack);
    const kind = type in schema.resource_schemas ? 'resource' : 'data';
    const body = out[kind][type].subject;
    expect(Object.keys(body).sort()).toEqual(required.map(([name]) => name).sort());
  },
);

test('the provider requirement names the short source and the release the schema was transcribed from', () => {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'stack');
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  const versions = Object.values(
    require('../../schema/alicloud-provider-schema.json').provider_versions as Record<string, string>,
  );
  expect(synth(stack).terraform.required_providers.alicloud).toEqual({
    source: 'aliyun/alicloud',
    version: versions[0],
  });
});
