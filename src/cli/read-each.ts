/**
 * Reads every path a command is given, each on its own: a path that cannot be read is reported with
 * its own reason while the others are still read and checked (the command then exits 2). A value too
 * deep for a reader's recursion is the input's fault, reported like any other input error.
 */
import { InputError } from './input-error';
import { type ReadConfiguration, readInput } from './read';
import type { TfReadOptions } from './read-hcl';

/** A path that could not be read, and why (the InputError's one line). */
export interface UnreadInput {
  readonly path: string;
  readonly message: string;
}

export interface ReadEach {
  readonly configurations: ReadConfiguration[];
  readonly unread: UnreadInput[];
}

function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/** The configurations of every readable path, in the paths' order, and the paths that failed. */
export async function readEach(paths: readonly string[], tf: TfReadOptions = {}): Promise<ReadEach> {
  const configurations: ReadConfiguration[] = [];
  const unread: UnreadInput[] = [];
  for (const p of paths) {
    try {
      configurations.push(...(await readInput(p, tf)));
    } catch (e) {
      const error = isStackOverflow(e) ? new InputError(p, 'nests too deeply to read') : e;
      if (!(error instanceof InputError)) throw e;
      unread.push({ path: p, message: error.message });
    }
  }
  return { configurations, unread };
}
