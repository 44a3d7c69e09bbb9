/**
 * Evaluates a Terraform configuration (a root module and the local modules it calls) as Terraform does
 * before apply, into the resources the check reads. Rules:
 *   1. Variables: the value given (root: tfvars and --var, in Terraform's order, merged by the reader;
 *      a child: the module call's argument, evaluated in the caller), else the default, converted to
 *      the variable's type (types.ts); with neither, unknown ("no value given").
 *   2. Locals, module outputs and module arguments are evaluated when first used; a cycle is unknown.
 *   3. `count` and `for_each` over known values make one resource (or module) instance per element,
 *      addressed as Terraform does (`name[0]`, `name["key"]`); count 0 or an empty for_each makes none.
 *      Unknown, or above LIMITS.instances, the block stays one unexpanded instance and a note says why.
 *   4. Attribute values are evaluated (evaluate.ts); an unknown is written as the `${...}` expression
 *      (references marked with their module, render below), an error keeps the text as written.
 *   5. Module calls nest at most LIMITS.moduleDepth deep (the reader stops a module that calls itself).
 */
import { type Environment, Evaluator } from './evaluate';
import { parseExpression, parseTemplate } from './parse';
import type { Node } from './syntax';
import { convertToType } from './types';
import {
  HclError,
  isUnknown,
  LIMITS,
  LimitError,
  REF_MARK,
  REF_MARK_END,
  Unknown,
  type Value,
} from './value';
import { SyntaxFailure } from './parse';

type Json = { [key: string]: unknown };

/** One file of a module, parsed (hcl2json's structure, or Terraform's JSON syntax). */
export interface ModuleFile {
  readonly file: string;
  readonly body: Json;
  /** The 1-based line of `<block> "<type>" "<name>"`, when the reader knows it. */
  readonly lineOf?: (block: string, type: string, name: string) => number | undefined;
}

/** A module folder and the local modules it calls, by call name. */
export interface ModuleTree {
  /** The folder, as the reader names it (path.module). */
  readonly dir: string;
  readonly files: readonly ModuleFile[];
  readonly children: { readonly [call: string]: ModuleTree };
}

/** One resource instance, evaluated. */
export interface EvaluatedResource {
  readonly block: 'resource' | 'data';
  readonly type: string;
  /** The name with its instance key (`this[0]`). */
  readonly name: string;
  /** The module instance path (`module.a`, `module.b["x"]`); undefined in the root module. */
  readonly module?: string;
  readonly attributes: Json;
  readonly file: string;
  readonly line?: number;
  /** The block's name as written, without the instance key. */
  readonly blockName: string;
}

export interface ConfigurationOptions {
  /**
   * Values of the root module's variables (terraform.tfvars, *.auto.tfvars, --var-file, --var).
   * @default - none: defaults only
   */
  readonly variables?: { readonly [name: string]: Value };
  /**
   * Reads a file for file() (a path relative to the working folder or absolute); undefined: unknown.
   * @default - file() is unknown
   */
  readonly readFile?: (path: string) => string | undefined;
}

export interface EvaluatedConfiguration {
  readonly resources: EvaluatedResource[];
  /** What was not evaluated and why (a count above the limit, an unknown for_each), sorted. */
  readonly notes: string[];
}

const META = new Set([
  'count',
  'for_each',
  'depends_on',
  'lifecycle',
  'provider',
  'providers',
  'provisioner',
  'connection',
]);

function bodies(x: unknown): Json[] {
  if (x === undefined || x === null) return [];
  return (Array.isArray(x) ? x : [x]) as Json[];
}

/** The named blocks of a kind (`variable`, `output`, `module`) in a file: name → body. */
function named(file: ModuleFile, block: string): [string, Json][] {
  const group = file.body[block];
  if (group === null || typeof group !== 'object' || Array.isArray(group)) return [];
  return Object.entries(group as Json).map(([name, b]) => [name, bodies(b)[0] ?? {}]);
}

interface Shared {
  readonly budget: { steps: number };
  readonly notes: Set<string>;
  readonly resources: EvaluatedResource[];
  readonly readFile?: (path: string) => string | undefined;
}

type Lazy = () => Value;

/** Replaces the module marks of references (value.ts) for a value written into module `module`. */
export function renderMarks(text: string, module: string): string {
  return text.replace(
    new RegExp(`${REF_MARK}([^${REF_MARK_END}]*)${REF_MARK_END}`, 'g'),
    (_m, origin: string) => (origin === module ? '' : `${origin}::`),
  );
}

