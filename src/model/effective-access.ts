/**
 * Effective access: what every RAM principal of a configuration may do in Container Registry, per
 * scope (the account, and each resource group the configuration attaches policies in) and per action
 * (the catalog's, and any other `cr:` action a policy names as written), with where each decision
 * comes from (policy, attachment, group). The rules are access-rules.ts's; this file only gathers, for
 * each principal, the policies those rules take (its own and its groups', with their scope).
 *
 * Principals are matched across forms by principals.ts (a user resource, a reference to it, its
 * `name@<account>.onaliyun.com` form); a user holds its groups' policies through
 * alicloud_ram_group_membership or alicloud_ram_user_group_attachment (attachments.ts). Attachments
 * whose principal or document cannot be read are listed in `unread`, never guessed.
 *
 * Principals holding the same documents in a scope share one evaluation, so a configuration of
 * thousands of principals costs a few evaluations per distinct set of policies.
 */
import { CrCatalog, Effect, type PolicyDocument } from '../policy';
import { type StatementData, sortedUnique } from '../policy/parse';
import { actionKey, hasWildcard } from '../policy/wildcard';
import {
  AccessDecision,
  combine,
  Reach,
  type RequestContext,
  statementMatchesAction,
  statementReach,
} from './access-rules';
import { type AttachmentRecord, readGrants } from './attachments';
import { PRINCIPAL_KINDS, type PrincipalIdentity, principalFromName } from './principals';
import { literalString, ResourceIndex } from './references';
import { resourceAddress, type TerraformResource } from './terraform';

/** The scope name of the account in every output. */
export const ACCOUNT_SCOPE = 'account';

/** Where a decision comes from: one attachment of one policy. */
export interface AccessSource {
  readonly policyName: string;
  /** The attachment's Terraform address. */
  readonly attachment: string;
  /** `account`, or the resource group the policy is attached in. */
  readonly scope: string;
  /** The group the principal holds the policy through, as `IMSGroup <name>`; absent when its own. */
  readonly viaGroup?: string;
  readonly effect: Effect;
}

/** A policy a principal holds, where. */
interface HeldPolicy {
  readonly document: PolicyDocument;
  /** Undefined at account scope. */
  readonly resourceGroupId?: string;
  readonly source: AccessSource;
}

/** One principal of the configuration. */
export interface AccessPrincipal {
  readonly identity: PrincipalIdentity;
  /** `IMSUser alice`: the principal for people. */
  readonly label: string;
  /** The groups of a user, as labels, sorted. */
  readonly groups: string[];
  /** The resource groups it (or a group of it) holds policies in, sorted. */
  readonly resourceGroups: string[];
  readonly policies: readonly HeldPolicy[];
}

/** A decision and the attachments that make it. */
export interface ActionDecision {
  readonly action: string;
  readonly decision: AccessDecision;
  /** The Allow statements' attachments for allow and conditional, the Deny's for deny; sorted. */
  readonly sources: AccessSource[];
}

/** Options of the evaluator. */
export interface EffectiveAccessOptions {
  /**
   * The catalog of Container Registry actions.
   * @default CrCatalog.bundled()
   */
  readonly catalog?: CrCatalog;
  /**
   * Actions to evaluate besides the catalog's and those the configuration names (a diff passes the
   * other side's, so both sides answer for the same actions).
   * @default - none
   */
  readonly extraActions?: readonly string[];
}

/** The effective access of one configuration. */
export class EffectiveAccess {
  /** Reads `resources` and evaluates on demand. */
  public static of(resources: readonly TerraformResource[], options: EffectiveAccessOptions = {}) {
    return new EffectiveAccess(resources, options.catalog ?? CrCatalog.bundled(), options.extraActions ?? []);
  }

  /** Every action evaluated: the catalog's, then the other `cr:` actions named, each sorted. */
  public readonly actions: string[];
  /** Principals sorted by type and name. */
  public readonly principals: AccessPrincipal[];
  /** Every resource group some attachment names, sorted. */
  public readonly resourceGroups: string[];
  /** Every policy attachment of the configuration, in its order. */
  public readonly attachments: readonly AttachmentRecord[];
  /** Attachments whose principal or document could not be read (they grant nothing here). */
  public readonly unread: AttachmentRecord[];

