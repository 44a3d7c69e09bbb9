/**
 * `explain cr:<Action>` (or a pattern such as `cr:Get*`): for each catalog action it names, whether
 * resource-group scope grants it, its access level, and the pages those facts come from. An action the
 * catalog does not know is an input error with the nearest known name.
 */
import { actionSources } from '../policy/catalog/action-sources';
import type { CrActionInfo, CrCatalog } from '../policy/catalog/catalog';
import { didYouMean } from '../policy/suggest';
import { hasWildcard } from '../policy/wildcard';
import { table } from './format-table';
import { InputError } from './input-error';

export interface ExplainedAction {
  readonly info: CrActionInfo;
  readonly sources: ReturnType<typeof actionSources>;
}

/** The catalog actions `pattern` names, with their sources; an InputError when it names none. */
export function explainActions(pattern: string, catalog: CrCatalog): ExplainedAction[] {
  const names = hasWildcard(pattern)
    ? catalog.match(pattern)
    : [catalog.lookup(pattern)?.name].flatMap((n) => n ?? []);
  if (names.length === 0) {
    throw new InputError(
      pattern,
      hasWildcard(pattern)
        ? 'matches no Container Registry action the catalog knows'
        : `no such file, and not a Container Registry action the catalog knows.${didYouMean(pattern, catalog.actionNames)}`,
    );
  }
  return names.map((n) => ({ info: catalog.lookup(n)!, sources: actionSources(n) }));
}

function support(a: CrActionInfo): string {
  return a.supportsResourceGroup ? 'supported' : 'not supported';
}

export function explainActionTable(pattern: string, actions: ExplainedAction[]): string {
  const lines = [
    hasWildcard(pattern)
      ? `${pattern} matches ${actions.length} Container Registry actions:`
      : `${actions[0].info.name}:`,
    ...table([
      ['ACTION', 'RESOURCE GROUPS', 'ACCESS LEVEL', 'APIS'],
      ...actions.map((a) => [
        a.info.name,
        support(a.info),
        a.info.accessLevel ?? 'not documented',
        a.sources.authorizationTables.flatMap((t) => t.apis).join(' ') || '-',
      ]),
    ]).map((l) => `  ${l}`),
    '',
    'Resource groups: "not supported" means a policy attached at resource-group scope does not grant the',
    'action; the constructs move it to an account-level policy, and check reports it as missing.',
    '',
    'Sources:',
  ];
  const sources = new Map<string, string>();
  for (const a of actions) {
    for (const t of a.sources.authorizationTables)
      sources.set(t.source.url, `${t.source.title} (${t.source.url})`);
  }
  const rg = actions[0].sources.resourceGroupSupport;
  sources.set(
    rg.url,
    `${rg.title}${rg.lastUpdated === undefined ? '' : `, updated ${rg.lastUpdated}`} (${rg.url}): resource-group support`,
  );
  lines.push(...[...sources.values()].map((s) => `  ${s}`));
  return `${lines.join('\n')}\n`;
}

export function explainActionJson(pattern: string, actions: ExplainedAction[]): string {
  const out = {
    pattern,
    actions: actions.map((a) => ({
      action: a.info.name,
      supportsResourceGroup: a.info.supportsResourceGroup,
      accessLevel: a.info.accessLevel ?? null,
      authorizationTables: a.sources.authorizationTables.map((t) => ({
        title: t.source.title,
        url: t.source.url,
        apis: t.apis,
      })),
      resourceGroupSupportSource: a.sources.resourceGroupSupport.url,
    })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
