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

const REFERENCE = /(?<![\w.-])(data\.)?([a-z][a-z0-9_]*)\.([A-Za-z_][\w-]*)(?:\.([A-Za-z_]\w*))?/g;

/** One reference found in an expression. */
export interface Reference {
  readonly mode: ResourceMode;
  readonly resourceType: string;
  readonly name: string;
  /** The attribute read, if any (`name` in `alicloud_ram_user.dev.name`). */
  readonly attribute?: string;
}

/** References to resources of the given types in `value`'s expressions, in order of appearance. */
export function referencesIn(value: unknown, types: readonly string[]): Reference[] {
  if (!isExpression(value)) return [];
  const out: Reference[] = [];
  for (const m of (value as string).matchAll(REFERENCE)) {
    const mode = m[1] === undefined ? ResourceMode.MANAGED : ResourceMode.DATA;
    if (types.includes(m[2])) out.push({ mode, resourceType: m[2], name: m[3], attribute: m[4] });
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
    return this.byAddress.get(resourceAddress({ ...ref, module: from.module }));
  }
}
