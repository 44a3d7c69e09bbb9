/**
 * Values of the HCL evaluator (hcl/evaluate.ts): what Terraform knows before apply is a plain JSON-like
 * value; anything else (a resource attribute, a data source, a value the evaluator does not compute) is
 * an Unknown, which keeps the expression as Terraform would see it, so the check can still follow a
 * reference in it and report the rest as not checked. Nothing is guessed.
 *
 * References inside an Unknown's text are marked with the module they were written in (REF_MARK), so
 * that an unknown passed into a child module still names the resource of the module that wrote it
 * (render.ts writes `module.a::type.name` or `::type.name` when it lands in another module).
 */

/** A wholly known value (cty's primitive, tuple/list and object/map types, as JSON). */
export type Known = null | boolean | number | string | Known[] | { [key: string]: Known };

/** Starts a reference's module mark in an Unknown's text: `\u0001<module path>\u0002<reference>`. */
export const REF_MARK = '\u0001';
export const REF_MARK_END = '\u0002';

/** A value not known before apply, or not computed by the evaluator. */
export class Unknown {
  public constructor(
    /** The expression, in HCL syntax, with its known parts written as literals. */
    public readonly text: string,
    /** Why it is unknown, for the finding ("a data source attribute", "the limit of ..."). */
    public readonly reason: string,
    /**
     * For a string with unknown parts: its template content (`alice@${data.x.y.id}.onaliyun.com`),
     * written as cdktf writes interpolations, so the name part before `@` stays readable.
     */
    public readonly template?: string,
  ) {}
}

/** A value: known, unknown, or a collection whose elements may be unknown (its length is known). */
export type Value = null | boolean | number | string | Value[] | { [key: string]: Value } | Unknown;

/** True when nothing in `v` is unknown. */
export function isKnown(v: Value): v is Known {
  if (v instanceof Unknown) return false;
  if (Array.isArray(v)) return v.every(isKnown);
  if (v !== null && typeof v === 'object') return Object.values(v).every(isKnown);
  return true;
}

/** The first unknown in `v`, if any. */
export function firstUnknown(v: Value): Unknown | undefined {
  if (v instanceof Unknown) return v;
  if (Array.isArray(v)) {
    for (const x of v) {
      const u = firstUnknown(x);
      if (u !== undefined) return u;
    }
  } else if (v !== null && typeof v === 'object') {
    for (const x of Object.values(v)) {
      const u = firstUnknown(x);
      if (u !== undefined) return u;
    }
  }
  return undefined;
}

export function isUnknown(v: Value): v is Unknown {
  return v instanceof Unknown;
}

/** Bounds: a pull request's .tf is adversarial input; every bound ends in an Unknown with the reason. */
export const LIMITS = {
  /** Nesting of expressions (parentheses, calls, brackets). */
  depth: 64,
  /** Characters of one string value. */
  stringLength: 1_000_000,
  /** Elements of one list, map or range(). */
  collectionSize: 10_000,
  /** Instances of one resource or module block (count, for_each). */
  instances: 10_000,
  /** Evaluation steps of one configuration (every node evaluated counts one). */
  steps: 2_000_000,
  /** Nesting of module calls. */
  moduleDepth: 16,
  /** Characters of one expression. */
  expressionLength: 200_000,
};

/** Thrown when a bound is passed; the evaluation of the whole expression becomes unknown. */
export class LimitError extends Error {}

/** Thrown for an expression Terraform itself would reject (a type error, an unknown function). */
export class HclError extends Error {}

/** The HCL syntax of a value (for an Unknown's text): known parts as literals. */
export function hclLiteral(v: Value): string {
  if (v instanceof Unknown) return v.text;
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return `[${v.map(hclLiteral).join(', ')}]`;
  return `{${Object.keys(v)
    .map((k) => `${JSON.stringify(k)} = ${hclLiteral(v[k])}`)
    .join(', ')}}`;
}

/** Terraform's type name of a value, for messages. */
export function typeName(v: Value): string {
  if (isUnknown(v)) return 'unknown';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  return typeof v === 'object' ? 'object' : typeof v;
}
