/**
 * Text from an input, made safe to print in one line of a terminal or CI log: control characters,
 * the Unicode replacement character and bidirectional overrides (which can make a line read
 * differently from what it holds) are written as `\uXXXX`; very long text is cut, saying how much.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffd]/g;

/** Longest text kept; an InputError names a file and one problem, so this is generous. */
const MAX_LENGTH = 4000;

export function printable(text: string): string {
  const escaped = text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (escaped.length <= MAX_LENGTH) return escaped;
  return `${escaped.slice(0, MAX_LENGTH)}… (${escaped.length - MAX_LENGTH} more characters)`;
}
