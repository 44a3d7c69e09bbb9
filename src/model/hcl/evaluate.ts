/**
 * Evaluates HCL expressions and templates (syntax.ts) as Terraform does before apply, over what the
 * module knows (hcl/module.ts gives variables, locals, count/each, module outputs). Rules:
 *   1. A value is known, or an Unknown that keeps its expression (value.ts). An operation on an unknown
 *      operand is unknown; so are resource attributes, data sources and anything not computed here,
 *      with the reason. A collection holding an unknown element still has a known length and keys.
 *   2. A conditional with a known condition evaluates only the branch taken (Terraform's result).
 *   3. A type error or a call Terraform would reject is an HclError; the attribute becomes unknown
 *      with that reason (Terraform would fail the plan; the check reports the attachment as not checked).
 *   4. Bounds (value.ts LIMITS): collection sizes, string lengths and a step budget per configuration.
 */
import { iterate, joinPieces, limitSize, toBool, toNumber, toStringValue } from './convert';
import { callFunction, type FunctionContext } from './functions';
import { type Node, SPLAT_ITEM, type TemplatePart } from './syntax';
import {
  firstUnknown,
  HclError,
  hclLiteral,
  isKnown,
  isUnknown,
  LIMITS,
  LimitError,
  REF_MARK,
  REF_MARK_END,
  typeName,
  Unknown,
  type Value,
} from './value';

/** What an expression can name, given by the module being evaluated. */
export interface Environment extends FunctionContext {
  /** `var.<name>`, `local.<name>`, `module.<name>`, `count.index`, `each.key`, `path.module`, ...; undefined: not defined. */
  named(root: string, name: string): Value | undefined;
  /** The module path references are written in (`''`: the root module). */
  readonly module: string;
  /** Steps left for the whole configuration (shared, counted down). */
  readonly budget: { steps: number };
}

/** Roots that name something of the module itself; any other root is a resource type. */
const MODULE_ROOTS = new Set(['var', 'local', 'module', 'count', 'each', 'path', 'terraform', 'self']);

type Bindings = ReadonlyMap<string, Value>;

export class Evaluator {
  public constructor(private readonly env: Environment) {}

  public evaluate(node: Node, bound: Bindings = new Map()): Value {
    if (--this.env.budget.steps < 0)
      throw new LimitError(`the evaluation took more than ${LIMITS.steps} steps`);
    switch (node.kind) {
      case 'literal':
        return node.value;
      case 'template':
        return this.template(node.parts, bound);
      case 'variable':
        return this.variable(node.name, bound);
      case 'attribute':
        return this.attribute(node, bound);
      case 'index':
        return index(this.evaluate(node.target, bound), this.evaluate(node.key, bound));
      case 'splat':
        return this.splat(node.target, node.each, bound);
      case 'call':
        return this.call(node, bound);
      case 'tuple':
        return limitSize(node.items.map((i) => this.evaluate(i, bound)));
      case 'object':
        return this.object(node.items, bound);
      case 'conditional': {
        const test = this.evaluate(node.test, bound);
        if (isUnknown(test))
          return new Unknown(
            `${test.text} ? ${hclLiteral(this.evaluate(node.then, bound))} : ${hclLiteral(this.evaluate(node.otherwise, bound))}`,
            test.reason,
          );
        return this.evaluate(toBool(test) ? node.then : node.otherwise, bound);
      }
      case 'unary':
        return unary(node.op, this.evaluate(node.operand, bound));
      case 'binary':
        return binary(node.op, this.evaluate(node.left, bound), this.evaluate(node.right, bound));
      case 'for':
        return this.forExpression(node, bound);
    }
  }

  private variable(name: string, bound: Bindings): Value {
    const local = bound.get(name);
    if (local !== undefined) return local;
    if (MODULE_ROOTS.has(name)) throw new HclError(`"${name}" must be followed by an attribute`);
    const mark = `${REF_MARK}${this.env.module}${REF_MARK_END}`;
    return new Unknown(
      `${mark}${name}`,
      name === 'data' ? 'a data source is read at apply time' : 'a resource attribute is known after apply',
    );
  }