  private readonly byKey = new Map<string, AccessPrincipal>();
  private readonly catalog: CrCatalog;
  private readonly documentIds = new Map<PolicyDocument, number>();
  private readonly signatures = new Map<string, string>();
  private readonly evaluated = new Map<string, (AccessDecision | undefined)[]>();
  private readonly single = new Map<string, AccessDecision | undefined>();
  private indexByAction?: Map<string, number>;
  private readonly patternHits = new Map<string, Map<string, boolean>>();

  private constructor(resources: readonly TerraformResource[], catalog: CrCatalog, extra: readonly string[]) {
    this.catalog = catalog;
    const { attachments, groupsOfUser, members } = readGrants(resources);
    this.attachments = attachments;
    const identities = new Map(members);
    for (const id of ramPrincipals(resources)) identities.set(id.key, id);
    const own = new Map<string, HeldPolicy[]>();
    this.unread = [];
    const groups = new Set<string>();
    for (const a of attachments) {
      if (a.principal === undefined || a.policy.document === undefined) {
        this.unread.push(a);
        continue;
      }
      identities.set(a.principal.key, a.principal);
      if (a.resourceGroupId !== undefined) groups.add(a.resourceGroupId);
      const list = own.get(a.principal.key) ?? [];
      list.push({
        document: a.policy.document,
        resourceGroupId: a.resourceGroupId,
        source: {
          policyName: policyLabel(a),
          attachment: resourceAddress(a.resource),
          scope: a.resourceGroupId ?? ACCOUNT_SCOPE,
          effect: Effect.ALLOW,
        },
      });
      own.set(a.principal.key, list);
    }
    const label = (id: PrincipalIdentity) => `${id.principalType} ${id.display}`;
    // A group's policies as its members hold them: built once per group, shared by every member.
    const throughGroup = new Map<string, HeldPolicy[]>();
    const viaGroup = (g: PrincipalIdentity) => {
      let list = throughGroup.get(g.key);
      if (list === undefined) {
        list = (own.get(g.key) ?? []).map((p) => ({ ...p, source: { ...p.source, viaGroup: label(g) } }));
        throughGroup.set(g.key, list);
      }
      return list;
    };
    for (const id of identities.values()) {
      const groupIds = [...(groupsOfUser.get(id.key) ?? [])].map((k) => identities.get(k)!);
      const direct = own.get(id.key) ?? [];
      const policies = groupIds.length === 0 ? direct : [...direct, ...groupIds.flatMap(viaGroup)];
      this.byKey.set(id.key, {
        identity: id,
        label: label(id),
        groups: groupIds.map(label).sort(),
        resourceGroups: sortedUnique(policies.flatMap((p) => p.resourceGroupId ?? [])),
        policies,
      });
    }
    this.principals = [...this.byKey.values()].sort((x, y) =>
      x.label < y.label ? -1 : x.label > y.label ? 1 : x.identity.key < y.identity.key ? -1 : 1,
    );
    this.resourceGroups = [...groups].sort();
    const named = attachments.flatMap((a) => (a.policy.document === undefined ? [] : [a.policy.document]));
    this.actions = [...catalog.actionNames, ...otherCrActions(named, extra, catalog)];
  }

  /** The position of `action` in `actions` (compared as written), or -1. */
  public actionIndex(action: string): number {
    this.indexByAction ??= new Map(this.actions.map((a, i) => [a, i]));
    return this.indexByAction.get(action) ?? -1;
  }

  /** The principal of `key` (PrincipalIdentity.key), if the configuration has it. */
  public principal(key: string): AccessPrincipal | undefined {
    return this.byKey.get(key);
  }

