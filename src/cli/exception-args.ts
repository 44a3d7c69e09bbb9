/**
 * The options of `check` that give the .tf evaluator its variables (`--var name=value`, `--var-file`)
 * and accept findings (`--baseline <file>`; `--write-baseline <file> --reason <text>` records the
 * current findings, each with that reason: a reason is required). Rules of baselines: baseline.ts.
 */
import * as fs from 'node:fs';
import { type Baseline, baselineOf, baselineProblem } from '../model/baseline';
import type { CheckOptions } from '../model/check';
import type { CheckFinding } from '../model/finding';
import { InputError, parseJson, readText } from './input-error';
import type { VariableArgument } from './tf-variables';

export interface ExceptionArgs {
  variables: VariableArgument[];
  baseline?: string;
  writeBaseline?: string;
  reason?: string;
}

const FLAGS = ['--var', '--var-file', '--baseline', '--write-baseline', '--reason'];

export function emptyExceptionArgs(): ExceptionArgs {
  return { variables: [] };
}

export function isExceptionFlag(flag: string): boolean {
  return FLAGS.includes(flag);
}

export function addExceptionArg(args: ExceptionArgs, flag: string, value: string): void {
  if (flag === '--var') args.variables.push({ assignment: value });
  else if (flag === '--var-file') args.variables.push({ file: value });
  else if (flag === '--baseline') args.baseline = value;
  else if (flag === '--write-baseline') args.writeBaseline = value;
  else args.reason = value;
}

/** The check's options from the arguments, and the writer of `--write-baseline`. */
export function checkExceptionOptions(args: ExceptionArgs): {
  options: CheckOptions;
  writeBaseline: (findings: CheckFinding[]) => void;
} {
  if (args.writeBaseline !== undefined && (args.reason === undefined || args.reason.trim() === ''))
    throw new InputError(
      '--write-baseline',
      'a reason is required: add --reason "<why these findings are accepted>"',
    );
  let baseline: Baseline | undefined;
  if (args.baseline !== undefined) {
    const json = parseJson(args.baseline, readText(args.baseline));
    const problem = baselineProblem(json);
    if (problem !== undefined) throw new InputError(args.baseline, problem);
    baseline = json as Baseline;
  }
  return {
    options: { baseline },
    writeBaseline: (findings) => {
      if (args.writeBaseline === undefined) return;
      const text = `${JSON.stringify(baselineOf(findings, args.reason!), null, 2)}\n`;
      try {
        fs.writeFileSync(args.writeBaseline, text);
      } catch (e) {
        throw new InputError(args.writeBaseline, `cannot write the baseline (${(e as Error).message})`);
      }
    },
  };
}
