/**
 * A problem with what the user gave the command line (a file it cannot read, invalid JSON, an unknown
 * format or option). The CLI prints it as one line naming the file, and exits with status 2.
 */
import * as fs from 'node:fs';
import { decodeText } from './decode';
import { checkNesting } from './nesting';
import { printable } from './printable';

export class InputError extends Error {
  public constructor(
    /** The file or argument at fault. */
    public readonly subject: string,
    problem: string,
  ) {
    super(`${printable(subject)}: ${printable(oneLine(problem))}`);
    this.name = 'InputError';
  }
}

/** Collapses a multi-line message (a parser's, say) into one line. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * The largest file read: far above any real configuration (a 50,000-resource cdk.tf.json is about
 * 40 MiB), and well below V8's string limit (about 512 MiB), so an oversized input gets an answer.
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** The kind of a special file, for the message refusing it. */
function specialKind(stats: fs.Stats): string | undefined {
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return undefined;
}

/**
 * The text of `file` (UTF-8, or UTF-16 with a byte-order mark: decode.ts), or an InputError saying
 * why it cannot be read. Only regular files are opened: opening a FIFO would block until a writer
 * comes, and a device may never end.
 */
export function readText(file: string): string {
  const stats = statPath(file);
  if (stats.isDirectory()) throw new InputError(file, 'is a directory, expected a file');
  const special = specialKind(stats);
  if (special !== undefined || !stats.isFile()) {
    throw new InputError(
      file,
      `is ${special ?? 'not a regular file'}, not a regular file: give a file or folder`,
    );
  }
  if (stats.size > MAX_INPUT_BYTES) {
    throw new InputError(
      file,
      `is ${stats.size} bytes, larger than the ${MAX_INPUT_BYTES} bytes this tool reads`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new InputError(file, describeFsError(e));
  }
  return decodeText(file, bytes);
}

/** `fs.statSync(p)` (following links), or an InputError saying why `p` cannot be reached. */
export function statPath(p: string): fs.Stats {
  try {
    return fs.statSync(p);
  } catch (e) {
    throw new InputError(p, describePathError(p, e));
  }
}

/** The entries of folder `dir`, or an InputError saying why it cannot be listed. */
export function listFolder(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch (e) {
    throw new InputError(dir, describeFsError(e));
  }
}

/** A failed stat of `p`, said precisely: a dangling link is not "no such file". */
function describePathError(p: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    try {
      return `a symbolic link to "${fs.readlinkSync(p)}", which does not exist`;
    } catch {
      return 'no such file or directory';
    }
  }
  return describeFsError(e);
}

/** `file` parsed as JSON, or an InputError with the parser's reason (nesting bounded: nesting.ts). */
export function parseJson(file: string, text: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(file, `invalid JSON (${(e as Error).message})`);
  }
  checkNesting(file, json);
  return json;
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
    case 'ELOOP':
      return 'a loop of symbolic links (each link leads back to another): fix or remove the link';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    default:
      return `cannot read (${(e as Error).message})`;
  }
}
