/**
 * Terraform's conversions between value types (strings from numbers and bools, bools and numbers from
 * strings), iteration order (lists by index, maps by sorted key), and the size bounds every result
 * passes through (value.ts LIMITS).
 */
import { HclError, LIMITS, LimitError, typeName, Unknown, type Value, isUnknown } from './value';

/** Template pieces as a string, or an Unknown whose template keeps the known text (value.ts). */
export function joinPieces(pieces: (string | Unknown)[]): Value {
  const unknown = pieces.find(isUnknown);
  if (unknown === undefined) return limitString(pieces.join(''));
  const template = pieces
    .map((p) =>
      typeof p === 'string'
        ? p.replace(/\$\{/g, '$${').replace(/%\{/g, '%%{')
        : (p.template ?? `\${${p.text}}`),
    )
    .join('');
  const text = `"${pieces
    .map((p) =>
      typeof p === 'string' ? JSON.stringify(p).slice(1, -1).replace(/\$\{/g, '$${') : `\${${p.text}}`,
    )
    .join('')}"`;
  return new Unknown(text, unknown.reason, template);
}

export function limitString(s: string): string {
  if (s.length > LIMITS.stringLength)
    throw new LimitError(`a string is longer than ${LIMITS.stringLength} characters`);
  return s;
}

export function limitSize<T extends Value[] | { [key: string]: Value }>(v: T): T {
  const n = Array.isArray(v) ? v.length : Object.keys(v).length;
  if (n > LIMITS.collectionSize)
    throw new LimitError(`a collection has more than ${LIMITS.collectionSize} elements`);
  return v;
}

/** The (key, value) pairs of a list (index keys) or an object (sorted keys, as Terraform iterates maps). */
export function iterate(v: Value): [Value, Value][] {
  if (Array.isArray(v)) return v.map((x, i) => [i, x]);
  if (v !== null && typeof v === 'object' && !isUnknown(v))
    return Object.keys(v)
      .sort()
      .map((k) => [k, v[k]]);
  throw new HclError(`cannot iterate over a ${typeName(v)}`);
}

export function toBool(v: Value): boolean {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  throw new HclError(`a ${typeName(v)} is not a bool`);
}

export function toNumber(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(v.trim())) return Number(v);
  throw new HclError(`a ${typeName(v)} is not a number`);
}

/** A primitive as a string, as Terraform converts it in templates and string arguments. */
export function toStringValue(v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new HclError(`a ${typeName(v)} cannot be used as a string`);
}