/** A value as a resource attribute: unknowns as `${...}` expressions (rule 4). */
export function renderValue(v: Value, module: string): unknown {
  if (isUnknown(v)) return renderMarks(v.template ?? `\${${v.text}}`, module);
  if (Array.isArray(v)) return v.map((x) => renderValue(x, module));
  if (v !== null && typeof v === 'object') {
    const out: Json = {};
    for (const [k, x] of Object.entries(v)) out[k] = renderValue(x, module);
    return out;
  }
  return v;
}

/**
 * The value of a raw hcl2json value: every string is a template, objects and lists element-wise. A
 * string that fails to evaluate (rule 3 of evaluate.ts) stays as written, unknown, with the reason.
 */
function evaluateRaw(evaluator: Evaluator, raw: unknown, bound: Map<string, Value>, module: string): Value {
  if (typeof raw === 'string') {
    try {
      return evaluator.evaluate({ kind: 'template', parts: parseTemplate(raw) }, bound);
    } catch (e) {
      const reason = failureReason(e);
      if (reason === undefined) throw e;
      const whole = raw.startsWith('${') && raw.endsWith('}') && !raw.slice(2).includes('${');
      return new Unknown(
        `${REF_MARK}${module}${REF_MARK_END}${whole ? raw.slice(2, -1) : JSON.stringify(raw)}`,
        reason,
        `${REF_MARK}${module}${REF_MARK_END}${raw}`,
      );
    }
  }
  if (Array.isArray(raw)) return raw.map((x) => evaluateRaw(evaluator, x, bound, module));
  if (raw !== null && typeof raw === 'object') {
    const out: { [key: string]: Value } = {};
    for (const [k, x] of Object.entries(raw as Json)) {
      const key = k.includes('${') ? evaluateRaw(evaluator, k, bound, module) : k;
      out[isUnknown(key) || typeof key !== 'string' ? k : key] = evaluateRaw(evaluator, x, bound, module);
    }
    return out;
  }
  return raw as Value;
}

function failureReason(e: unknown): string | undefined {
  if (e instanceof HclError || e instanceof LimitError || e instanceof SyntaxFailure) return e.message;
  return undefined;
}

class ModuleInstance implements Environment {
  public readonly budget: { steps: number };
  private readonly evaluator: Evaluator;
  private readonly locals = new Map<string, Value>();
  private readonly evaluating = new Set<string>();
  private readonly variableBodies = new Map<string, Json>();
  private readonly localRaw = new Map<string, unknown>();
  private readonly outputBodies = new Map<string, Json>();
  private readonly moduleValues = new Map<string, Value>();
  private readonly variableValues = new Map<string, Value>();

  public constructor(
    private readonly tree: ModuleTree,
    /** The module instance path, `''` for the root. */
    public readonly module: string,
    private readonly inputs: ReadonlyMap<string, Lazy>,
    private readonly shared: Shared,
    private readonly depth: number,
  ) {
    this.budget = shared.budget;
    this.evaluator = new Evaluator(this);
    for (const f of tree.files) {
      for (const [name, body] of named(f, 'variable')) this.variableBodies.set(name, body);
      for (const [name, body] of named(f, 'output')) this.outputBodies.set(name, body);
      for (const block of bodies(f.body.locals))
        for (const [k, v] of Object.entries(block)) this.localRaw.set(k, v);
    }
  }

  public get readFile() {
    return this.shared.readFile;
  }

  public named(root: string, name: string): Value | undefined {
    switch (root) {
      case 'var':
        return this.variable(name);
      case 'local':
        return this.once(`local.${name}`, this.locals, name, () =>
          this.localRaw.has(name) ? this.raw(this.localRaw.get(name), new Map()) : undefined,
        );
      case 'module':
        return this.once(`module.${name}`, this.moduleValues, name, () => this.moduleValue(name));
      case 'path':
        return name === 'module' || name === 'root' || name === 'cwd' ? this.tree.dir : undefined;
      case 'terraform':
        return name === 'workspace' ? 'default' : undefined;
      default:
        // count.index, each.key, each.value outside a counted block, self: not known here.
        return new Unknown(`${root}.${name}`, `${root}.${name} is not known here`);
    }
  }

