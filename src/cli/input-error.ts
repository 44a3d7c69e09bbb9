/**
 * A problem with what the user gave the command line (a file it cannot read, invalid JSON, an unknown
 * format or option). The CLI prints it as one line naming the file, and exits with status 2.
 */
import * as fs from 'node:fs';

export class InputError extends Error {
  public constructor(
    /** The file or argument at fault. */
    public readonly subject: string,
    problem: string,
  ) {
    super(`${subject}: ${oneLine(problem)}`);
    this.name = 'InputError';
  }
}

/** Collapses a multi-line message (a parser's, say) into one line. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** The text of `file`, or an InputError saying why it cannot be read. */
export function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(file, describeFsError(e));
  }
}

/** `file` parsed as JSON, or an InputError with the parser's reason. */
export function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(file, `invalid JSON (${(e as Error).message})`);
  }
}

function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, expected a file';
    default:
      return `cannot read (${(e as Error).message})`;
  }
}
