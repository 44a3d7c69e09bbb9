/**
 * What `terraform plan` would do between two synthesized stacks (cdk.tf.json objects), without
 * Terraform: the rules it applies to a configuration change, with schema/force-new.json saying which
 * attributes force a replacement (from the provider's Go source at the pinned version).
 *   - An address is `<type>.<name>`. A `moved` block (`moved: [{ from, to }]`, what cdktf's and cdktn's
 *     `moveFromId` / `moveToId` emit) carries the old address's state to the new one: a move.
 *   - An address of the old stack that the new one has neither as such nor as a move target: destroy.
 *     An address only in the new stack: create.
 *   - An attribute whose JSON differs, or that references (`${<address>.…}`) a resource that is
 *     replaced or newly created, is changed: the referenced value is unknown until apply, and Terraform
 *     plans with it as changed. Meta-arguments (`//`, lifecycle, depends_on, provider) are not compared.
 *   - A changed attribute in the type's `forceNew` list (or any change of a type the file does not
 *     know): replace. Other changes: update in place. No change: nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type PlanAction = 'create' | 'update' | 'replace' | 'destroy';

export interface PlannedChange {
  readonly address: string;
  readonly action: PlanAction;
  /** The changed attributes (for replace: those that force it first). */
  readonly attributes: string[];
  /** Where the state comes from, when a moved block moved it. */
  readonly movedFrom?: string;
}

type ForceNew = { [type: string]: { forceNew: string[] } };

let bundled: ForceNew | undefined;

/** The forceNew lists of schema/force-new.json. */
export function forceNewData(): ForceNew {
  bundled ??= JSON.parse(fs.readFileSync(path.join(__dirname, '../../schema/force-new.json'), 'utf8'))
    .resources as ForceNew;
  return bundled;
}

const META = new Set(['//', 'lifecycle', 'depends_on', 'provider']);

function resourcesOf(stack: any): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const [type, byName] of Object.entries<Record<string, any>>(stack.resource ?? {})) {
    for (const [name, body] of Object.entries(byName)) {
      const attrs: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(body)) if (!META.has(k)) attrs[k] = v;
      out.set(`${type}.${name}`, attrs);
    }
  }
  return out;
}

function movesOf(stack: any): Map<string, string> {
  const list: { from: string; to: string }[] = Array.isArray(stack.moved) ? stack.moved : [];
  return new Map(list.map((m) => [m.to, m.from]));
}

const referencesTo = (value: unknown, address: string) => JSON.stringify(value).includes(`\${${address}.`);

/** The changes Terraform would plan from `before` to `after` (see the header), sorted by address. */
export function planChanges(before: any, after: any, forceNew: ForceNew = forceNewData()): PlannedChange[] {
  const old = resourcesOf(before);
  const now = resourcesOf(after);
  const movedFrom = movesOf(after);
  const matched = new Map<string, string>(); // new address -> old address
  for (const address of now.keys()) {
    const from = movedFrom.get(address);
    if (from !== undefined && old.has(from)) matched.set(address, from);
    else if (old.has(address)) matched.set(address, address);
  }
  const kept = new Set(matched.values());
  const changed = new Map<string, Set<string>>();
  for (const [address, from] of matched) {
    const a = old.get(from)!;
    const b = now.get(address)!;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    changed.set(address, new Set([...keys].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))));
  }
  const typeOf = (address: string) => address.slice(0, address.indexOf('.'));
  const forcesNew = (address: string, attribute: string) => {
    const entry = forceNew[typeOf(address)];
    return entry === undefined || entry.forceNew.includes(attribute);
  };
  const replaced = (address: string) =>
    !matched.has(address) || [...changed.get(address)!].some((k) => forcesNew(address, k));
  // References to a replaced or new resource change too, until nothing more changes.
  for (let again = true; again;) {
    again = false;
    const unknown = [...now.keys()].filter(replaced);
    for (const [address, attrs] of changed) {
      const b = now.get(address)!;
      for (const [k, v] of Object.entries(b)) {
        if (attrs.has(k)) continue;
        if (unknown.some((u) => u !== address && referencesTo(v, u))) {
          attrs.add(k);
          again = true;
        }
      }
    }
  }
  const out: PlannedChange[] = [];
  for (const address of now.keys()) {
    const from = matched.get(address);
    const movedFromOld = from !== undefined && from !== address ? { movedFrom: from } : {};
    if (from === undefined) {
      out.push({ address, action: 'create', attributes: [] });
      continue;
    }
    const attrs = [...changed.get(address)!].sort();
    const forcing = attrs.filter((k) => forcesNew(address, k));
    if (forcing.length > 0) out.push({ address, action: 'replace', attributes: forcing, ...movedFromOld });
    else if (attrs.length > 0) out.push({ address, action: 'update', attributes: attrs, ...movedFromOld });
  }
  for (const address of old.keys()) {
    if (!kept.has(address)) out.push({ address, action: 'destroy', attributes: [] });
  }
  return out.sort((x, y) => (x.address < y.address ? -1 : x.address > y.address ? 1 : 0));
}

const SIGN: { [action in PlanAction]: string } = { create: '+', update: '~', replace: '-/+', destroy: '-' };

/** The changes as `terraform plan` lists them, with its summary line. */
export function formatPlan(changes: PlannedChange[]): string {
  const count = (a: PlanAction) => changes.filter((c) => c.action === a).length;
  const lines = changes.map((c) => {
    const why =
      c.action === 'replace'
        ? ` (forces replacement: ${c.attributes.join(', ')})`
        : c.action === 'update'
          ? ` (${c.attributes.join(', ')})`
          : '';
    const moved = c.movedFrom === undefined ? '' : ` (moved from ${c.movedFrom})`;
    return `${SIGN[c.action].padStart(3)} ${c.address}${moved}${why}`;
  });
  const add = count('create') + count('replace');
  const destroy = count('destroy') + count('replace');
  lines.push(`Plan: ${add} to add, ${count('update')} to change, ${destroy} to destroy.`);
  return lines.join('\n');
}

/** Throws the plan-like list when `changes` replace or destroy anything. */
export function expectNothingReplacedOrDestroyed(what: string, changes: PlannedChange[]): void {
  const bad = changes.filter((c) => c.action === 'replace' || c.action === 'destroy');
  if (bad.length === 0) return;
  throw new Error(
    `${what}: the same app code would replace or destroy ${bad.length} resources after this change:\n${formatPlan(changes)}\nIf this is intended (a new major version), re-baseline with \`npm run compat:update\`.`,
  );
}
