/**
 * A JSON Schema (draft-04) validator for the keywords the SARIF 2.1.0 schema uses: type, $ref to
 * `#/definitions/...`, properties, additionalProperties, required, items, minItems, uniqueItems,
 * minimum, maximum, pattern, format (uri, uri-reference, date-time), enum, anyOf, oneOf; annotations
 * (description, default, title, id, $schema) are skipped. Any other keyword is an error, so a schema
 * that needs more than this cannot pass by being half-read. Written for the tests, instead of a
 * dependency: the subset is small and the schema is fixed.
 */
type Schema = { [keyword: string]: any };

const ANNOTATIONS = new Set(['description', 'default', 'title', 'id', '$schema', 'definitions']);
const KEYWORDS = new Set([
  'type',
  '$ref',
  'properties',
  'additionalProperties',
  'required',
  'items',
  'minItems',
  'uniqueItems',
  'minimum',
  'maximum',
  'pattern',
  'format',
  'enum',
  'anyOf',
  'oneOf',
]);

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function hasType(v: unknown, t: string): boolean {
  const actual = typeOf(v);
  return actual === t || (t === 'number' && actual === 'integer');
}

const FORMATS: { [format: string]: (s: string) => boolean } = {
  uri: (s) => /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/.test(s),
  'uri-reference': (s) => !/\s/.test(s),
  'date-time': (s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s),
};

/** Every violation of `schema` by `value`, as `<JSON pointer>: <problem>`; empty when valid. */
export function validate(root: Schema, value: unknown): string[] {
  return errorsOf(root, root, value, '');
}

function errorsOf(root: Schema, top: Schema, value: unknown, path: string): string[] {
  const errors: string[] = [];
  const check = (schema: Schema, v: unknown, at: string): void => {
    for (const k of Object.keys(schema)) {
      if (!KEYWORDS.has(k) && !ANNOTATIONS.has(k))
        throw new Error(`unsupported schema keyword "${k}" at ${at}`);
    }
    if (schema.$ref !== undefined) {
      const m = /^#\/definitions\/(.+)$/.exec(schema.$ref);
      if (m === null || root.definitions?.[m[1]] === undefined)
        throw new Error(`unresolvable $ref ${schema.$ref}`);
      check(root.definitions[m[1]], v, at);
    }
    if (schema.type !== undefined) {
      const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
      if (!types.some((t) => hasType(v, t))) {
        errors.push(`${at}: expected ${types.join(' or ')}, got ${typeOf(v)}`);
        return;
      }
    }
    if (
      schema.enum !== undefined &&
      !schema.enum.some((e: unknown) => JSON.stringify(e) === JSON.stringify(v))
    ) {
      errors.push(`${at}: ${JSON.stringify(v)} is not one of ${JSON.stringify(schema.enum)}`);
    }
    if (typeof v === 'string') {
      if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(v)) {
        errors.push(`${at}: "${v}" does not match ${schema.pattern}`);
      }
      if (schema.format !== undefined) {
        const f = FORMATS[schema.format];
        if (f === undefined) throw new Error(`unsupported format "${schema.format}"`);
        if (!f(v)) errors.push(`${at}: "${v}" is not a ${schema.format}`);
      }
    }
    if (typeof v === 'number') {
      if (schema.minimum !== undefined && v < schema.minimum) errors.push(`${at}: ${v} < ${schema.minimum}`);
      if (schema.maximum !== undefined && v > schema.maximum) errors.push(`${at}: ${v} > ${schema.maximum}`);
    }
    if (Array.isArray(v)) {
      if (schema.minItems !== undefined && v.length < schema.minItems) {
        errors.push(`${at}: ${v.length} items, fewer than ${schema.minItems}`);
      }
      if (schema.uniqueItems === true && new Set(v.map((x) => JSON.stringify(x))).size !== v.length) {
        errors.push(`${at}: items are not unique`);
      }
      if (schema.items !== undefined) v.forEach((x, i) => check(schema.items, x, `${at}/${i}`));
    }
    if (typeOf(v) === 'object') {
      const obj = v as { [key: string]: unknown };
      for (const r of schema.required ?? []) if (!(r in obj)) errors.push(`${at}: missing required "${r}"`);
      for (const [k, x] of Object.entries(obj)) {
        const sub = schema.properties?.[k];
        if (sub !== undefined) check(sub, x, `${at}/${k}`);
        else if (schema.additionalProperties === false) errors.push(`${at}: unexpected property "${k}"`);
        else if (typeof schema.additionalProperties === 'object')
          check(schema.additionalProperties, x, `${at}/${k}`);
      }
    }
    const passes = (s: Schema) => errorsOf(root, s, v, at).length === 0;
    if (schema.anyOf !== undefined && !schema.anyOf.some(passes)) errors.push(`${at}: matches none of anyOf`);
    if (schema.oneOf !== undefined && schema.oneOf.filter(passes).length !== 1) {
      errors.push(`${at}: does not match exactly one of oneOf`);
    }
  };
  check(top, value, path);
  return errors;
}
