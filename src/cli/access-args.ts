/**
 * Arguments of `diff` and `who-can`: positional values and `--option value` (or `--option=value`),
 * each option allowed once and checked against its accepted values, every error an InputError (exit 2).
 */
import { InputError } from './input-error';

/** An option a command takes: its accepted values, or any value when absent. */
export interface OptionSpec {
  readonly values?: readonly string[];
}

export interface CommandArgs {
  readonly positional: string[];
  readonly options: Map<string, string>;
}

export function parseCommandArgs(
  command: string,
  argv: readonly string[],
  specs: { [flag: string]: OptionSpec },
): CommandArgs {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const [flag, inline] = arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
    const spec = specs[flag];
    if (spec === undefined) throw new InputError(flag, `unknown option for ${command} (--help for usage)`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new InputError(flag, 'the option needs a value');
    if (spec.values !== undefined && !spec.values.includes(value))
      throw new InputError(flag, `unknown value "${value}" (expected ${spec.values.join(' or ')})`);
    if (options.has(flag)) throw new InputError(flag, 'the option is given twice');
    options.set(flag, value);
  }
  return { positional, options };
}
