/**
 * Following Terraform references in configuration values. A value is a literal, or holds Terraform
 * expressions in `${...}`; a reference names a resource by address (`alicloud_ram_user.dev.name`,
 * `data.alicloud_account.this.id`, inside a module relative to it). Only references are followed:
 * a variable, a function result or anything computed is never evaluated, so nothing is guessed.
 */
import { boundedJson } from '../policy/bounded-json';
import { ResourceMode, resourceAddress, type TerraformResource } from './terraform';

/** True when the value holds a Terraform expression rather than a plain literal. */
export function isExpression(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}

/** A literal string value, or undefined when the value is missing, not a string, or an expression. */
export function literalString(value: unknown): string | undefined {
  return typeof value === 'string' && !isExpression(value) ? value : undefined;
}

/**
 * A configuration value as a message shows it: a string as written, anything else as bounded JSON.
 * Never String(value): a parsed object such as {"toString": 1} cannot be converted that way.
 */
export function shownValue(value: unknown): string {
  return typeof value === 'string' ? value : boundedJson(value);
}

// An optional `<module path>::` (or `::` for the root) names the module the reference was written in,
// when the .tf evaluator (src/model/hcl/module.ts) passed it into another module; an instance key
// (`[0]`, `["key"]`) is part of the name, as the evaluator names counted resources.
const REFERENCE =
  /(?<![\w.:-])(?:((?:module\.[\w-]+(?:\[[^\]]*\])?)(?:\.module\.[\w-]+(?:\[[^\]]*\])?)*)?::)?(data\.)?([a-z][a-z0-9_]*)\.([A-Za-z_][\w-]*(?:\[(?:\d+|"[^"\]]*")\])?)(?:\.([A-Za-z_]\w*))?/g;

/** One reference found in an expression. */
export interface Reference {
  readonly mode: ResourceMode;
  readonly resourceType: string;
  readonly name: string;
  /** The attribute read, if any (`name` in `alicloud_ram_user.dev.name`). */
  readonly attribute?: string;
  /**
   * The module the reference was written in (`''`: the root), when it is not the resource's own.
   * @default - the module of the resource it is read from
   */
  readonly module?: string;
}

/** References to resources of the given types in `value`'s expressions, in order of appearance. */
export function referencesIn(value: unknown, types: readonly string[]): Reference[] {
  if (!isExpression(value)) return [];
  const out: Reference[] = [];
  for (const m of (value as string).matchAll(REFERENCE)) {
    const mode = m[2] === undefined ? ResourceMode.MANAGED : ResourceMode.DATA;
    const module = m[0].includes('::') ? (m[1] ?? '') : undefined;
    if (types.includes(m[3]))
      out.push({
        mode,
        resourceType: m[3],
        name: m[4],
        attribute: m[5],
        ...(module === undefined ? {} : { module }),
      });
  }
  return out;
}

/** The resources of a configuration by address, with lookups that respect module boundaries. */
export class ResourceIndex {
  private readonly byAddress = new Map<string, TerraformResource>();

  public constructor(resources: readonly TerraformResource[]) {
    for (const r of resources) this.byAddress.set(resourceAddress(r), r);
  }

  /** The resource a reference made from `from`'s module names, if the configuration has it. */
  public resolve(from: TerraformResource, ref: Reference): TerraformResource | undefined {
    const module = ref.module === undefined ? from.module : ref.module === '' ? undefined : ref.module;
    return this.byAddress.get(resourceAddress({ ...ref, module }));
  }
}