  /**
   * The decision for every action of `actions` (same order), at account scope or in a resource group.
   * Arrays are shared between principals that hold the same documents: do not change them.
   */
  public decisions(key: string, resourceGroupId?: string): readonly (AccessDecision | undefined)[] {
    const principal = this.byKey.get(key);
    if (principal === undefined) return this.actions.map(() => undefined);
    const signature = this.signature(principal, resourceGroupId);
    let out = this.evaluated.get(signature);
    if (out === undefined) {
      const policies = principal.policies;
      out = this.actions.map((action) => this.evaluate(policies, action, resourceGroupId, {}).decision);
      this.evaluated.set(signature, out);
    }
    return out;
  }

  /** The decision for one request, with its sources. */
  public decide(
    key: string,
    action: string,
    resourceGroupId?: string,
    context: RequestContext = {},
  ): ActionDecision | undefined {
    const principal = this.byKey.get(key);
    if (principal === undefined) return undefined;
    const result = this.evaluate(principal.policies, action, resourceGroupId, context);
    return result.decision === undefined ? undefined : { action, ...result, decision: result.decision };
  }

  /** Only the decision for one request (memoized per set of documents held: the check asks often). */
  public decisionOf(
    key: string,
    action: string,
    resourceGroupId?: string,
    context: RequestContext = {},
  ): AccessDecision | undefined {
    const principal = this.byKey.get(key);
    if (principal === undefined) return undefined;
    const memo = [
      this.signature(principal, resourceGroupId),
      action,
      context.resource ?? '*',
      JSON.stringify(context.conditions ?? null),
    ].join('\n');
    if (this.single.has(memo)) return this.single.get(memo);
    const decision = this.evaluate(principal.policies, action, resourceGroupId, context).decision;
    this.single.set(memo, decision);
    return decision;
  }

  /** Rule 3, with each pattern's answer per action remembered: a configuration repeats few patterns. */
  private matches(s: StatementData, action: string): boolean {
    let hit = false;
    for (const pattern of s.actions) {
      let known = this.patternHits.get(pattern);
      if (known === undefined) {
        known = new Map();
        this.patternHits.set(pattern, known);
      }
      let h = known.get(action);
      if (h === undefined) {
        h = statementMatchesAction({ ...s, notAction: false, actions: [pattern] }, action);
        known.set(action, h);
      }
      if (h) {
        hit = true;
        break;
      }
    }
    return hit !== s.notAction;
  }

  /**
   * Which documents count for the principal in the scope, as text: principals with equal signatures
   * decide every request alike (callers key their own memos by it).
   */
  public signatureOf(key: string, resourceGroupId?: string): string | undefined {
    const principal = this.byKey.get(key);
    return principal === undefined ? undefined : this.signature(principal, resourceGroupId);
  }

  /** Rules 1 and 2 of access-rules.ts: the policies that count for `action` in the scope. */
  private applies(p: HeldPolicy, action: string, resourceGroupId: string | undefined): boolean {
    if (p.resourceGroupId === undefined) return true;
    return (
      p.resourceGroupId === resourceGroupId && (this.catalog.lookup(action)?.supportsResourceGroup ?? true)
    );
  }

  private evaluate(
    policies: readonly HeldPolicy[],
    action: string,
    resourceGroupId: string | undefined,
    context: RequestContext,
  ): { decision?: AccessDecision; sources: AccessSource[] } {
    let allow = Reach.NONE;
    let deny = Reach.NONE;
    const allowing: AccessSource[] = [];
    const denying: AccessSource[] = [];
    const defaultContext = context.resource === undefined && context.conditions === undefined;
    for (const p of policies) {
      if (!this.applies(p, action, resourceGroupId)) continue;
      for (const s of p.document._statements) {
        if (!this.matches(s, action)) continue;
        const reach = defaultContext ? defaultReach(s) : statementReach(s, context);
        if (reach === Reach.NONE) continue;
        if (s.effect === Effect.DENY) {
          deny = Math.max(deny, reach);
          if (reach === Reach.FULL) denying.push({ ...p.source, effect: Effect.DENY });
        } else {
          allow = Math.max(allow, reach);
          allowing.push(p.source);
        }
      }
    }
    const decision = combine(allow, deny);
    const sources = decision === AccessDecision.DENY ? denying : decision === undefined ? [] : allowing;
    return { decision, sources: uniqueSources(sources) };
  }

