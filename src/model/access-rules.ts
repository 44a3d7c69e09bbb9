/**
 * RAM's evaluation of one request against the policies a principal holds, stated once (the evaluator
 * applies it to every principal, scope and action; test/model/effective-access.test.ts checks it
 * against a brute force written from this header alone). For a request (action, scope: the account
 * or one resource group, resource, and the Condition the requester's own grant carries):
 *
 *   1. The policies that count are those attached to the principal and, for a user, to each of its
 *      groups (RAM "Policy evaluation logic": all identity-based policies of the principal apply,
 *      https://www.alibabacloud.com/help/en/resource-access-management/latest/policy-evaluation-process,
 *      last updated Mar 20, 2026).
 *   2. A policy attached at account scope applies in every resource group ("Account: the permissions
 *      apply to all resources in your Alibaba Cloud account", Container Registry "Attach system
 *      policies to a RAM user", /work/shared/seeds/000_*). A policy attached at a resource group's
 *      scope applies only in that group, and not at all to actions without resource-group support
 *      ("setting the resource scope to Resource Group Level has no effect", Container Registry
 *      "Fine-grained resource control with resource groups", /work/shared/seeds/002_*; the catalog in
 *      src/policy/catalog says which actions those are; an action outside it is taken as supported,
 *      as the catalog's header explains).
 *   3. A statement matches the action when one of its Action patterns matches it, or, for NotAction,
 *      none does (wildcards and case as src/policy/wildcard.ts decides).
 *   4. It covers the resource fully when one Resource pattern matches the requested resource as
 *      written (`*` matches everything). Otherwise, when the request names many resources (a pattern
 *      such as `*`), it covers some of them; a single resource it does not match is not covered.
 *      NotResource is the complement: a requested resource one of its patterns matches is not
 *      covered, a single other resource is, and a request for many resources is covered in part.
 *   5. A Condition decides at request time: a statement with one applies only conditionally, unless
 *      the request carries exactly the same Condition (the grant is meant under it).
 *   6. Explicit Deny overrides Allow (same page, "Explicit deny overrides allow"): a Deny that matches,
 *      covers fully and applies unconditionally makes the decision `deny`. Otherwise an unconditional,
 *      fully covering Allow makes it `allow`, or `conditional` when some Deny may still apply in part.
 *      Otherwise an Allow that applies in part or under a Condition makes it `conditional`.
 *      Otherwise the request is denied by default ("Deny by default"): no decision.
 */
import type { ConditionMap, StatementData } from '../policy/parse';
import { actionMatches, hasWildcard, resourceMatches, resourcePatternCovers } from '../policy/wildcard';

/** The effective decision for a request; no decision (undefined) is the implicit deny. */
export enum AccessDecision {
  /** Allowed whatever the request's context. */
  ALLOW = 'allow',
  /** Explicitly denied. */
  DENY = 'deny',
  /** Allowed only for some resources or under a Condition decided at request time. */
  CONDITIONAL = 'conditional',
}

/** How far a statement reaches for one request (rules 3 to 5). */
export enum Reach {
  NONE = 0,
  PARTIAL = 1,
  FULL = 2,
}

/** The requested resource and the Condition the request carries. */
export interface RequestContext {
  /** A resource name or pattern; `*` (every resource of the action) by default. */
  readonly resource?: string;
  /** The Condition the requester's own grant is under (rule 5). */
  readonly conditions?: ConditionMap;
}

/** Rule 3. */
export function statementMatchesAction(s: StatementData, action: string): boolean {
  return s.actions.some((p) => actionMatches(p, action)) !== s.notAction;
}

/** Rule 4. */
export function resourceReach(s: StatementData, resource: string): Reach {
  const many = hasWildcard(resource);
  // A needed pattern is covered only by a held pattern that covers every name it stands for.
  const hit = s.resources.some((p) =>
    many ? resourcePatternCovers(p, resource) : resourceMatches(p, resource),
  );
  if (!s.notResource) return hit ? Reach.FULL : many ? Reach.PARTIAL : Reach.NONE;
  if (hit) return Reach.NONE;
  return many ? Reach.PARTIAL : Reach.FULL;
}

/** Rules 4 and 5 for a statement that matches the action. */
export function statementReach(s: StatementData, context: RequestContext): Reach {
  const reach = resourceReach(s, context.resource ?? '*');
  if (reach === Reach.NONE || Object.keys(s.conditions).length === 0) return reach;
  return sameConditions(s.conditions, context.conditions) ? reach : Reach.PARTIAL;
}

function sameConditions(a: ConditionMap, b: ConditionMap | undefined): boolean {
  return b !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/** Rule 6, from the widest reach of any Allow and any Deny that match. */
export function combine(allow: Reach, deny: Reach): AccessDecision | undefined {
  if (deny === Reach.FULL) return AccessDecision.DENY;
  if (allow === Reach.FULL) return deny === Reach.NONE ? AccessDecision.ALLOW : AccessDecision.CONDITIONAL;
  return allow === Reach.PARTIAL ? AccessDecision.CONDITIONAL : undefined;
}
