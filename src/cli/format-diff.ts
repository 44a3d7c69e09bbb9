/**
 * The outputs of `diff`: a table for terminals, markdown for a pull-request comment (a table per
 * principal, folded when long), and JSON with the fields of src/model/access-diff.ts in a fixed order
 * (README, "Review access changes").
 */
import type { AccessDiff, PrincipalChange, ScopeChange } from '../model/access-diff';
import { wrap } from './format-table';
import type { CheckedInput } from './run-result';

export interface DiffRun {
  readonly before: CheckedInput;
  readonly after: CheckedInput;
  readonly diff: AccessDiff;
}

/** Each list of a scope change, with how it reads. */
const CHANGES: [keyof Omit<ScopeChange, 'scope'>, string][] = [
  ['gained', '+ allow'],
  ['gainedConditional', '+ conditional'],
  ['nowAllowed', '+ allow (was conditional)'],
  ['nowConditional', '- allow (now conditional)'],
  ['lostConditional', '- conditional'],
  ['lost', '- allow'],
];

/** Markdown folds a principal's table when it lists more actions than this. */
const FOLD_AFTER = 20;

function heading(run: DiffRun): string {
  const n = run.diff.principals.length;
  const changed = `${n} principal${n === 1 ? '' : 's'} with changed access`;
  return `${run.before.source} (${run.before.form}) -> ${run.after.source} (${run.after.form}): ${changed}${run.diff.broadening ? ', broadening' : ''}.`;
}

function unread(diff: AccessDiff): string[] {
  if (diff.unreadBefore + diff.unreadAfter === 0) return [];
  return [
    `Not counted: attachments that cannot be read (${diff.unreadBefore} before, ${diff.unreadAfter} after; check lists them with the reason).`,
  ];
}

function title(p: PrincipalChange): string {
  return `${p.principal} (${p.change}${p.broadening ? ', broadening' : ''})`;
}

export function formatDiffTable(run: DiffRun): string {
  const lines = [heading(run)];
  for (const p of run.diff.principals) {
    lines.push('', title(p));
    for (const s of p.scopes) {
      for (const [field, label] of CHANGES) {
        const actions = s[field];
        if (actions.length === 0) continue;
        lines.push(`  ${s.scope}: ${label} (${actions.length})`, ...wrap(actions, '    '));
      }
    }
  }
  const notes = unread(run.diff);
  if (notes.length > 0) lines.push('', ...notes);
  return `${lines.join('\n')}\n`;
}

export function formatDiffMarkdown(run: DiffRun): string {
  const lines = ['### Container Registry access changes', '', heading(run)];
  for (const p of run.diff.principals) {
    const rows = p.scopes.flatMap((s) =>
      CHANGES.filter(([field]) => s[field].length > 0).map(
        ([field, label]) =>
          `| ${s.scope} | ${label} (${s[field].length}) | ${s[field].map((a) => `\`${a}\``).join(', ')} |`,
      ),
    );
    const table = ['| Scope | Change | Actions |', '| --- | --- | --- |', ...rows];
    const count = p.scopes.reduce((n, s) => n + CHANGES.reduce((m, [f]) => m + s[f].length, 0), 0);
    lines.push('');
    if (count > FOLD_AFTER) {
      lines.push(`<details><summary>${title(p)}: ${count} actions</summary>`, '', ...table, '', '</details>');
    } else lines.push(`#### ${title(p)}`, '', ...table);
  }
  const notes = unread(run.diff);
  if (notes.length > 0) lines.push('', ...notes);
  return `${lines.join('\n')}\n`;
}

export function formatDiffJson(run: DiffRun): string {
  const out = {
    before: run.before,
    after: run.after,
    broadening: run.diff.broadening,
    unreadAttachments: { before: run.diff.unreadBefore, after: run.diff.unreadAfter },
    principals: run.diff.principals.map((p) => ({
      principal: p.principal,
      principalType: p.principalType,
      change: p.change,
      broadening: p.broadening,
      scopes: p.scopes.map((s) => ({
        scope: s.scope,
        ...Object.fromEntries(CHANGES.map(([field]) => [field, s[field]])),
      })),
    })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
