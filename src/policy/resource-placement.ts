/**
 * Resource placement: an access (a document written for `*`) given to some namespaces or
 * repositories of one Enterprise Edition instance, with every action placed where RAM authorizes it
 * (resource-types.ts). Rules:
 *   1. The target is Enterprise Edition (instances exist only there), so Personal Edition forms
 *      (resource-types.ts rule 3) play no part. The target's resources: the instance `instance/<id>`, the instance's own repository resource
 *      `repository/<id>`, each namespace as `repository/<id>/<ns>` and `repository/<id>/<ns>/*`,
 *      each repository as `repository/<id>/<ns>/<name>` (region and account `*` unless given).
 *   2. Each Allow statement on `*` is rewritten: its `cr:` patterns are expanded against the catalog,
 *      and each action is granted on the target's resources that can match its request resource:
 *      repository actions on the repositories, namespace actions on the namespaces, instance actions
 *      on the instance. An action authorized against no resource, or the account's `…:*`, is granted
 *      on `*` (as AWS ECR's grantPull grants GetAuthorizationToken). Actions with the same
 *      Resources (and the statement's Condition) share a statement.
 *   3. An action whose resource is unknown is granted on every resource of the target, so it takes
 *      effect whatever its type is inside the target, and never beyond it (information
 *      ACTION_RESOURCE_TYPE_UNKNOWN).
 *   4. An action no target resource can match (a namespace action on a repository target, a chart
 *      action) is not granted: the target holds nothing it acts on (information
 *      ACTION_OUTSIDE_RESOURCE_TARGET).
 *   0. A target names one instance and at least one namespace or repository; each ID and name is a
 *      reference or a literal that can be one part of an ARN: not empty, no `:` or `/` (they
 *      separate ARN parts), no `*` or `?` (they would widen the grant), no white space. Else error
 *      INVALID_RESOURCE_TARGET, and nothing is placed.
 *   5. Other statements (Deny, specific Resources, NotAction, NotResource) and patterns of other
 *      services or unknown to the catalog stay as written; an unknown `cr:` name goes with rule 3.
 * The resource-group split (split.ts) runs on the result unchanged: it keeps each statement's
 * Resources, so an action that both lacks resource-group support and needs `*` lands at account
 * level on `*`.
 */
import { CrCatalog } from './catalog/catalog';
import { type Diagnostic, DiagnosticCode, quote, Severity } from './diagnostic';
import { PolicyDocument } from './document';
import { Effect } from './effect';
import { listed } from './listed';
import type { StatementData } from './parse';
import { PatternService, patternService } from './patterns';
import { ARN_FORMAT_SOURCE, isAccountWide, requestResources, resourceMayMatch } from './resource-types';
import { PolicyStatement } from './statement';
import { hasWildcard } from './wildcard';

/** One repository of a target. */
export interface TargetRepository {
  readonly namespaceName: string;
  readonly repositoryName: string;
}

/** Namespaces and repositories of one Enterprise Edition instance (plain data; see the header). */
export interface ResourceTargetData {
  readonly instanceId: string;
  /** @default '*' */
  readonly regionId?: string;
  /** @default '*' */
  readonly accountId?: string;
  /** @default - none */
  readonly namespaceNames?: string[];
  /** @default - none */
  readonly repositories?: TargetRepository[];
}

/** Where each action went. */
export interface ResourcePlacement {
  readonly action: string;
  /** Sorted; empty when rule 4 left the action out. */
  readonly resources: string[];
}

/** The placed document and what happened on the way. */
export interface PlacedAccess {
  readonly document: PolicyDocument;
  readonly placements: ResourcePlacement[];
  readonly diagnostics: Diagnostic[];
}

const ARN_PART_RULE = `an ID or name is one part of an ARN (${ARN_FORMAT_SOURCE}): not empty, without ":" or "/" (they separate parts), "*" or "?" (they would widen the grant) or white space`;

