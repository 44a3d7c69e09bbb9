/**
 * Terraform's built-in functions that configurations use to build names and policy documents
 * (Terraform documentation, "Functions", developer.hashicorp.com/terraform/language/functions, read
 * December 2026), with Terraform's results on known arguments. Rules:
 *   - an unknown argument makes the result unknown (except length/keys of a collection whose elements
 *     are unknown, which Terraform knows), and jsonencode keeps the known structure (value.ts Unknown
 *     template) so a literal Action list stays readable;
 *   - results are bounded (range, formatlist, strrev... LIMITS); regular expressions are not run
 *     (regex, regexall, replace with /.../): a pull request's pattern could take exponential time, so
 *     their result is unknown;
 *   - a function not listed here is unknown, with its name as the reason; never a guess.
 */
import { joinPieces, limitSize, limitString, toBool, toNumber, toStringValue } from './convert';
import {
  firstUnknown,
  HclError,
  hclLiteral,
  isKnown,
  isUnknown,
  LIMITS,
  LimitError,
  typeName,
  Unknown,
  type Value,
} from './value';

/** What functions may read beyond their arguments. */
export interface FunctionContext {
  /**
   * The text of a file (file(), templatefile()), if the reader allows it; undefined: unknown.
   * @default - files are not read
   */
  readonly readFile?: (path: string) => string | undefined;
}

type Fn = (args: Value[], ctx: FunctionContext) => Value;

function list(v: Value, fn: string): Value[] {
  if (Array.isArray(v)) return v;
  throw new HclError(`${fn}() needs a list, not a ${typeName(v)}`);
}

function object(v: Value, fn: string): { [key: string]: Value } {
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && !isUnknown(v)) return v;
  throw new HclError(`${fn}() needs a map or object, not a ${typeName(v)}`);
}

function str(v: Value, fn: string): string {
  try {
    return toStringValue(v);
  } catch {
    throw new HclError(`${fn}() needs a string, not a ${typeName(v)}`);
  }
}

function sortKeys(v: Value): Value {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v === null || typeof v !== 'object' || isUnknown(v)) return v;
  const out: { [key: string]: Value } = {};
  for (const k of Object.keys(v).sort()) out[k] = sortKeys(v[k]);
  return out;
}

/** jsonencode: compact JSON, keys in lexical order (cty orders attributes by name); unknown leaves as `${...}`. */
function jsonencode(v: Value): Value {
  const json = JSON.stringify(sortKeys(v), (_k, x: unknown) =>
    x instanceof Unknown ? (x.template ?? `\${${x.text}}`) : x,
  );
  if (isKnown(v)) return limitString(json);
  return new Unknown(`jsonencode(${hclLiteral(v)})`, firstUnknown(v)!.reason, limitString(json));
}

function jsondecode(s: string): Value {
  try {
    return JSON.parse(s) as Value;
  } catch {
    throw new HclError('jsondecode() was given invalid JSON');
  }
}

