/**
 * The command line: `check <path>...` and `explain <policy.json>`. Exit statuses:
 *   0  no finding at or above the --fail-on threshold (explain: the document was split);
 *   1  findings at or above the threshold;
 *   2  a usage or input error (unknown command or option, unreadable file, invalid JSON or HCL,
 *      unknown input form): one line on stderr naming the file or argument and the problem;
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
import { explainFile, explainJson, explainTable } from './explain';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatTable } from './format-table';
import { InputError, oneLine } from './input-error';
import { readInput } from './read';
import { atOrAbove, type CheckRun } from './run-result';
import { toolInfo } from './tool-info';
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

export function usage(): string {
  const name = toolInfo().name;
  return [
    `Usage: ${name} check <path>... [--format table|json|sarif] [--fail-on error|warning|info]`,
    '             [--var name=value] [--var-file <file>] [--baseline <file>] [--write-baseline <file> --reason <text>]',
    `       ${name} explain <policy.json> [--format table|json]`,
    `       ${name} diff <before> <after> [--format table|markdown|json] [--fail-on broadening]`,
    `       ${name} who-can <action> [--resource-group <id>] <path>... [--format table|json]`,
    '',
    'check    finds resource-group grants that silently lack the Container Registry actions resource',
    '         groups ignore. <path>: a cdk.tf.json, a cdktf.out folder, a Terraform plan in JSON',
    '         (terraform show -json plan.out), or a folder of .tf files.',
    'explain  shows how one policy document splits between resource-group and account scope.',
    "diff     shows each principal's effective access gained and lost between two configurations.",
    'who-can  lists the principals that may perform one action, with the policies that allow it.',
    '',
    'Exit status: 0 no findings at or above --fail-on (default: warning), 1 findings, 2 usage or',
    'input error, 3 internal error.',
    '',
  ].join('\n');
}

interface Parsed {
  readonly command: string;
  readonly paths: string[];
  readonly format: Format;
  readonly failOn: Severity;
  readonly exceptions: ExceptionArgs;
}

function parseArgs(argv: string[]): Parsed | 'help' | 'version' {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') return 'help';
  if (argv[0] === '--version' || argv[0] === '-v') return 'version';
  const [command, ...rest] = argv;
  if (command !== 'check' && command !== 'explain') {
    throw new InputError(command, `unknown command (expected check or explain; --help for usage)`);
  }
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
    throw new InputError(command, `explain takes one policy document, got ${paths.length} paths`);
  }
  return { command, paths, format, failOn, exceptions };
}

async function check(args: Parsed, io: Io): Promise<ExitCode> {
  const inputs: CheckRun['inputs'][number][] = [];
  const findings: CheckReport['findings'] = [];
  let attachmentsChecked = 0;
  let attachmentsOutside = 0;
  const ex = checkExceptionOptions(args.exceptions);
  for (const p of args.paths) {
    for (const config of await readInput(p, { variables: args.exceptions.variables })) {
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
  }
  ex.writeBaseline(findings);
  const run: CheckRun = { inputs, report: { findings, attachmentsChecked, attachmentsOutside } };
  const format = { table: formatTable, json: formatJson, sarif: formatSarif }[args.format];
  io.out(format(run));
  return findings.some((f) => f.accepted === undefined && atOrAbove(f.severity, args.failOn))
    ? ExitCode.FINDINGS
    : ExitCode.OK;
}

function explain(args: Parsed, io: Io): ExitCode {
  const split = explainFile(args.paths[0]);
  io.out(args.format === 'json' ? explainJson(split) : explainTable(split));
  return ExitCode.OK;
}

/** Runs the command line `argv` (without node and the script); never throws. */
export async function main(argv: string[], io: Io): Promise<ExitCode> {
  const name = toolInfo().name;
  try {
    if (argv[0] === 'diff') return await diffCommand(argv.slice(1), io);
    if (argv[0] === 'who-can') return await whoCanCommand(argv.slice(1), io);
    const args = parseArgs(argv);
    if (args === 'help') {
      io.out(usage());
      return argv.length === 0 ? ExitCode.USAGE_OR_INPUT : ExitCode.OK;
    }
    if (args === 'version') {
      io.out(`${toolInfo().version}\n`);
      return ExitCode.OK;
    }
    return args.command === 'check' ? await check(args, io) : explain(args, io);
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