/** Rule 0: what is wrong with `target` (empty when it can be placed). */
export function targetErrors(target: ResourceTargetData): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (value: string, what: string) => {
    if (value.includes('${') || /^[^:/*?\s]+$/.test(value)) return;
    out.push({
      code: DiagnosticCode.INVALID_RESOURCE_TARGET,
      severity: Severity.ERROR,
      location: '',
      message: `the resource target's ${what} cannot be part of an ARN`,
      value: quote(value),
      rule: ARN_PART_RULE,
      fix: `pass the ${what} as the console shows it, or a reference to the alicloud_cr_ee_* resource`,
    });
  };
  check(target.instanceId, 'instance ID');
  for (const ns of target.namespaceNames ?? []) check(ns, 'namespace name');
  for (const r of target.repositories ?? []) {
    check(r.namespaceName, 'namespace name');
    check(r.repositoryName, 'repository name');
  }
  if ((target.namespaceNames ?? []).length + (target.repositories ?? []).length === 0)
    out.push({
      code: DiagnosticCode.INVALID_RESOURCE_TARGET,
      severity: Severity.ERROR,
      location: '',
      message: 'the resource target names no namespace or repository',
      value: quote(target.instanceId),
      rule: 'a resource target is one or more namespaces or repositories of one instance',
      fix: 'name the namespaces or repositories; for the whole instance, grant without a target (or at resource-group scope)',
    });
  return out;
}

/** Rule 1. */
export function targetResources(target: ResourceTargetData): string[] {
  const prefix = `acs:cr:${target.regionId ?? '*'}:${target.accountId ?? '*'}:`;
  const id = target.instanceId;
  const out = [`${prefix}instance/${id}`, `${prefix}repository/${id}`];
  for (const ns of target.namespaceNames ?? [])
    out.push(`${prefix}repository/${id}/${ns}`, `${prefix}repository/${id}/${ns}/*`);
  for (const r of target.repositories ?? [])
    out.push(`${prefix}repository/${id}/${r.namespaceName}/${r.repositoryName}`);
  return [...new Set(out)].sort();
}

/** Rules 2 to 4 for one catalog action. */
function placeAction(action: string, within: string[]): { resources: string[]; unknown: boolean } {
  const request = requestResources(action);
  if (request === undefined) return { resources: within, unknown: true };
  if (request.some(isAccountWide)) return { resources: ['*'], unknown: false };
  return {
    resources: within.filter((r) =>
      request.some((t) => resourceMayMatch(r, t, { personalEdition: false, referencesAreParts: true })),
    ),
    unknown: false,
  };
}

/** Places `document` on `target` (see the header). */
export function placeOnTarget(
  document: PolicyDocument,
  target: ResourceTargetData,
  catalog: CrCatalog = CrCatalog.bundled(),
): PlacedAccess {
  const invalid = targetErrors(target);
  if (invalid.length > 0)
    return { document: PolicyDocument._invalid(invalid), placements: [], diagnostics: invalid };
  const within = targetResources(target);
  const kept: PolicyStatement[] = [];
  const groups = new Map<
    string,
    { resources: string[]; conditions: StatementData['conditions']; actions: Set<string> }
  >();
  const placements = new Map<string, string[]>();
  const unknown = new Set<string>();
  const add = (actions: string[], resources: string[], conditions: StatementData['conditions']) => {
    const key = JSON.stringify([resources, conditions]);
    const group = groups.get(key) ?? { resources, conditions, actions: new Set<string>() };
    actions.forEach((a) => group.actions.add(a));
    groups.set(key, group);
  };
  for (const s of document._statements) {
    const placeable =
      s.effect === Effect.ALLOW && !s.notAction && !s.notResource && s.resources.includes('*');
    if (!placeable) {
      kept.push(PolicyDocument._fromData([s]).statements[0]);
      continue;
    }
    const passThrough: string[] = [];
    for (const pattern of s.actions) {
      if (patternService(pattern) !== PatternService.CR) {
        passThrough.push(pattern);
        continue;
      }
      const names = hasWildcard(pattern)
        ? catalog.match(pattern)
        : [catalog.lookup(pattern)?.name].filter((n): n is string => n !== undefined);
      if (names.length === 0) {
        if (hasWildcard(pattern)) passThrough.push(pattern);
        else {
          unknown.add(pattern);
          add([pattern], within, s.conditions);
        }
        continue;
      }
      for (const name of names) {
        const placed = placeAction(name, within);
        if (placed.unknown) unknown.add(name);
        placements.set(name, [...new Set([...(placements.get(name) ?? []), ...placed.resources])].sort());
        if (placed.resources.length > 0) add([name], placed.resources, s.conditions);
      }
    }
    if (passThrough.length > 0) add(passThrough, ['*'], s.conditions);
  }
  const statements = [...groups.values()].map(
    (g) =>
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: [...g.actions],
        resources: g.resources,
        conditions: Object.keys(g.conditions).length === 0 ? undefined : g.conditions,
      }),
  );
  const result = [...placements.entries()]
    .map(([action, resources]) => ({ action, resources }))
    .sort((a, b) => (a.action < b.action ? -1 : 1));
  return {
    document: PolicyDocument.of([...statements, ...kept]),
    placements: result,
    diagnostics: placementDiagnostics([...unknown].sort(), result, target),
  };
}

function placementDiagnostics(
  unknown: string[],
  placements: ResourcePlacement[],
  target: ResourceTargetData,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (unknown.length > 0)
    out.push({
      code: DiagnosticCode.ACTION_RESOURCE_TYPE_UNKNOWN,
      severity: Severity.INFO,
      location: '',
      message: `${listed(unknown)}: the documentation read does not give the resource they are authorized against, so they are granted on every resource of the target`,
      value: quote(unknown),
      rule: 'an action of unknown resource type is granted on all of the target (instance, namespaces, repositories), never beyond it (resource-placement.ts rule 3)',
      fix: "nothing to do; when an authorization page gives the action's ARN, add it to src/policy/catalog/cr-resource-types.json",
    });
  const outside = placements.filter((p) => p.resources.length === 0).map((p) => p.action);
  if (outside.length > 0)
    out.push({
      code: DiagnosticCode.ACTION_OUTSIDE_RESOURCE_TARGET,
      severity: Severity.INFO,
      location: '',
      message: `${listed(outside)}: no resource of the target is of the type they are authorized against, so the target does not grant them`,
      value: quote(outside),
      rule: `an action is granted only on the target's resources it can act on (instance ${quote(target.instanceId)}, its namespaces and repositories; resource-placement.ts rule 4)`,
      fix: 'grant them with another target (a namespace for namespace actions) or another access, if they are needed',
    });
  return out;
}