  private attribute(node: Extract<Node, { kind: 'attribute' }>, bound: Bindings): Value {
    if (
      node.target.kind === 'variable' &&
      MODULE_ROOTS.has(node.target.name) &&
      !bound.has(node.target.name)
    ) {
      const v = this.env.named(node.target.name, node.name);
      if (v === undefined) throw new HclError(`${node.target.name}.${node.name} is not defined`);
      return v;
    }
    return attribute(this.evaluate(node.target, bound), node.name);
  }

  private splat(target: Node, each: Node, bound: Bindings): Value {
    const v = this.evaluate(target, bound);
    if (isUnknown(v)) return new Unknown(`${v.text}[*]`, v.reason);
    const items = v === null ? [] : Array.isArray(v) ? v : [v];
    return items.map((item) => this.evaluate(each, new Map([...bound, [SPLAT_ITEM, item]])));
  }

  private call(node: Extract<Node, { kind: 'call' }>, bound: Bindings): Value {
    if (node.name === 'try' || node.name === 'can') return this.tryCall(node, bound);
    let args = node.args.map((a) => this.evaluate(a, bound));
    if (node.expand) {
      const last = args[args.length - 1];
      if (isUnknown(last)) return new Unknown(`${node.name}(...)`, last.reason);
      if (!Array.isArray(last))
        throw new HclError(`the argument expanded with ... in ${node.name}() is not a list`);
      args = [...args.slice(0, -1), ...last];
    }
    return callFunction(node.name, args, this.env);
  }

  /** try(): the first argument that evaluates without error; can(): whether the first one does. */
  private tryCall(node: Extract<Node, { kind: 'call' }>, bound: Bindings): Value {
    for (const arg of node.args) {
      try {
        const v = this.evaluate(arg, bound);
        if (isUnknown(v) && node.name === 'try') return v;
        return node.name === 'can'
          ? isKnown(v)
            ? true
            : new Unknown(`can(${hclLiteral(v)})`, firstUnknown(v)!.reason)
          : v;
      } catch (e) {
        if (!(e instanceof HclError)) throw e;
        if (node.name === 'can') return false;
      }
    }
    throw new HclError('no argument of try() could be evaluated');
  }

  private object(items: [Node, Node][], bound: Bindings): Value {
    const out: { [key: string]: Value } = {};
    const unknownKeys: string[] = [];
    for (const [k, v] of items) {
      const key = this.evaluate(k, bound);
      const value = this.evaluate(v, bound);
      if (isUnknown(key)) {
        unknownKeys.push(`(${key.text}) = ${hclLiteral(value)}`);
        continue;
      }
      out[toStringValue(key)] = value;
    }
    if (unknownKeys.length > 0)
      return new Unknown(`{${unknownKeys.join(', ')}}`, 'an object key is not known');
    return limitSize(out);
  }

  private forExpression(node: Extract<Node, { kind: 'for' }>, bound: Bindings): Value {
    const collection = this.evaluate(node.collection, bound);
    if (isUnknown(collection)) return new Unknown(`[for ... in ${collection.text}]`, collection.reason);
    const entries = iterate(collection);
    const tuple: Value[] = [];
    const object: { [key: string]: Value } = {};
    const groups: { [key: string]: Value[] } = {};
    for (const [k, v] of entries) {
      const scope = new Map(bound);
      if (node.keyVar !== undefined) scope.set(node.keyVar, k);
      scope.set(node.valueVar, v);
      if (node.condition !== undefined) {
        const c = this.evaluate(node.condition, scope);
        if (isUnknown(c)) return new Unknown(`[for ... if ${c.text}]`, c.reason);
        if (!toBool(c)) continue;
      }
      const value = this.evaluate(node.value, scope);
      if (!node.object) {
        tuple.push(value);
        continue;
      }
      const key = this.evaluate(node.key!, scope);
      if (isUnknown(key)) return new Unknown(`{for ... : ${key.text} => ...}`, 'an object key is not known');
      const name = toStringValue(key);
      if (node.group) (groups[name] ??= []).push(value);
      else if (name in object)
        throw new HclError(`duplicate object key "${name}" in a for expression (use ... to group)`);
      else object[name] = value;
    }
    if (!node.object) return limitSize(tuple);
    return limitSize(node.group ? groups : object);
  }

