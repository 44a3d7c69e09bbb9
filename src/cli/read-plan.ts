/**
 * Reads a Terraform plan in JSON (`terraform show -json plan.out`), format_version 1.x, as documented
 * in "JSON Output Format" (https://developer.hashicorp.com/terraform/internals/json-format; read in
 * hashicorp/terraform website/docs/internals/json-format.mdx at 0247401266, the format of Terraform
 * 1.1 and later). Format 0.x (Terraform 0.12 to 1.0) has the same `planned_values`, `resource_changes`
 * (with `change.after_unknown`) and `configuration` objects this reader uses: Terraform 0.12.26's
 * output, format_version "0.1", is quoted with all three in hashicorp/terraform#25238 (which also
 * fixed the docs, which had called `configuration` `config`), so it is read the same way. A new major
 * version (2.x) is refused: it may move those fields. A state in JSON (`terraform show -json` of a state) is read the same way, from `values`.
 *
 * - Values: `planned_values.root_module` and its `child_modules`, recursively: each resource instance
 *   with its known `values`.
 * - A top-level attribute unknown at plan time (`after_unknown` of its `resource_changes` entry is
 *   true; the planned value omits it) is taken from the configuration (`configuration.root_module`,
 *   `module_calls.<name>.module` for child modules): its `constant_value` when it has one, otherwise an
 *   expression `${<reference>}` naming what it refers to, so the check can follow the reference and
 *   never guesses a value. The plan does not keep the expression's text (a `format(...)`, say), only its
 *   references; when there are several, each most specific one is written, `${a.b.c}${d.e.f}`.
 * - Location: the plan file; lines are unknown.
 */
import { ResourceMode, type TerraformResource } from '../model/terraform';
import { shownValue } from '../model/references';
import { boundedJson } from '../policy/bounded-json';
import { InputError } from './input-error';

type Json = { [key: string]: unknown };

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** True when `json` is a plan (format_version with planned_values or resource_changes) or a state. */
export function isPlanJson(json: unknown): boolean {
  return (
    isObject(json) &&
    typeof json.format_version === 'string' &&
    (json.planned_values !== undefined || json.resource_changes !== undefined || json.values !== undefined)
  );
}

/** Drops instance keys from a module address: `module.a["x"].module.b[0]` -> `module.a.module.b`. */
function moduleConfigPath(address: string): string {
  return address.replace(/\[[^\]]*\]/g, '');
}

/** Configuration resources by `<module path>\0<mode>.<type>.<name>`. */
function configurationIndex(configuration: unknown): Map<string, Json> {
  const index = new Map<string, Json>();
  const walk = (mod: unknown, modulePath: string) => {
    if (!isObject(mod)) return;
    for (const r of asArray(mod.resources)) {
      if (isObject(r)) index.set(`${modulePath}\0${r.mode}.${r.type}.${r.name}`, r);
    }
    if (isObject(mod.module_calls)) {
      for (const [name, call] of Object.entries(mod.module_calls)) {
        const child = `${modulePath === '' ? '' : `${modulePath}.`}module.${name}`;
        if (isObject(call)) walk(call.module, child);
      }
    }
  };
  if (isObject(configuration)) walk(configuration.root_module, '');
  return index;
}

/** The most specific references: each one that no other reference extends. */
function leafReferences(references: string[]): string[] {
  return references.filter(
    (r) => !references.some((o) => o !== r && (o.startsWith(`${r}.`) || o.startsWith(`${r}[`))),
  );
}

/** The value of an attribute unknown at plan time, from its configuration expression. */
function unknownValue(expression: unknown): unknown {
  if (isObject(expression)) {
    if ('constant_value' in expression) return expression.constant_value;
    const refs = leafReferences(
      asArray(expression.references).filter((r): r is string => typeof r === 'string'),
    );
    if (refs.length > 0) return refs.map((r) => `\${${r}}`).join('');
  }
  // Computed without references (a function of nothing the plan shows, or a nested block).
  return '${(known after apply)}';
}

function instanceName(r: Json): string {
  if (r.index === undefined) return shownValue(r.name);
  return `${shownValue(r.name)}[${boundedJson(r.index)}]`;
}

/** The resources of a parsed plan (or state) JSON. */
export function resourcesOfPlan(file: string, json: unknown): TerraformResource[] {
  if (!isPlanJson(json)) {
    throw new InputError(file, 'not a Terraform plan in JSON (no "format_version" with "planned_values")');
  }
  const plan = json as Json;
  const version = shownValue(plan.format_version);
  if (!/^[01]\.\d+$/.test(version)) {
    throw new InputError(
      file,
      `unsupported plan format_version "${version}": this tool reads formats 0.x and 1.x (Terraform 0.12 and later); a new major version may change the fields it reads, so write the plan with a Terraform that writes 1.x`,
    );
  }
  const values = isObject(plan.planned_values) ? plan.planned_values : plan.values;
  const unknownByAddress = new Map<string, Json>();
  for (const rc of asArray(plan.resource_changes)) {
    if (!isObject(rc) || rc.deposed !== undefined || !isObject(rc.change)) continue;
    if (isObject(rc.change.after_unknown) && typeof rc.address === 'string')
      unknownByAddress.set(rc.address, rc.change.after_unknown);
  }
  const config = configurationIndex(plan.configuration);
  const out: TerraformResource[] = [];
  const walk = (mod: unknown, address: string | undefined) => {
    if (!isObject(mod)) return;
    for (const r of asArray(mod.resources)) {
      if (!isObject(r) || typeof r.type !== 'string' || typeof r.name !== 'string') {
        throw new InputError(file, `a resource of ${address ?? 'the root module'} has no "type" or "name"`);
      }
      const mode = r.mode === 'data' ? ResourceMode.DATA : ResourceMode.MANAGED;
      const attributes: Json = {};
      for (const [k, v] of Object.entries(isObject(r.values) ? r.values : {})) {
        if (v !== null) attributes[k] = v;
      }
      const unknown = (typeof r.address === 'string' && unknownByAddress.get(r.address)) || {};
      const configured = config.get(`${moduleConfigPath(address ?? '')}\0${r.mode}.${r.type}.${r.name}`);
      const expressions = isObject(configured?.expressions) ? configured!.expressions : {};
      for (const [attribute, isUnknown] of Object.entries(unknown)) {
        if (isUnknown === true && attributes[attribute] === undefined) {
          // Attributes only the provider computes (`id`) have no configuration: nothing to say.
          if (attribute in expressions) attributes[attribute] = unknownValue(expressions[attribute]);
        }
      }
      out.push({
        mode,
        resourceType: r.type,
        name: instanceName(r),
        module: address,
        attributes,
        location: { file },
      });
    }
    for (const child of asArray(mod.child_modules)) {
      if (isObject(child)) walk(child, typeof child.address === 'string' ? child.address : undefined);
    }
  };
  walk(isObject(values) ? values.root_module : undefined, undefined);
  return out;
}