  /** Evaluates `compute` once per name, with cycle detection (rule 2). */
  private once(
    key: string,
    cache: Map<string, Value>,
    name: string,
    compute: () => Value | undefined,
  ): Value | undefined {
    const cached = cache.get(name);
    if (cached !== undefined) return cached;
    if (this.evaluating.has(key)) return new Unknown(key, `${key} depends on itself`);
    this.evaluating.add(key);
    try {
      const v = compute();
      if (v !== undefined) cache.set(name, v);
      return v;
    } finally {
      this.evaluating.delete(key);
    }
  }

  private variable(name: string): Value | undefined {
    const body = this.variableBodies.get(name);
    if (body === undefined) return undefined;
    return this.once(`var.${name}`, this.variableValues, name, () => {
      const given = this.inputs.get(name);
      let v: Value;
      if (given !== undefined) v = given();
      else if ('default' in body) v = this.raw(body.default, new Map());
      else
        return new Unknown(
          `var.${name}`,
          `the variable ${name} has no default and no value is given${this.module === '' ? ' (terraform.tfvars, --var-file, --var)' : ''}`,
        );
      return convertToType(v, typeNode(body.type));
    });
  }

  /** A raw value evaluated (evaluateRaw). */
  private raw(raw: unknown, bound: Map<string, Value>): Value {
    return evaluateRaw(this.evaluator, raw, bound, this.module);
  }

  /** The instances of a block with count or for_each (rule 3): their keys and bindings. */
  private instances(body: Json, what: string): { key?: string; bound: Map<string, Value> }[] {
    const one = (count: Value, each?: [Value, Value]) =>
      new Map<string, Value>([
        ['count', { index: count }],
        [
          'each',
          each === undefined ? new Unknown('each', 'each is not known') : { key: each[0], value: each[1] },
        ],
      ]);
    const unexpanded = (why: string) => {
      this.shared.notes.add(`${what}: ${why}; read as one instance`);
      return [
        {
          bound: one(new Unknown('count.index', why), [
            new Unknown('each.key', why),
            new Unknown('each.value', why),
          ]),
        },
      ];
    };
    if (body.count !== undefined) {
      const n = this.raw(body.count, new Map());
      if (typeof n !== 'number')
        return unexpanded(`count is not known before apply (${isUnknown(n) ? n.reason : typeof n})`);
      if (n > LIMITS.instances)
        return unexpanded(`count is ${n}, above the check's limit of ${LIMITS.instances} instances`);
      return Array.from({ length: Math.max(0, Math.trunc(n)) }, (_, i) => ({ key: `[${i}]`, bound: one(i) }));
    }
    if (body.for_each !== undefined) {
      const v = this.raw(body.for_each, new Map());
      if (v === null || typeof v !== 'object' || isUnknown(v))
        return unexpanded(`for_each is not known before apply${isUnknown(v) ? ` (${v.reason})` : ''}`);
      const entries: [string, Value][] = Array.isArray(v)
        ? v.map((x) => [typeof x === 'string' ? x : JSON.stringify(x), x])
        : Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]);
      if (entries.length > LIMITS.instances)
        return unexpanded(
          `for_each has ${entries.length} elements, above the check's limit of ${LIMITS.instances} instances`,
        );
      if (Array.isArray(v) && entries.some(([, x]) => typeof x !== 'string'))
        return unexpanded('for_each is a list of non-strings (Terraform needs a map or a set of strings)');
      return entries.map(([k, x]) => ({
        key: `[${JSON.stringify(k)}]`,
        bound: one(new Unknown('count.index', 'count is not set'), [k, x]),
      }));
    }
    return [{ bound: one(new Unknown('count.index', 'count is not set')) }];
  }

  private childPath(call: string, key?: string): string {
    return `${this.module === '' ? '' : `${this.module}.`}module.${call}${key ?? ''}`;
  }

  /** The calls of local modules, evaluated: their resources go to the shared list, their outputs are kept. */
  private moduleValue(call: string): Value | undefined {
    const child = this.tree.children[call];
    const body = this.tree.files.map((f) => named(f, 'module').find(([n]) => n === call)?.[1]).find(Boolean);
    if (body === undefined) return undefined;
    if (child === undefined) return new Unknown(`module.${call}`, `module ${call} is not a local module`);
    const instances = this.instances(body, `module.${call}`);
    const outputs = instances.map(({ key, bound }) => {
      const inputs = new Map<string, Lazy>();
      for (const [k, raw] of Object.entries(body)) {
        if (k === 'source' || k === 'version' || META.has(k)) continue;
        inputs.set(k, () => this.raw(raw, bound));
      }
      return [key, this.instantiate(child, this.childPath(call, key), inputs)] as const;
    });
    if (body.count !== undefined && instances[0]?.key !== undefined) return outputs.map(([, o]) => o);
    if (body.for_each !== undefined && instances[0]?.key !== undefined)
      return Object.fromEntries(outputs.map(([k, o]) => [JSON.parse(k!.slice(1, -1)) as string, o]));
    return outputs[0]?.[1] ?? null;
  }

  private instantiate(tree: ModuleTree, path: string, inputs: Map<string, Lazy>): Value {
    if (this.depth + 1 > LIMITS.moduleDepth) {
      this.shared.notes.add(`${path}: modules nest deeper than ${LIMITS.moduleDepth}; not read`);
      return new Unknown(path, `modules nest deeper than ${LIMITS.moduleDepth}`);
    }
    const instance = new ModuleInstance(tree, path, inputs, this.shared, this.depth + 1);
    instance.evaluateResources();
    return instance.outputs();
  }

  public evaluateRawValue(raw: unknown): Value {
    return this.raw(raw, new Map());
  }

  public evaluateNode(node: Node): Value {
    return this.evaluator.evaluate(node);
  }

  public outputs(): Value {
    const out: { [key: string]: Value } = {};
    for (const [name, body] of this.outputBodies) {
      out[name] = this.once(`output.${name}`, new Map(), name, () => this.raw(body.value, new Map())) ?? null;
    }
    return out;
  }

  /** Evaluates every resource and data block, and every module call (rule 3). */
  public evaluateResources(): void {
    for (const f of this.tree.files) {
      for (const block of ['resource', 'data'] as const) {
        const types = f.body[block];
        if (types === null || typeof types !== 'object') continue;
        for (const [type, byName] of Object.entries(types as Json)) {
          if (byName === null || typeof byName !== 'object') continue;
          for (const [name, b] of Object.entries(byName as Json)) {
            const body = bodies(b)[0] ?? {};
            const what = `${this.module === '' ? '' : `${this.module}.`}${block === 'data' ? 'data.' : ''}${type}.${name}`;
            for (const { key, bound } of this.instances(body, what)) {
              const attributes: Json = {};
              for (const [k, raw] of Object.entries(body)) {
                if (META.has(k)) continue;
                attributes[k] = renderValue(this.raw(raw, bound), this.module);
              }
              this.shared.resources.push({
                block,
                type,
                name: `${name}${key ?? ''}`,
                blockName: name,
                module: this.module === '' ? undefined : this.module,
                attributes,
                file: f.file,
                line: f.lineOf?.(block, type, name),
              });
            }
          }
        }
      }
      for (const [call] of named(f, 'module')) this.named('module', call);
    }
  }
}

