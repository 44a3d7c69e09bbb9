/**
 * `# cr-access:ignore CODE until=YYYY-MM-DD -- reason` comments in .tf files (syntax and rules:
 * src/model/accepted.ts), found where Checkov looks for its skip comments: on the comment lines directly
 * above a block's header, or on any line inside the block. A malformed comment is an input error naming
 * its file and line (a reason is required), never ignored.
 */
import { type AcceptedFinding, parseIgnoreComment } from '../model/accepted';
import { InputError } from './input-error';

/** The block that starts at `line` ends at the first later line that closes it at its indentation. */
function blockEnd(lines: string[], start: number): number {
  const indent = /^\s*/.exec(lines[start])![0];
  for (let i = start; i < lines.length; i++) {
    if (i > start && lines[i].startsWith(`${indent}}`)) return i;
    if (i === start && /\}\s*$/.test(lines[i]) && !/\{\s*$/.test(lines[i])) return i;
  }
  return lines.length - 1;
}

/** For a file's text: the exceptions of the block whose header is on a given 1-based line. */
export function ignoreCommentsOf(text: string, file = ''): (line: number) => AcceptedFinding[] {
  const lines = text.split(/\r?\n/);
  const at = (i: number): AcceptedFinding | undefined => {
    const parsed = parseIgnoreComment(lines[i]);
    if (parsed === undefined) return undefined;
    if (typeof parsed === 'string')
      throw new InputError(`${file}:${i + 1}`, `cr-access:ignore comment: ${parsed}`);
    return { ...parsed, source: `${file}:${i + 1}`, kind: 'comment' };
  };
  return (line) => {
    const header = line - 1;
    const out: AcceptedFinding[] = [];
    for (let i = header - 1; i >= 0 && /^\s*(#|\/\/)/.test(lines[i]); i--) {
      const a = at(i);
      if (a !== undefined) out.unshift(a);
    }
    const end = blockEnd(lines, header);
    for (let i = header; i <= end; i++) {
      const a = at(i);
      if (a !== undefined) out.push(a);
    }
    return out;
  };
}
