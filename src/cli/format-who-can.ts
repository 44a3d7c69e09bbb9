/**
 * The outputs of `who-can`: a table (a row per principal and allowing attachment) or JSON with the
 * fields below in a fixed order (README, "Who can").
 */
import type { AccessDecision } from '../model/access-rules';
import type { AccessSource } from '../model/effective-access';
import { table } from './format-table';

export interface WhoCanRow {
  /** `IMSUser alice`. */
  readonly principal: string;
  readonly principalType: string;
  /** `allow` or `conditional`. */
  readonly decision: AccessDecision;
  /** `account`, or the resource group. */
  readonly scope: string;
  readonly sources: AccessSource[];
}

export interface WhoCanInput {
  readonly source: string;
  readonly form: string;
  readonly resources: number;
  readonly unreadAttachments: number;
  readonly principals: WhoCanRow[];
}

export interface WhoCanRun {
  readonly action: string;
  readonly inCatalog: boolean;
  readonly resourceGroupId?: string;
  readonly inputs: WhoCanInput[];
}

function where(run: WhoCanRun): string {
  return run.resourceGroupId === undefined ? 'in any scope' : `in resource group ${run.resourceGroupId}`;
}

export function formatWhoCanTable(run: WhoCanRun): string {
  const lines: string[] = [];
  if (!run.inCatalog)
    lines.push(
      `Note: ${run.action} is not in the catalog; it is taken as supporting resource groups (src/policy/catalog).`,
    );
  for (const input of run.inputs) {
    const n = input.principals.length;
    lines.push(
      `${n} principal${n === 1 ? '' : 's'} may perform ${run.action} ${where(run)} in ${input.source} (${input.form}).`,
    );
    if (n > 0) {
      const rows = input.principals.flatMap((p) =>
        p.sources.map((s) => [
          p.principal,
          p.decision,
          p.scope,
          s.policyName,
          s.attachment,
          s.viaGroup ?? '-',
        ]),
      );
      lines.push(
        '',
        ...table([['PRINCIPAL', 'DECISION', 'SCOPE', 'POLICY', 'ATTACHMENT', 'VIA GROUP'], ...rows]),
      );
    }
    if (input.unreadAttachments > 0)
      lines.push(
        '',
        `Not counted: ${input.unreadAttachments} attachment(s) that cannot be read (check lists them with the reason).`,
      );
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

export function formatWhoCanJson(run: WhoCanRun): string {
  const out = {
    action: run.action,
    inCatalog: run.inCatalog,
    ...(run.resourceGroupId === undefined ? {} : { resourceGroupId: run.resourceGroupId }),
    inputs: run.inputs.map((i) => ({
      source: i.source,
      form: i.form,
      resources: i.resources,
      unreadAttachments: i.unreadAttachments,
      principals: i.principals.map((p) => ({
        principal: p.principal,
        principalType: p.principalType,
        decision: p.decision,
        scope: p.scope,
        sources: p.sources.map((s) => ({
          policyName: s.policyName,
          attachment: s.attachment,
          scope: s.scope,
          ...(s.viaGroup === undefined ? {} : { viaGroup: s.viaGroup }),
        })),
      })),
    })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
