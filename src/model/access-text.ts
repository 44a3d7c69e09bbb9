/**
 * Effective access as stable text, one line per principal and scope, for snapshots and reviews:
 *   `IMSUser alice @ account: allow (2) cr:GetRepository, cr:ListRepository; deny (1) cr:DeleteRepository`
 *   `IMSUser alice @ rg-aek2teama: allow (1) cr:PushRepository`
 * A resource group's line lists only what differs there from the account line (an account-scope
 * decision holds in every group: access-rules.ts, rule 2). A principal with no access has one line,
 * `... @ account: none`. Principals sorted by type and name, actions by name: same configuration, same
 * text, whatever the input order.
 */
import { AccessDecision } from './access-rules';
import { ACCOUNT_SCOPE, type EffectiveAccess } from './effective-access';

const ORDER = [AccessDecision.ALLOW, AccessDecision.CONDITIONAL, AccessDecision.DENY];

/** Actions of one principal in one scope by decision (for a group: only those that differ from account). */
export function scopeDecisions(
  model: EffectiveAccess,
  key: string,
  resourceGroupId?: string,
): Map<AccessDecision, string[]> {
  const here = model.decisions(key, resourceGroupId);
  const account = resourceGroupId === undefined ? undefined : model.decisions(key);
  const out = new Map<AccessDecision, string[]>();
  model.actions.forEach((action, i) => {
    const d = here[i];
    if (d === undefined || (account !== undefined && account[i] === d)) return;
    out.set(d, [...(out.get(d) ?? []), action]);
  });
  return out;
}

/** The text of the file header. */
export function formatEffectiveAccess(model: EffectiveAccess): string {
  const lines: string[] = [];
  for (const p of model.principals) {
    for (const rg of [undefined, ...p.resourceGroups]) {
      const byDecision = scopeDecisions(model, p.identity.key, rg);
      if (rg !== undefined && byDecision.size === 0) continue;
      const parts = ORDER.filter((d) => byDecision.has(d)).map((d) => {
        const actions = byDecision.get(d)!;
        return `${d} (${actions.length}) ${actions.join(', ')}`;
      });
      lines.push(`${p.label} @ ${rg ?? ACCOUNT_SCOPE}: ${parts.length === 0 ? 'none' : parts.join('; ')}`);
    }
  }
  return lines.join('\n');
}
