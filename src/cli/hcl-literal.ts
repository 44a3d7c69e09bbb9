/**
 * Evaluates the HCL expressions whose value is known without Terraform: literals (strings without
 * interpolation, numbers, bools, null), tuples and objects of literals, and `jsonencode(<literal>)`,
 * which is how policy documents are usually written in `.tf` files. Anything else (a variable, a
 * reference, any other function, a template with `${...}` or `%{...}`, an operator) is not a literal:
 * `undefined` is returned and the caller keeps the expression as written, so nothing is guessed.
 *
 * `jsonencode` renders as Terraform does: compact JSON, object keys in lexical order (cty orders an
 * object's attributes by name).
 */

/** Returned for anything that is not a literal. */
class NotLiteral extends Error {}

type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

// Blanks and comments; within an object item, a newline ends the item, so it is not skipped there.
const SPACE = /(\s+|#[^\n]*|\/\/[^\n]*|\/\*[\s\S]*?\*\/)/y;
const SPACE_IN_LINE = /([ \t]+|#[^\n]*|\/\/[^\n]*|\/\*.*?\*\/)/y;

class Parser {
  private pos = 0;

  public constructor(private readonly text: string) {}

  /** Matches the sticky regular expression `re` at the current position. */
  private match(re: RegExp): RegExpExecArray | null {
    re.lastIndex = this.pos;
    return re.exec(this.text);
  }

  public parseAll(): Value {
    const v = this.expression();
    this.skipSpace(true);
    if (this.pos !== this.text.length) throw new NotLiteral();
    return v;
  }

  public expression(): Value {
    this.skipSpace(true);
    const c = this.text[this.pos];
    if (c === '"') return this.string();
    if (c === '{') return this.object();
    if (c === '[') return this.tuple();
    if (c === '<' && this.text.startsWith('<<', this.pos)) return this.heredoc();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    const word = this.match(/[A-Za-z_][\w-]*/y)?.[0];
    if (word === undefined) throw new NotLiteral();
    this.pos += word.length;
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    this.skipSpace(false);
    if (word === 'jsonencode' && this.text[this.pos] === '(') {
      this.pos++;
      const arg = this.expression();
      this.skipSpace(true);
      if (this.text[this.pos] !== ')') throw new NotLiteral();
      this.pos++;
      return jsonEncode(arg);
    }
    throw new NotLiteral();
  }

  private skipSpace(newlines: boolean): void {
    for (;;) {
      const m = this.match(newlines ? SPACE : SPACE_IN_LINE);
      if (m === null) return;
      this.pos += m[0].length;
    }
  }

  private string(): string {
    let out = '';
    this.pos++;
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined || c === '\n') throw new NotLiteral();
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c === '\\') {
        out += this.escape();
        continue;
      }
      const two = this.text.slice(this.pos, this.pos + 3);
      if (two.startsWith('${') || two.startsWith('%{')) throw new NotLiteral();
      if (two === '$${' || two === '%%{') {
        out += two.slice(1);
        this.pos += 3;
        continue;
      }
      out += c;
      this.pos++;
    }
  }

  private escape(): string {
    const c = this.text[this.pos + 1];
    const simple: { [c: string]: string } = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
    if (simple[c] !== undefined) {
      this.pos += 2;
      return simple[c];
    }
    const digits = c === 'u' ? 4 : c === 'U' ? 8 : 0;
    const hex = this.text.slice(this.pos + 2, this.pos + 2 + digits);
    if (digits === 0 || !/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== digits) throw new NotLiteral();
    this.pos += 2 + digits;
    return String.fromCodePoint(parseInt(hex, 16));
  }

  private heredoc(): string {
    const m = this.match(/<<(-?)([A-Za-z_][\w-]*)\r?\n/y);
    if (m === null) throw new NotLiteral();
    const start = this.pos + m[0].length;
    const end = new RegExp(`^[ \\t]*${m[2]}[ \\t]*$`, 'm');
    const body = this.text.slice(start);
    const close = end.exec(body);
    if (close === null) throw new NotLiteral();
    let lines = body.slice(0, close.index).split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    if (m[1] === '-') {
      const indent = Math.min(
        ...lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length),
      );
      lines = lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0));
    }
    const value = lines.map((l) => `${l}\n`).join('');
    if (/(^|[^$])\$\{|(^|[^%])%\{/.test(value)) throw new NotLiteral();
    this.pos = start + close.index + close[0].length;
    return value.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
  }

  private number(): number {
    const m = this.match(/-?\d+(\.\d+)?([eE][+-]?\d+)?/y);
    if (m === null) throw new NotLiteral();
    this.pos += m[0].length;
    return Number(m[0]);
  }

  private tuple(): Value[] {
    const out: Value[] = [];
    this.pos++;
    for (;;) {
      this.skipSpace(true);
      if (this.text[this.pos] === ']') {
        this.pos++;
        return out;
      }
      out.push(this.expression());
      this.skipSpace(true);
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] !== ']') throw new NotLiteral();
    }
  }

  private object(): { [key: string]: Value } {
    const out: { [key: string]: Value } = {};
    this.pos++;
    for (;;) {
      this.skipSpace(true);
      if (this.text[this.pos] === '}') {
        this.pos++;
        return out;
      }
      const key = this.objectKey();
      this.skipSpace(false);
      const sep = this.text[this.pos];
      if (sep !== '=' && sep !== ':') throw new NotLiteral();
      this.pos++;
      out[key] = this.expression();
      // Items are separated by a comma or a newline.
      this.skipSpace(false);
      const next = this.text[this.pos];
      if (next === ',' || next === '\n' || next === '\r') this.pos++;
      else if (next !== '}') throw new NotLiteral();
    }
  }

  private objectKey(): string {
    if (this.text[this.pos] === '"') return this.string();
    const word = this.match(/[A-Za-z_][\w-]*/y)?.[0];
    // A bare word is the key itself; anything else (a parenthesized expression) is not literal.
    if (word === undefined) throw new NotLiteral();
    this.pos += word.length;
    return word;
  }
}

function sortKeys(v: Value): Value {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v === null || typeof v !== 'object') return v;
  const out: { [key: string]: Value } = {};
  for (const k of Object.keys(v).sort()) out[k] = sortKeys(v[k]);
  return out;
}

function jsonEncode(v: Value): string {
  return JSON.stringify(sortKeys(v));
}

/** The value of an HCL expression if it is a literal (see the file header), else undefined. */
export function evaluateLiteral(expression: string): unknown {
  try {
    return new Parser(expression).parseAll();
  } catch (e) {
    if (e instanceof NotLiteral) return undefined;
    throw e;
  }
}

/**
 * A value as `@cdktf/hcl2json` gives it, with every string that is one whole `${<literal expression>}`
 * (such as `${jsonencode({...})}`) replaced by its value; everything else unchanged.
 */
export function evaluateLiterals(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(evaluateLiterals);
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: unknown } = {};
    for (const [k, v] of Object.entries(value)) out[k] = evaluateLiterals(v);
    return out;
  }
  if (typeof value !== 'string' || !value.startsWith('${') || !value.endsWith('}')) return value;
  const inner = evaluateLiteral(value.slice(2, -1));
  return inner === undefined ? value : inner;
}
