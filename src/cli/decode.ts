/**
 * Turns a file's bytes into text as editors and shells write it: UTF-8 with or without a byte-order
 * mark, and UTF-16 (little or big endian) with its mark, which is what Windows PowerShell's `>` and
 * `Out-File` write by default. Anything else that is not valid UTF-8, or holds NUL characters, is
 * binary: it is described (size, first bytes in hex), never echoed, since raw bytes in a message can
 * garble a terminal or a CI log.
 */
import { InputError } from './input-error';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** The first bytes, in hex, to describe binary content without echoing it. */
function firstBytes(bytes: Uint8Array): string {
  return [...bytes.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
}

function binary(file: string, bytes: Uint8Array, why: string): InputError {
  return new InputError(
    file,
    `binary content, not text (${bytes.length} bytes, ${why}; first bytes ${firstBytes(bytes)}): give a JSON or .tf text file`,
  );
}

function decodeStrict(file: string, bytes: Uint8Array, encoding: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw binary(file, bytes, `not valid ${encoding.toUpperCase()}`);
  }
}

/** The text of `bytes` read from `file`, or an InputError describing why it is not text. */
export function decodeText(file: string, bytes: Uint8Array): string {
  let text: string;
  if (startsWith(bytes, UTF8_BOM)) text = decodeStrict(file, bytes.subarray(3), 'utf-8');
  else if (startsWith(bytes, UTF16LE_BOM)) text = decodeStrict(file, bytes.subarray(2), 'utf-16le');
  else if (startsWith(bytes, UTF16BE_BOM)) text = decodeStrict(file, bytes.subarray(2), 'utf-16be');
  else text = decodeStrict(file, bytes, 'utf-8');
  if (text.includes('\u0000')) throw binary(file, bytes, 'it holds NUL characters');
  return text;
}