  private template(parts: TemplatePart[], bound: Bindings): Value {
    // A template of one interpolation is its value, unconverted (HCL spec, "Template Interpolation").
    if (parts.length === 1 && typeof parts[0] !== 'string' && parts[0].kind === 'interpolation') {
      return this.evaluate(parts[0].expression, bound);
    }
    const pieces: (string | Unknown)[] = [];
    this.templateParts(parts, bound, pieces);
    return joinPieces(pieces);
  }

  private templateParts(parts: TemplatePart[], bound: Bindings, out: (string | Unknown)[]): void {
    for (const part of parts) {
      if (typeof part === 'string') out.push(part);
      else if (part.kind === 'interpolation') {
        const v = this.evaluate(part.expression, bound);
        out.push(isUnknown(v) ? v : toStringValue(v));
      } else if (part.kind === 'if') {
        const test = this.evaluate(part.test, bound);
        if (isUnknown(test)) {
          out.push(new Unknown(`"%{if ${test.text}}...%{endif}"`, test.reason));
          continue;
        }
        this.templateParts(toBool(test) ? part.then : part.otherwise, bound, out);
      } else {
        const collection = this.evaluate(part.collection, bound);
        if (isUnknown(collection)) {
          out.push(new Unknown(`"%{for ... in ${collection.text}}...%{endfor}"`, collection.reason));
          continue;
        }
        for (const [k, v] of iterate(collection)) {
          const scope = new Map(bound);
          if (part.keyVar !== undefined) scope.set(part.keyVar, k);
          scope.set(part.valueVar, v);
          this.templateParts(part.body, scope, out);
        }
      }
      if (out.length > LIMITS.collectionSize)
        throw new LimitError(`a template has more than ${LIMITS.collectionSize} parts`);
    }
  }
}

function attribute(target: Value, name: string): Value {
  if (isUnknown(target)) return new Unknown(`${target.text}.${name}`, target.reason);
  if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
    if (name in target) return target[name];
    throw new HclError(`the object has no attribute "${name}"`);
  }
  throw new HclError(`a ${typeName(target)} has no attribute "${name}"`);
}

function index(target: Value, key: Value): Value {
  if (isUnknown(target)) {
    const k = isUnknown(key) ? key.text : isKnown(key) ? hclLiteral(key) : '?';
    return new Unknown(`${target.text}[${k}]`, target.reason);
  }
  if (isUnknown(key)) return new Unknown(`${hclLiteral(target)}[${key.text}]`, key.reason);
  if (Array.isArray(target)) {
    const i = toNumber(key);
    if (!Number.isInteger(i) || i < 0 || i >= target.length)
      throw new HclError(`index ${i} is out of range for a list of ${target.length} elements`);
    return target[i];
  }
  if (target !== null && typeof target === 'object') {
    const k = toStringValue(key);
    if (Object.prototype.hasOwnProperty.call(target, k)) return target[k];
    throw new HclError(`the map has no element "${k}"`);
  }
  throw new HclError(`a ${typeName(target)} cannot be indexed`);
}

function unary(op: '!' | '-', v: Value): Value {
  if (isUnknown(v)) return new Unknown(`${op}${v.text}`, v.reason);
  return op === '!' ? !toBool(v) : -toNumber(v);
}

function equal(a: Value, b: Value): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function binary(op: string, l: Value, r: Value): Value {
  if (!isKnown(l) || !isKnown(r)) {
    const u = firstUnknown(l) ?? firstUnknown(r)!;
    return new Unknown(`${hclLiteral(l)} ${op} ${hclLiteral(r)}`, u.reason);
  }
  switch (op) {
    case '||':
      return toBool(l) || toBool(r);
    case '&&':
      return toBool(l) && toBool(r);
    case '==':
      return equal(l, r);
    case '!=':
      return !equal(l, r);
  }
  const a = toNumber(l);
  const b = toNumber(r);
  switch (op) {
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '>=':
      return a >= b;
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      if (b === 0) throw new HclError('division by zero');
      return a / b;
    default:
      if (b === 0) throw new HclError('modulo by zero');
      return a % b;
  }
}
