/**
 * `diff <before> <after> [--format table|markdown|json] [--fail-on broadening]`: the change of every
 * principal's effective Container Registry access between two configurations of any input form
 * (src/model/access-diff.ts says what counts as a change). Exit status as `check`: 0, or 1 when
 * `--fail-on broadening` is given and anything is gained; 2 for usage or input errors.
 */
import { diffAccess } from '../model/access-diff';
import { EffectiveAccess } from '../model/effective-access';
import { parseCommandArgs } from './access-args';
import { type DiffRun, formatDiffJson, formatDiffMarkdown, formatDiffTable } from './format-diff';
import { InputError } from './input-error';
import { ExitCode, type Io, reportUnread } from './main';
import type { ReadConfiguration } from './read';
import { readEach } from './read-each';

/** The one configuration a side of the diff names. */
function side(p: string, configs: ReadConfiguration[]): ReadConfiguration {
  if (configs.length !== 1)
    throw new InputError(
      p,
      `holds ${configs.length} stacks, and diff compares one configuration with one (give one stack's folder, cdktf.out/stacks/<name>)`,
    );
  return configs[0];
}

export async function diffCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const args = parseCommandArgs('diff', argv, {
    '--format': { values: ['table', 'markdown', 'json'] },
    '--fail-on': { values: ['broadening'] },
  });
  if (args.positional.length !== 2)
    throw new InputError('diff', `expected two paths, <before> and <after> (got ${args.positional.length})`);
  // Both sides are read before either error is reported, so a pull request sees every problem at once.
  const [read0, read1] = [await readEach([args.positional[0]]), await readEach([args.positional[1]])];
  reportUnread([...read0.unread, ...read1.unread], io);
  if (read0.unread.length + read1.unread.length > 0) return ExitCode.USAGE_OR_INPUT;
  const before = side(args.positional[0], read0.configurations);
  const after = side(args.positional[1], read1.configurations);
  const first = EffectiveAccess.of(before.resources);
  const second = EffectiveAccess.of(after.resources, { extraActions: first.actions });
  const run: DiffRun = {
    before: { source: before.source, form: before.form, resources: before.resources.length },
    after: { source: after.source, form: after.form, resources: after.resources.length },
    diff: diffAccess(first, second),
  };
  const format = { table: formatDiffTable, markdown: formatDiffMarkdown, json: formatDiffJson }[
    (args.options.get('--format') ?? 'table') as 'table' | 'markdown' | 'json'
  ];
  io.out(format(run));
  return args.options.has('--fail-on') && run.diff.broadening ? ExitCode.FINDINGS : ExitCode.OK;
}
