/**
 * Type constraints of input variables (Terraform documentation, "Type Constraints"): a value given to a
 * variable is converted to its type, so `optional(string, "Custom")` attributes left out of an object
 * get their default (null without one), and numbers and bools given to `string` become strings. Only
 * what changes a value is applied; a value that does not fit is left as given (Terraform would reject
 * the plan; the attribute that uses it then fails to evaluate and stays unknown).
 */
import { toStringValue } from './convert';
import type { Node } from './syntax';
import { isUnknown, type Value } from './value';

/** `value` converted to the type constraint `type` (a variable's `type` expression). */
export function convertToType(value: Value, type: Node | undefined, depth = 0): Value {
  if (type === undefined || isUnknown(value) || value === null || depth > 32) return value;
  if (type.kind === 'variable') {
    if (type.name === 'string' && (typeof value === 'number' || typeof value === 'boolean'))
      return toStringValue(value);
    return value;
  }
  if (type.kind !== 'call' || type.args.length === 0) return value;
  const [inner, fallback] = type.args;
  switch (type.name) {
    case 'list':
    case 'set':
      return Array.isArray(value) ? value.map((v) => convertToType(v, inner, depth + 1)) : value;
    case 'map':
      if (typeof value !== 'object' || Array.isArray(value)) return value;
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, convertToType(v, inner, depth + 1)]),
      );
    case 'optional':
      return convertToType(value, inner, depth + 1);
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value) || inner.kind !== 'object') return value;
      const out: { [key: string]: Value } = { ...value };
      for (const [keyNode, attrType] of inner.items) {
        if (keyNode.kind !== 'literal' || typeof keyNode.value !== 'string') continue;
        const key = keyNode.value;
        if (key in out) out[key] = convertToType(out[key], attrType, depth + 1);
        else if (attrType.kind === 'call' && attrType.name === 'optional')
          out[key] = attrType.args[1] === undefined ? null : literalOf(attrType.args[1]);
      }
      return out;
    }
    default:
      return fallback === undefined ? value : value;
  }
}

/** A default written in a type constraint: a literal (Terraform requires a constant there). */
function literalOf(node: Node): Value {
  if (node.kind === 'literal') return node.value;
  if (node.kind === 'template' && node.parts.every((p) => typeof p === 'string')) return node.parts.join('');
  if (node.kind === 'tuple') return node.items.map(literalOf);
  if (node.kind === 'object')
    return Object.fromEntries(
      node.items.map(([k, v]) => [k.kind === 'literal' ? String(k.value) : '', literalOf(v)]),
    );
  return null;
}