  /** Which documents count in the scope, as text: principals with equal signatures decide alike. */
  private signature(principal: AccessPrincipal, resourceGroupId: string | undefined): string {
    const memo = `${principal.identity.key}\n${resourceGroupId ?? ''}`;
    let signature = this.signatures.get(memo);
    if (signature === undefined) {
      const id = (d: PolicyDocument) => {
        let n = this.documentIds.get(d);
        if (n === undefined) {
          n = this.documentIds.size;
          this.documentIds.set(d, n);
        }
        return n;
      };
      const account = principal.policies
        .filter((p) => p.resourceGroupId === undefined)
        .map((p) => id(p.document));
      const group = principal.policies
        .filter((p) => p.resourceGroupId !== undefined && p.resourceGroupId === resourceGroupId)
        .map((p) => id(p.document));
      const ids = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b).join(',');
      signature = `${ids(account)}|${ids(group)}`;
      this.signatures.set(memo, signature);
    }
    return signature;
  }
}

/** The decisions of one principal in a scope that are not the implicit deny, with their sources. */
export function accessIn(model: EffectiveAccess, key: string, resourceGroupId?: string): ActionDecision[] {
  const decisions = model.decisions(key, resourceGroupId);
  const out: ActionDecision[] = [];
  model.actions.forEach((action, i) => {
    if (decisions[i] !== undefined) out.push(model.decide(key, action, resourceGroupId)!);
  });
  return out;
}

/** Rules 4 and 5 for a request for every resource with no Condition, remembered per statement. */
const defaultReaches = new WeakMap<StatementData, Reach>();
function defaultReach(s: StatementData): Reach {
  let reach = defaultReaches.get(s);
  if (reach === undefined) {
    reach = statementReach(s, {});
    defaultReaches.set(s, reach);
  }
  return reach;
}

function uniqueSources(sources: AccessSource[]): AccessSource[] {
  const seen = new Map<string, AccessSource>();
  for (const s of sources) seen.set(`${s.attachment}\n${s.viaGroup ?? ''}\n${s.effect}`, s);
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s);
}

/** The policy's literal name when the configuration defines it, else the name as the attachment writes it. */
function policyLabel(a: AttachmentRecord): string {
  const attributes = a.policy.resource?.attributes ?? {};
  return literalString(attributes.policy_name) ?? literalString(attributes.name) ?? a.policyName;
}

/** Users, groups and roles defined in the configuration, identified as an attachment naming them is. */
function ramPrincipals(resources: readonly TerraformResource[]): PrincipalIdentity[] {
  let index: ResourceIndex | undefined;
  const out: PrincipalIdentity[] = [];
  for (const [principalType, kind] of Object.entries(PRINCIPAL_KINDS)) {
    for (const r of resources) {
      if (r.resourceType !== kind.resource) continue;
      const literal = kind.nameAttributes.map((a) => literalString(r.attributes[a])).find(Boolean);
      // A computed name: identified through a reference to the resource, as attachments naming it are.
      if (literal === undefined) index ??= new ResourceIndex(resources);
      const value = literal ?? `\${${kind.resource}.${r.name}.name}`;
      const id = principalFromName(index ?? EMPTY_INDEX, r, principalType, value);
      if (id !== undefined) out.push(id);
    }
  }
  return out;
}

const EMPTY_INDEX = new ResourceIndex([]);

/** `cr:` actions that statements name literally and the catalog lacks, as first written (sorted). */
function otherCrActions(
  documents: readonly PolicyDocument[],
  extra: readonly string[],
  catalog: CrCatalog,
): string[] {
  const names = new Set<string>(extra);
  for (const d of new Set(documents)) {
    for (const s of d._statements) {
      for (const a of s.actions) if (/^cr:/i.test(a) && !hasWildcard(a)) names.add(a);
    }
  }
  return sortedUnique(
    [...names].filter((a) => catalog.lookup(a) === undefined),
    actionKey,
  );
}
