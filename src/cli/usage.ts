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
    synopsis:
      'check <path>... [--format table|json|sarif] [--fail-on error|warning|info] [--var name=value] [--var-file <file>] [--baseline <file>] [--write-baseline <file> --reason <text>]',
    summary:
      'finds resource-group grants that silently lack the Container Registry actions resource groups ignore.',
    details: [
      '<path>: a cdk.tf.json, a cdktf.out folder, a Terraform plan in JSON (terraform show -json plan.out),',
      'or a folder of .tf files. Each path is read on its own: one that cannot be read is reported and the',
      'others are still checked. A .tf file is read with the rest of its module.',
      "--var, --var-file: values of the root module's variables (.tf input), as terraform plan takes them;",
      'terraform.tfvars and *.auto.tfvars are read too.',
      '--baseline <file>: accept exactly the findings recorded there (a new missing action is a new finding).',
      '--write-baseline <file> --reason <text>: record the current findings as accepted, with the reason.',
      'A finding can also be accepted in .tf with a comment above or inside its resource block:',
      '# cr-access:ignore CR_RG_GRANT_GAP until=2027-01-31 -- the reason',
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

const LINE = 100;

/**
 * `prefix` then `text`, wrapped at LINE columns, every line after the first indented by `indent`
 * spaces. An option in brackets or angle brackets is never cut.
 */
function wrap(prefix: string, text: string, indent: number): string[] {
  const lines: string[] = [];
  let line = prefix;
  for (const word of text.match(/(?:\[[^\]]*\]|<[^>]*>)\S*|\S+/g) ?? []) {
    if (line.trim() !== '' && line.length + 1 + word.length > LINE) {
      lines.push(line);
      line = `${' '.repeat(indent)}${word}`;
    } else line = line === prefix ? `${line}${word}` : `${line} ${word}`;
  }
  return [...lines, line];
}

/** Continuation lines of a synopsis start under its first option. */
function synopsisIndent(command: string): number {
  return 'Usage: '.length + toolInfo().name.length + 1 + command.length + 1;
}

/** `--help` of one command. */
export function commandUsage(command: string): string {
  const help = COMMANDS[command];
  return [
    ...wrap(`Usage: ${toolInfo().name} `, help.synopsis, synopsisIndent(command)),
    '',
    `${command} ${help.summary}`,
    '',
    ...help.details,
    '',
  ].join('\n');
}

/** `--help` of the tool: every synopsis, then one paragraph per command. */
export function usage(): string {
  const name = toolInfo().name;
  const width = Math.max(...COMMAND_NAMES.map((c) => c.length));
  return [
    ...COMMAND_NAMES.flatMap((c, i) =>
      wrap(`${i === 0 ? 'Usage: ' : '       '}${name} `, COMMANDS[c].synopsis, synopsisIndent(c)),
    ),
    '',
    ...COMMAND_NAMES.flatMap((c) => wrap(`${c.padEnd(width)}  `, COMMANDS[c].summary, width + 2)),
    '',
    ...wrap(
      '',
      '<path>: a cdk.tf.json, a cdktf.out folder, a Terraform plan in JSON (terraform show -json plan.out), or a folder of .tf files.',
      0,
    ),
    `${name} <command> --help describes one command.`,
    ...wrap(
      '',
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
