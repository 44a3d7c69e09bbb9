/**
 * How deep a value read from an input may nest. No Terraform configuration, plan or RAM policy comes
 * near it (a plan of modules nested 16 deep is about 60 levels), and the readers, which walk values
 * recursively, stay far within Node's stack below it: a deeper value is refused as an input error
 * naming where it goes deep, instead of ending in a stack overflow.
 */
import { InputError } from './input-error';

export const MAX_NESTING = 256;

/** Throws an InputError when `value` (parsed from `file`) nests deeper than MAX_NESTING. Iterative. */
export function checkNesting(file: string, value: unknown): void {
  const stack: [unknown, number, string][] = [[value, 0, '']];
  while (stack.length > 0) {
    const [v, depth, where] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_NESTING) {
      throw new InputError(
        file,
        `nests deeper than ${MAX_NESTING} levels (at ${where.slice(0, 120)}${where.length > 120 ? '…' : ''}); no Terraform configuration or RAM policy nests this deep: remove the nesting`,
      );
    }
    // Only the first levels' keys are kept for the message: the path of a deep value is long.
    const step = (k: string) => (where.length > 120 ? where : `${where}${k}`);
    if (Array.isArray(v)) v.forEach((item, i) => stack.push([item, depth + 1, step(`[${i}]`)]));
    else
      for (const [k, item] of Object.entries(v))
        stack.push([item, depth + 1, step(where === '' ? k : `.${k}`)]);
  }
}

const OPENING = new Set(['(', '[', '{']);
const CLOSING = new Set([')', ']', '}']);

/**
 * Throws an InputError when the brackets of `text` (a .tf file) nest deeper than MAX_NESTING, before
 * the HCL parser sees it: the parser recurses, and past a few thousand levels its WebAssembly runtime
 * overflows and exits, after which it never answers again. Brackets inside strings count too; real
 * code never holds hundreds of unclosed brackets in a string, so this refuses nothing real.
 */
export function checkTextNesting(file: string, text: string): void {
  let depth = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    else if (OPENING.has(c)) {
      if (++depth > MAX_NESTING) {
        throw new InputError(
          file,
          `brackets nest deeper than ${MAX_NESTING} levels (line ${line}); no Terraform configuration nests this deep: remove the nesting`,
        );
      }
    } else if (CLOSING.has(c) && depth > 0) depth--;
  }
}