/** format(): the verbs configurations use (%s %d %f %q %v %t %%), with width and precision. */
function format(spec: string, args: Value[]): Value {
  let i = 0;
  const pieces: (string | Unknown)[] = [];
  let last = 0;
  for (const m of spec.matchAll(/%(?:\[(\d+)\])?([-+# 0]*)(\d*)(?:\.(\d+))?([%a-zA-Z])/g)) {
    pieces.push(spec.slice(last, m.index));
    last = m.index! + m[0].length;
    const verb = m[5];
    if (verb === '%') {
      pieces.push('%');
      continue;
    }
    if (m[1] !== undefined) i = Number(m[1]) - 1;
    if (i >= args.length) throw new HclError('format() has more verbs than arguments');
    const a = args[i++];
    if (isUnknown(a)) {
      pieces.push(a);
      continue;
    }
    let out: string;
    if (verb === 's' || verb === 'v')
      out = typeof a === 'object' && a !== null ? JSON.stringify(a) : str(a, 'format');
    else if (verb === 'd') out = String(Math.trunc(toNumber(a)));
    else if (verb === 'f') out = toNumber(a).toFixed(m[4] === undefined ? 6 : Number(m[4]));
    else if (verb === 'q') out = JSON.stringify(str(a, 'format'));
    else if (verb === 't') out = String(toBool(a));
    else throw new HclError(`format() verb %${verb} is not supported`);
    const width = Number(m[3] || 0);
    out = m[2].includes('-') ? out.padEnd(width) : out.padStart(width, m[2].includes('0') ? '0' : ' ');
    pieces.push(out);
  }
  pieces.push(spec.slice(last));
  return joinPieces(pieces);
}

function flatten(v: Value[], depth = 0): Value[] {
  if (depth > LIMITS.depth) throw new LimitError(`flatten() nests deeper than ${LIMITS.depth}`);
  return limitSize(v.flatMap((x) => (Array.isArray(x) ? flatten(x, depth + 1) : [x])));
}

function distinct(v: Value[]): Value[] {
  const seen = new Set<string>();
  return v.filter((x) => {
    const k = JSON.stringify(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function range(args: Value[]): Value {
  const n = args.map(toNumber);
  const [start, end, step] = n.length === 1 ? [0, n[0], 1] : [n[0], n[1], n[2] ?? (n[1] >= n[0] ? 1 : -1)];
  if (step === 0) throw new HclError('range() step must not be 0');
  const count = Math.ceil((end - start) / step);
  if (count > LIMITS.collectionSize)
    throw new LimitError(`range() would give ${count} elements (more than ${LIMITS.collectionSize})`);
  return Array.from({ length: Math.max(0, count) }, (_, i) => start + i * step);
}

const FUNCTIONS: { [name: string]: Fn } = {
  jsonencode: ([v]) => jsonencode(v),
  jsondecode: ([s]) => jsondecode(str(s, 'jsondecode')),
  format: ([spec, ...rest]) => format(str(spec, 'format'), rest),
  formatlist: ([spec, ...rest]) => {
    const n = Math.max(0, ...rest.map((r) => (Array.isArray(r) ? r.length : 0)));
    return limitSize(
      Array.from({ length: n }, (_, i) =>
        format(
          str(spec, 'formatlist'),
          rest.map((r) => (Array.isArray(r) ? r[i] : r)),
        ),
      ),
    );
  },
  join: ([sep, ...lists]) =>
    joinPieces(
      lists
        .flatMap((l) => list(l, 'join'))
        .flatMap((x, i) => [...(i === 0 ? [] : [str(sep, 'join')]), isUnknown(x) ? x : str(x, 'join')]),
    ),
  split: ([sep, s]) => limitSize(str(s, 'split').split(str(sep, 'split'))),
  concat: (args) => limitSize(args.flatMap((a) => list(a, 'concat'))),
  merge: (args) =>
    limitSize(Object.assign({}, ...args.filter((a) => a !== null).map((a) => object(a, 'merge')))),
  lookup: ([m, k, fallback]) => {
    const map = object(m, 'lookup');
    const key = str(k, 'lookup');
    if (Object.prototype.hasOwnProperty.call(map, key)) return map[key];
    if (fallback === undefined) throw new HclError(`lookup() found no key "${key}" and has no default`);
    return fallback;
  },
  element: ([l, i]) => {
    const xs = list(l, 'element');
    if (xs.length === 0) throw new HclError('element() of an empty list');
    const n = Math.trunc(toNumber(i));
    return xs[((n % xs.length) + xs.length) % xs.length];
  },
  length: ([v]) => {
    if (typeof v === 'string') return [...v].length;
    if (Array.isArray(v)) return v.length;
    return Object.keys(object(v, 'length')).length;
  },
  coalesce: (args) => {
    for (const a of args) {
      if (isUnknown(a)) return a;
      if (a !== null && a !== '') return a;
    }
    throw new HclError('coalesce() has no non-null, non-empty argument');
  },
  coalescelist: (args) => {
    for (const a of args) if (list(a, 'coalescelist').length > 0) return a;
    throw new HclError('coalescelist() has no non-empty list');
  },
  tolist: ([v]) => (Array.isArray(v) ? v : (list(v, 'tolist'), [])),
  toset: ([v]) => distinct(list(v, 'toset')).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)),
  tomap: ([v]) => object(v, 'tomap'),
  tostring: ([v]) => (v === null ? null : str(v, 'tostring')),
  tonumber: ([v]) => (v === null ? null : toNumber(v)),
  tobool: ([v]) => (v === null ? null : toBool(v)),
  keys: ([v]) => Object.keys(object(v, 'keys')).sort(),
  values: ([v]) => {
    const o = object(v, 'values');
    return Object.keys(o)
      .sort()
      .map((k) => o[k]);
  },
  flatten: ([v]) => flatten(list(v, 'flatten')),
  distinct: ([v]) => distinct(list(v, 'distinct')),
  compact: ([v]) => list(v, 'compact').filter((x) => x !== null && x !== ''),
  contains: ([l, x]) => list(l, 'contains').some((y) => JSON.stringify(y) === JSON.stringify(x)),
  index: ([l, x]) => {
    const i = list(l, 'index').findIndex((y) => JSON.stringify(y) === JSON.stringify(x));
    if (i < 0) throw new HclError('index() found no such element');
    return i;
  },
  one: ([v]) => {
    const xs = list(v, 'one');
    if (xs.length > 1) throw new HclError('one() of a list of more than one element');
    return xs.length === 0 ? null : xs[0];
  },
  slice: ([l, a, b]) => list(l, 'slice').slice(toNumber(a), toNumber(b)),
  reverse: ([l]) => [...list(l, 'reverse')].reverse(),
  sort: ([l]) => [...list(l, 'sort').map((x) => str(x, 'sort'))].sort(),
  zipmap: ([k, v]) => {
    const ks = list(k, 'zipmap');
    const vs = list(v, 'zipmap');
    return limitSize(Object.fromEntries(ks.map((x, i) => [str(x, 'zipmap'), vs[i] ?? null])));
  },
  range: (args) => range(args),
  lower: ([s]) => str(s, 'lower').toLowerCase(),
  upper: ([s]) => str(s, 'upper').toUpperCase(),
  title: ([s]) => str(s, 'title').replace(/\b\w/g, (c) => c.toUpperCase()),
  trimspace: ([s]) => str(s, 'trimspace').trim(),
  chomp: ([s]) => str(s, 'chomp').replace(/(\r?\n)+$/, ''),
  trimprefix: ([s, p]) => {
    const t = str(s, 'trimprefix');
    const pre = str(p, 'trimprefix');
    return t.startsWith(pre) ? t.slice(pre.length) : t;
  },
  trimsuffix: ([s, p]) => {
    const t = str(s, 'trimsuffix');
    const suf = str(p, 'trimsuffix');
    return suf !== '' && t.endsWith(suf) ? t.slice(0, -suf.length) : t;
  },
  startswith: ([s, p]) => str(s, 'startswith').startsWith(str(p, 'startswith')),
  endswith: ([s, p]) => str(s, 'endswith').endsWith(str(p, 'endswith')),
  substr: ([s, o, l]) => {
    const chars = [...str(s, 'substr')];
    const off = toNumber(o);
    const len = toNumber(l);
    const start = off < 0 ? chars.length + off : off;
    return chars.slice(start, len < 0 ? undefined : start + len).join('');
  },
  replace: ([s, from, to]) => {
    const f = str(from, 'replace');
    if (f.length > 1 && f.startsWith('/') && f.endsWith('/'))
      return new Unknown(
        `replace(${hclLiteral(s)}, ${hclLiteral(from)}, ${hclLiteral(to)})`,
        'replace() with a regular expression is not evaluated',
      );
    return limitString(str(s, 'replace').split(f).join(str(to, 'replace')));
  },
  strrev: ([s]) => [...str(s, 'strrev')].reverse().join(''),
  abs: ([n]) => Math.abs(toNumber(n)),
  ceil: ([n]) => Math.ceil(toNumber(n)),
  floor: ([n]) => Math.floor(toNumber(n)),
  max: (args) => Math.max(...args.map(toNumber)),
  min: (args) => Math.min(...args.map(toNumber)),
  sum: ([l]) => list(l, 'sum').reduce<number>((a, x) => a + toNumber(x), 0),
  alltrue: ([l]) => list(l, 'alltrue').every(toBool),
  anytrue: ([l]) => list(l, 'anytrue').some(toBool),
  setunion: (args) => distinct(args.flatMap((a) => list(a, 'setunion'))),
  sensitive: ([v]) => v,
  nonsensitive: ([v]) => v,
  file: ([p], ctx) => {
    const text = ctx.readFile?.(str(p, 'file'));
    return text === undefined
      ? new Unknown(`file(${hclLiteral(p)})`, `the file ${str(p, 'file')} is not read`)
      : limitString(text);
  },
};

/** Functions that handle unknown arguments themselves (they keep the known text around them). */
const UNKNOWN_AWARE = new Set([
  'format',
  'formatlist',
  'join',
  'jsonencode',
  'coalesce',
  'sensitive',
  'nonsensitive',
]);

/** Functions that look only at a collection's structure: unknown elements are kept, not fatal. */
const STRUCTURAL = new Set([
  'length',
  'keys',
  'concat',
  'merge',
  'lookup',
  'element',
  'tolist',
  'values',
  'flatten',
  'compact',
  'slice',
  'reverse',
  'one',
]);

/** The result of `name(args)`; see the file header. */
export function callFunction(name: string, args: Value[], ctx: FunctionContext): Value {
  const fn = Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  const text = () => `${name}(${args.map(hclLiteral).join(', ')})`;
  if (fn === undefined) return new Unknown(text(), `the function ${name}() is not evaluated by the check`);
  const unknownArg = UNKNOWN_AWARE.has(name)
    ? undefined
    : (args.find(isUnknown) ?? (STRUCTURAL.has(name) ? undefined : args.map(firstUnknown).find(Boolean)));
  if (unknownArg !== undefined) return new Unknown(text(), unknownArg.reason);
  try {
    return fn(args, ctx);
  } catch (e) {
    // An unknown deep inside an argument (a list element, say) that the function needed.
    if (e instanceof HclError && !args.every(isKnown))
      return new Unknown(text(), args.map(firstUnknown).find(Boolean)!.reason);
    throw e;
  }
}
