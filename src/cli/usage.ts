/**
 * The usage text of each command (`<command> --help`) and of the whole tool (`--help`), in one place,
 * so the synopsis a command prints and the tool's overview never disagree.
 */
import { toolInfo } from './tool-info';

interface CommandHelp {
  readonly synopsis: string;
  readonly summary: string;
  readonly details: string[];
}

const COMMANDS: { [command: string]: CommandHelp } = {
  check: {
    synopsis: 'check <path>... [--format table|json|sarif] [--fail-on error|warning|info]',
    summary:
      'finds resource-group grants that silently lack the Container Registry actions resource groups ignore.',
    details: [
      '<path>: a cdk.tf.json, a cdktf.out folder, a Terraform plan in JSON (terraform show -json plan.out),',
      'or a folder of .tf files. Each path is read on its own: one that cannot be read is reported and the',
      'others are still checked.',
      'Exit status: 0 no findings at or above --fail-on (default: warning), 1 findings, 2 usage or input',
      'error (any path that could not be read), 3 internal error.',
    ],
  },
  explain: {
    synopsis: 'explain <policy.json | cr:Action | SystemPolicyName> [--format table|json]',
    summary:
      'shows how one policy document splits between resource-group and account scope, or what the catalog says of an action.',
    details: [
      'A file: its split. An action (cr:GetRepositoryTag, or a pattern such as cr:Get*): resource-group',
      'support, access level and sources of each action it names. A system policy name',
      '(AliyunContainerRegistryReadOnlyAccess): the split of its published document.',
      'Exit status: 0 explained, 2 usage or input error, 3 internal error.',
    ],
  },
  diff: {
    synopsis: 'diff <before> <after> [--format table|markdown|json] [--fail-on broadening]',
    summary: "shows each principal's effective access gained and lost between two configurations.",
    details: [
      '<before>, <after>: any input form check reads, the same or not.',
      'Exit status: 0, or 1 with --fail-on broadening when anything is gained; 2 usage or input error.',
    ],
  },
  'who-can': {
    synopsis: 'who-can <action> [--resource-group <id>] <path>... [--format table|json]',
    summary: 'lists the principals that may perform one action, with the policies that allow it.',
    details: [
      'Exit status: 0 with an answer (even an empty one), 2 usage or input error (any path that could',
      'not be read; the others are still answered).',
    ],
  },
};

/** The commands, in the order the overview lists them. */
export const COMMAND_NAMES = Object.keys(COMMANDS);

/** `--help` of one command. */
export function commandUsage(command: string): string {
  const help = COMMANDS[command];
  return [
    `Usage: ${toolInfo().name} ${help.synopsis}`,
    '',
    `${command} ${help.summary}`,
    '',
    ...help.details,
    '',
  ].join('\n');
}

const LINE = 100;

/** `text` wrapped at LINE columns, every line after the first indented by `indent` spaces. */
function wrap(text: string, indent: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > LINE) {
      lines.push(line);
      line = `${' '.repeat(indent)}${word}`;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

/** `--help` of the tool: every synopsis, then one paragraph per command. */
export function usage(): string {
  const name = toolInfo().name;
  const width = Math.max(...COMMAND_NAMES.map((c) => c.length));
  return [
    ...COMMAND_NAMES.map((c, i) => `${i === 0 ? 'Usage: ' : '       '}${name} ${COMMANDS[c].synopsis}`),
    '',
    ...COMMAND_NAMES.flatMap((c) => wrap(`${c.padEnd(width)}  ${COMMANDS[c].summary}`, width + 2)),
    '',
    ...wrap(
      '<path>: a cdk.tf.json, a cdktf.out folder, a Terraform plan in JSON (terraform show -json plan.out), or a folder of .tf files.',
      0,
    ),
    `${name} <command> --help describes one command.`,
    ...wrap(
      'Exit status: 0 success, 1 findings (check: at or above --fail-on, default warning; diff: with --fail-on broadening), 2 usage or input error, 3 internal error.',
      0,
    ),
    '',
  ].join('\n');
}

/** True when the arguments ask for help. */
export function wantsHelp(argv: readonly string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}