function typeNode(raw: unknown): Node | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.startsWith('${') && raw.endsWith('}') ? raw.slice(2, -1) : raw;
  try {
    return parseExpression(text);
  } catch {
    return undefined;
  }
}

/**
 * A value given outside any module (a tfvars file, --var): literals and functions, no variables. A
 * parsed expression may be given (`node`); otherwise `raw` is read as hcl2json gives it.
 */
export function evaluateStandalone(raw: unknown, node?: Node): Value {
  const instance = new ModuleInstance(
    { dir: '.', files: [], children: {} },
    '',
    new Map(),
    {
      budget: { steps: LIMITS.steps },
      notes: new Set(),
      resources: [],
    },
    0,
  );
  return node === undefined ? instance.evaluateRawValue(raw) : instance.evaluateNode(node);
}

/** Evaluates the configuration rooted at `root`; see the file header. */
export function evaluateConfiguration(
  root: ModuleTree,
  options: ConfigurationOptions = {},
): EvaluatedConfiguration {
  const shared: Shared = {
    budget: { steps: LIMITS.steps },
    notes: new Set(),
    resources: [],
    readFile: options.readFile,
  };
  const inputs = new Map<string, Lazy>(Object.entries(options.variables ?? {}).map(([k, v]) => [k, () => v]));
  try {
    new ModuleInstance(root, '', inputs, shared, 0).evaluateResources();
  } catch (e) {
    if (!(e instanceof LimitError)) throw e;
    shared.notes.add(`the configuration was not evaluated: ${e.message}`);
    return { resources: [], notes: [...shared.notes].sort() };
  }
  if (shared.budget.steps < 0)
    shared.notes.add(
      `the evaluation stopped after ${LIMITS.steps} steps: values computed after that are unknown`,
    );
  return { resources: shared.resources, notes: [...shared.notes].sort() };
}
