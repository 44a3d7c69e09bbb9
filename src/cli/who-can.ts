/**
 * `who-can <action> [--resource-group <id>] <path>... [--format table|json]`: the principals that may
 * perform one Container Registry action (in that resource group, or in any scope), each with the
 * policy and attachment that allow it (src/model/effective-access.ts decides). Exit status 0 with an
 * answer (even an empty one), 2 for usage or input errors (a path that cannot be read is reported and
 * the others still answered).
 */
import { AccessDecision } from '../model/access-rules';
import { ACCOUNT_SCOPE, type ActionDecision, EffectiveAccess } from '../model/effective-access';
import { CrCatalog } from '../policy';
import { parseCommandArgs } from './access-args';
import { formatWhoCanJson, formatWhoCanTable, type WhoCanRun, type WhoCanRow } from './format-who-can';
import { InputError } from './input-error';
import { ExitCode, type Io, reportUnread } from './main';
import { readEach } from './read-each';

/** A single action as RAM names it: `cr:` and a name, no wildcard (who-can answers for one action). */
const ACTION = /^cr:[A-Za-z0-9_.-]+$/i;

/** The rows of one configuration: per principal, the scopes where the action is allowed or conditional. */
export function whoCan(model: EffectiveAccess, action: string, resourceGroupId?: string): WhoCanRow[] {
  const rows: WhoCanRow[] = [];
  const may = (d: ActionDecision | undefined): d is ActionDecision =>
    d !== undefined && d.decision !== AccessDecision.DENY;
  const index = model.actionIndex(action);
  for (const p of model.principals) {
    const key = p.identity.key;
    const scopes = resourceGroupId !== undefined ? [resourceGroupId] : [undefined, ...p.resourceGroups];
    const account = model.decide(key, action);
    for (const rg of scopes) {
      // The memoized decisions first: sources are gathered only where the action is allowed.
      if (rg !== undefined && index >= 0 && model.decisions(key, rg)[index] === undefined) continue;
      const d = rg === undefined ? account : model.decide(key, action, rg);
      if (!may(d)) continue;
      // Anywhere: a group's row only when it adds to what the account row says.
      if (resourceGroupId === undefined && rg !== undefined && account?.decision === d.decision) continue;
      rows.push({
        principal: p.label,
        principalType: p.identity.principalType,
        decision: d.decision,
        scope: rg ?? ACCOUNT_SCOPE,
        sources: d.sources,
      });
    }
  }
  return rows;
}

export async function whoCanCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const args = parseCommandArgs('who-can', argv, {
    '--format': { values: ['table', 'json'] },
    '--resource-group': {},
  });
  const [action, ...paths] = args.positional;
  if (action === undefined) throw new InputError('who-can', 'no action given (--help for usage)');
  if (!ACTION.test(action))
    throw new InputError(
      action,
      'not one Container Registry action (expected "cr:Name", such as cr:PushRepository, without wildcards)',
    );
  if (paths.length === 0) throw new InputError('who-can', 'no path given (--help for usage)');
  const resourceGroupId = args.options.get('--resource-group');
  const known = CrCatalog.bundled().lookup(action);
  const run: WhoCanRun = {
    action: known?.name ?? action,
    inCatalog: known !== undefined,
    resourceGroupId,
    inputs: [],
  };
  const { configurations, unread } = await readEach(paths);
  for (const config of configurations) {
    const model = EffectiveAccess.of(config.resources, { extraActions: [action] });
    run.inputs.push({
      source: config.source,
      form: config.form,
      resources: config.resources.length,
      unreadAttachments: model.unread.length,
      principals: whoCan(model, run.action, resourceGroupId),
    });
  }
  reportUnread(unread, io);
  if (configurations.length === 0) return ExitCode.USAGE_OR_INPUT;
  io.out(args.options.get('--format') === 'json' ? formatWhoCanJson(run) : formatWhoCanTable(run));
  return unread.length > 0 ? ExitCode.USAGE_OR_INPUT : ExitCode.OK;
}
