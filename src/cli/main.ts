/**
 * The command line: `check`, `explain`, `diff` and `who-can` (usage.ts describes each). Exit statuses:
 *   0  no finding at or above the --fail-on threshold (explain: explained);
 *   1  findings at or above the threshold;
 *   2  a usage or input error (unknown command or option, unreadable file, invalid JSON or HCL,
 *      unknown input form): one line on stderr per problem, naming the file or argument; with several
 *      paths, the readable ones are still checked;
 *   3  an internal error (a bug): one line on stderr, never a stack trace (CR_ACCESS_DEBUG=1 shows it).
 */
import { checkResources } from '../model/check';
import type { CheckReport } from '../model/finding';
import { Severity } from '../policy/diagnostic';
import { diffCommand } from './diff';
import {
  addExceptionArg,
  checkExceptionOptions,
  emptyExceptionArgs,
  type ExceptionArgs,
  isExceptionFlag,
} from './exception-args';
import { explainCommand } from './explain-command';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatTable } from './format-table';
import { InputError, oneLine } from './input-error';
import { readEach, type UnreadInput } from './read-each';
import { atOrAbove, type CheckRun } from './run-result';
import { toolInfo } from './tool-info';
import { commandUsage, usage, wantsHelp } from './usage';
import { whoCanCommand } from './who-can';

export enum ExitCode {
  OK = 0,
  FINDINGS = 1,
  USAGE_OR_INPUT = 2,
  INTERNAL = 3,
}

/** Where the CLI writes (the process's streams, or a test's buffers). */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const FORMATS = ['table', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export interface Parsed {
  readonly command: string;
  readonly paths: string[];
  readonly format: Format;
  readonly failOn: Severity;
  readonly exceptions: ExceptionArgs;
}

const COMMANDS: { [command: string]: (argv: string[], io: Io) => Promise<ExitCode> } = {
  check: async (argv, io) => check(parseArgs('check', argv), io),
  explain: async (argv, io) => explainCommand(parseArgs('explain', argv), io),
  diff: diffCommand,
  'who-can': whoCanCommand,
};

function parseArgs(command: string, rest: string[]): Parsed {
  const paths: string[] = [];
  let format: Format = 'table';
  let failOn = Severity.WARNING;
  const exceptions = emptyExceptionArgs();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
    const value = () => {
      const v = inline ?? rest[++i];
      if (v === undefined) throw new InputError(flag, 'the option needs a value');
      return v;
    };
    if (flag === '--format') {
      const v = value();
      if (!(FORMATS as readonly string[]).includes(v) || (command === 'explain' && v === 'sarif')) {
        throw new InputError(
          flag,
          `unknown format "${v}" (expected ${command === 'explain' ? 'table or json' : FORMATS.join(', ')})`,
        );
      }
      format = v as Format;
    } else if (flag === '--fail-on' && command === 'check') {
      const v = value();
      const level = Object.values(Severity).find((s) => s === v);
      if (level === undefined)
        throw new InputError(flag, `unknown threshold "${v}" (expected error, warning or info)`);
      failOn = level;
    } else if (command === 'check' && isExceptionFlag(flag)) {
      addExceptionArg(exceptions, flag, value());
    } else if (flag.startsWith('-') && flag !== '-') {
      throw new InputError(flag, `unknown option for ${command} (--help for usage)`);
    } else paths.push(arg);
  }
  if (paths.length === 0) throw new InputError(command, 'no path given (--help for usage)');
  if (command === 'explain' && paths.length > 1) {
    throw new InputError(
      command,
      `explain takes one policy document, action or system policy, got ${paths.length}`,
    );
  }
  return { command, paths, format, failOn, exceptions };
}

async function check(args: Parsed, io: Io): Promise<ExitCode> {
  const inputs: CheckRun['inputs'][number][] = [];
  const findings: CheckReport['findings'] = [];
  let attachmentsChecked = 0;
  let attachmentsOutside = 0;
  const ex = checkExceptionOptions(args.exceptions);
  const { configurations, unread } = await readEach(args.paths, { variables: args.exceptions.variables });
  for (const config of configurations) {
    const report = checkResources(config.resources, ex.options);
    inputs.push({
      source: config.source,
      form: config.form,
      resources: config.resources.length,
      ...(config.notes === undefined || config.notes.length === 0 ? {} : { notes: config.notes }),
    });
    findings.push(...report.findings);
    attachmentsChecked += report.attachmentsChecked;
    attachmentsOutside += report.attachmentsOutside ?? 0;
  }
  reportUnread(unread, io);
  if (configurations.length === 0) return ExitCode.USAGE_OR_INPUT;
  // A baseline written from an incomplete run would accept too little: only from a complete one.
  if (unread.length === 0) ex.writeBaseline(findings);
  const run: CheckRun = { inputs, unread, report: { findings, attachmentsChecked, attachmentsOutside } };
  const format = { table: formatTable, json: formatJson, sarif: formatSarif }[args.format];
  io.out(format(run));
  if (unread.length > 0) return ExitCode.USAGE_OR_INPUT;
  return findings.some((f) => f.accepted === undefined && atOrAbove(f.severity, args.failOn))
    ? ExitCode.FINDINGS
    : ExitCode.OK;
}

/** One line on stderr per path that could not be read. */
export function reportUnread(unread: readonly UnreadInput[], io: Io): void {
  for (const u of unread) io.err(`${toolInfo().name}: ${u.message}\n`);
}

/** Runs the command line `argv` (without node and the script); never throws. */
export async function main(argv: string[], io: Io): Promise<ExitCode> {
  const name = toolInfo().name;
  try {
    if (argv.length === 0 || ['--help', '-h', 'help'].includes(argv[0])) {
      io.out(usage());
      return argv.length === 0 ? ExitCode.USAGE_OR_INPUT : ExitCode.OK;
    }
    if (argv[0] === '--version' || argv[0] === '-v') {
      io.out(`${toolInfo().version}\n`);
      return ExitCode.OK;
    }
    const [command, ...rest] = argv;
    const run = COMMANDS[command];
    if (run === undefined) {
      throw new InputError(
        command,
        `unknown command (expected ${Object.keys(COMMANDS).join(', ')}; --help for usage)`,
      );
    }
    if (wantsHelp(rest)) {
      io.out(commandUsage(command));
      return ExitCode.OK;
    }
    return await run(rest, io);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`${name}: ${e.message}\n`);
      return ExitCode.USAGE_OR_INPUT;
    }
    const detail = process.env.CR_ACCESS_DEBUG === '1' && e instanceof Error ? `\n${e.stack}` : '';
    io.err(
      `${name}: internal error: ${oneLine(String((e as Error)?.message ?? e))} (please report it)${detail}\n`,
    );
    return ExitCode.INTERNAL;
  }
}
