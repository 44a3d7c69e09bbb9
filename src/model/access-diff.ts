/**
 * What a change to a configuration does to effective access, per principal and scope: actions gained
 * and lost, allow that became conditional and back, principals added and removed. Rules:
 *   1. Decisions rank: no decision or deny (both refuse) < conditional < allow. A rise is a gain, a
 *      fall a loss; broadening is any rise (so `--fail-on broadening` stops anything that widens).
 *   2. An account-scope decision holds in every resource group (access-rules.ts, rule 2), so a
 *      resource group's row lists only the changes that differ from the account row's for the same
 *      action: a gain at account scope is not repeated for every group.
 *   3. Only principals with a change appear; one with no access before is `added`, none after `removed`.
 * Both sides are evaluated for the same actions (the catalog's and every `cr:` action either names).
 */
import { AccessDecision } from './access-rules';
import { ACCOUNT_SCOPE, type EffectiveAccess } from './effective-access';

/** The changes in one scope; every list in catalog order, then other actions sorted. */
export interface ScopeChange {
  /** `account`, or a resource group as written. */
  readonly scope: string;
  /** Refused before, allowed after. */
  readonly gained: string[];
  /** Refused before, conditional after. */
  readonly gainedConditional: string[];
  /** Conditional before, allowed after. */
  readonly nowAllowed: string[];
  /** Allowed before, conditional after. */
  readonly nowConditional: string[];
  /** Conditional before, refused after. */
  readonly lostConditional: string[];
  /** Allowed before, refused after. */
  readonly lost: string[];
}

/** How a principal changed. */
export enum PrincipalChangeKind {
  ADDED = 'added',
  REMOVED = 'removed',
  CHANGED = 'changed',
}

/** One principal whose access changed. */
export interface PrincipalChange {
  /** `IMSUser alice`. */
  readonly principal: string;
  readonly principalType: string;
  readonly change: PrincipalChangeKind;
  /** True when it gains anything (rule 1). */
  readonly broadening: boolean;
  /** The account first, then resource groups sorted; only scopes with a change. */
  readonly scopes: ScopeChange[];
}

/** The whole difference. */
export interface AccessDiff {
  readonly principals: PrincipalChange[];
  readonly broadening: boolean;
  /** Attachments of each side that could not be read (they count as granting nothing). */
  readonly unreadBefore: number;
  readonly unreadAfter: number;
}

const RANK = (d: AccessDecision | undefined) =>
  d === AccessDecision.ALLOW ? 2 : d === AccessDecision.CONDITIONAL ? 1 : 0;

type Transition = keyof Omit<ScopeChange, 'scope'>;
const TRANSITIONS: { [fromTo: string]: Transition } = {
  '0-2': 'gained',
  '0-1': 'gainedConditional',
  '1-2': 'nowAllowed',
  '2-1': 'nowConditional',
  '1-0': 'lostConditional',
  '2-0': 'lost',
};

/** Decisions of one principal of one side for `actions` (the union of both sides'), by position. */
function aligned(model: EffectiveAccess, actions: readonly string[]) {
  const positions = actions.map((a) => model.actionIndex(a));
  const same = positions.every((p, i) => p === i) && positions.length === model.actions.length;
  return (key: string, resourceGroupId?: string): readonly (AccessDecision | undefined)[] => {
    const decisions = model.decisions(key, resourceGroupId);
    if (same) return decisions;
    return positions.map((p, i) =>
      p >= 0 ? decisions[p] : model.decisionOf(key, actions[i], resourceGroupId),
    );
  };
}

function hasAccess(model: EffectiveAccess, key: string): boolean {
  const principal = model.principal(key);
  if (principal === undefined) return false;
  return [undefined, ...principal.resourceGroups].some((rg) =>
    model.decisions(key, rg).some((d) => RANK(d) > 0),
  );
}

/** The difference from `before` to `after`; see the file header. */
export function diffAccess(before: EffectiveAccess, after: EffectiveAccess): AccessDiff {
  // Before's order (the catalog's, then other actions), then any action only after names.
  const actions = [...new Set([...before.actions, ...after.actions])];
  const beforeOf = aligned(before, actions);
  const afterOf = aligned(after, actions);
  const keys = new Map<string, { label: string; type: string }>();
  for (const model of [before, after])
    for (const p of model.principals)
      keys.set(p.identity.key, { label: p.label, type: p.identity.principalType });
  const principals: PrincipalChange[] = [];
  for (const [key, { label, type }] of keys) {
    const groups = new Set([
      ...(before.principal(key)?.resourceGroups ?? []),
      ...(after.principal(key)?.resourceGroups ?? []),
    ]);
    const accountBefore = beforeOf(key);
    const accountAfter = afterOf(key);
    const scopes: ScopeChange[] = [];
    for (const rg of [undefined, ...[...groups].sort()]) {
      const b = rg === undefined ? accountBefore : beforeOf(key, rg);
      const a = rg === undefined ? accountAfter : afterOf(key, rg);
      const change: ScopeChange = {
        scope: rg ?? ACCOUNT_SCOPE,
        gained: [],
        gainedConditional: [],
        nowAllowed: [],
        nowConditional: [],
        lostConditional: [],
        lost: [],
      };
      let any = false;
      for (let i = 0; i < actions.length; i++) {
        const from = RANK(b[i]);
        const to = RANK(a[i]);
        if (from === to) continue;
        if (rg !== undefined && from === RANK(accountBefore[i]) && to === RANK(accountAfter[i])) continue;
        change[TRANSITIONS[`${from}-${to}`]].push(actions[i]);
        any = true;
      }
      if (any) scopes.push(change);
    }
    if (scopes.length === 0) continue;
    const had = hasAccess(before, key);
    const has = hasAccess(after, key);
    principals.push({
      principal: label,
      principalType: type,
      change: !had
        ? PrincipalChangeKind.ADDED
        : !has
          ? PrincipalChangeKind.REMOVED
          : PrincipalChangeKind.CHANGED,
      broadening: scopes.some((s) => s.gained.length + s.gainedConditional.length + s.nowAllowed.length > 0),
      scopes,
    });
  }
  principals.sort((x, y) => (x.principal < y.principal ? -1 : x.principal > y.principal ? 1 : 0));
  return {
    principals,
    broadening: principals.some((p) => p.broadening),
    unreadBefore: before.unread.length,
    unreadAfter: after.unread.length,
  };
}
