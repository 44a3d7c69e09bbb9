/**
 * An independent evaluation of (action, resource) pairs, for the resource placement's tests: which
 * concrete request resources an action can be authorized against (from the catalog's data, IDs filled
 * in), whether a target means to grant an action on one (decided by comparing IDs, not by patterns),
 * and whether a document grants it (RAM's Allow: some statement names the action and has a Resource
 * matching the resource).
 */
import {
  CrCatalog,
  isAccountWide,
  type PolicyDocument,
  requestResources,
  type ResourceTargetData,
} from '../../src/policy';
import { actionMatches, resourceMatches } from '../../src/policy/wildcard';

/** IDs and names the concrete resources are made of (the targets draw from the same). */
export const INSTANCES = ['cri-a', 'cri-b'];
export const NAMES = ['n1', 'n2', 'r1', 'r2'];
/** The deepest Container Registry ARN has four parts (`repository/$instanceid/$namespacename/$repositoryname`, ARN format table). */
const MAX_PARTS = 4;

/** Every concrete request resource of `action` over INSTANCES and NAMES (region cn-hangzhou, account 123). */
export function concreteResources(action: string): string[] {
  const out = new Set<string>();
  for (const t of requestResources(action) ?? []) {
    if (t.arn === '*') {
      out.add('*');
      continue;
    }
    let bases = [t.arn.replace('$regionid', 'cn-hangzhou').replace('$accountid', '123')];
    for (const param of [
      '$instanceid',
      '$namespacename',
      '$repositoryname',
      '$chartnamespacename',
      '$chartrepositoryname',
    ])
      bases = bases.flatMap((b) =>
        b.includes(param)
          ? (param === '$instanceid' ? INSTANCES : NAMES).map((v) => b.replace(param, v))
          : [b],
      );
    for (const base of bases) {
      out.add(base);
      if (!t.deeper) continue;
      let level = [base];
      while (level[0].split(':')[4].split('/').length < MAX_PARTS) {
        level = level.flatMap((b) => NAMES.map((n) => `${b}/${n}`));
        level.forEach((r) => out.add(r));
      }
    }
  }
  return [...out].sort();
}

/** Whether `target` means `action` to be granted on `resource` (see the file header). */
export function intended(action: string, resource: string, target: ResourceTargetData): boolean {
  const request = requestResources(action);
  if (request === undefined) throw new Error(`${action}: unknown resources, not evaluated`);
  if (request.some(isAccountWide)) return true; // granted on "*", as AWS ECR grants GetAuthorizationToken
  const [kind, id, ns, repo] = resource.split(':')[4].split('/');
  if (id !== target.instanceId) return false;
  if (ns === undefined) return kind === 'instance' || kind === 'repository';
  if (kind !== 'repository') return false;
  if ((target.namespaceNames ?? []).includes(ns)) return true;
  return (
    repo !== undefined &&
    (target.repositories ?? []).some((r) => r.namespaceName === ns && r.repositoryName === repo)
  );
}

/** Whether an Allow of `document` grants `action` on `resource` (the documents placed here have no Deny). */
export function grants(document: PolicyDocument, action: string, resource: string): boolean {
  return document._statements.some(
    (s) =>
      s.effect === 'Allow' &&
      !s.notAction &&
      !s.notResource &&
      s.actions.some((p) => actionMatches(p, action)) &&
      s.resources.some((p) => resourceMatches(p, resource)),
  );
}

/** The catalog actions whose resources are known (the others are granted on the whole target). */
export function evaluableActions(): string[] {
  return CrCatalog.bundled().actionNames.filter((a) => requestResources(a) !== undefined);
}
