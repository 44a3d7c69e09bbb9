/**
 * A parser of HCL expressions and templates (HashiCorp, "HCL Native Syntax Specification",
 * hashicorp/hcl v2 hclsyntax/spec.md): operators with the spec's precedence, conditionals, function
 * calls with `...`, tuples, objects, `for` expressions, attribute and index access, splats, quoted and
 * heredoc templates with `${}` interpolations and `%{if}`/`%{for}` directives (strip markers `~`).
 *
 * Why written here: `@cdktf/hcl2json` (HashiCorp's parser, used for the file structure) gives each
 * expression back as text, and no maintained JavaScript package evaluates HCL expressions (looked for
 * on npm, December 2026: parsers such as @evops/hcl-terraform-parser only return the structure; the
 * evaluators are Go's hcl/v2 + cty, Rust's hcl-rs, Java's hcl4j). Its input is adversarial (a pull
 * request's .tf), so it is bounded: LIMITS.expressionLength characters and LIMITS.depth of nesting; a
 * text past them, or not valid, is a SyntaxFailure, never a crash.
 */
import type { Node, TemplatePart } from './syntax';
import { LIMITS } from './value';

/** Thrown for text that is not an expression the parser reads; the value becomes unknown. */
export class SyntaxFailure extends Error {}

const BINARY_LEVELS: string[][] = [
  ['||'],
  ['&&'],
  ['==', '!='],
  ['<=', '>=', '<', '>'],
  ['+', '-'],
  ['*', '/', '%'],
];
const IDENT = /[A-Za-z_][\w-]*/y;
const NUMBER = /\d+(\.\d+)?([eE][+-]?\d+)?/y;
const SPACE = /(?:\s+|#[^\n]*|\/\/[^\n]*|\/\*[\s\S]*?\*\/)+/y;

class Parser {
  public pos = 0;
  private depth = 0;

  public constructor(private readonly text: string) {
    if (text.length > LIMITS.expressionLength)
      throw new SyntaxFailure(`the expression is longer than ${LIMITS.expressionLength} characters`);
  }

  private fail(what: string): never {
    throw new SyntaxFailure(`${what} at character ${this.pos + 1}`);
  }

  private space(): void {
    SPACE.lastIndex = this.pos;
    const m = SPACE.exec(this.text);
    if (m !== null) this.pos += m[0].length;
  }

  private peek(s: string): boolean {
    this.space();
    return this.text.startsWith(s, this.pos);
  }

  private eat(s: string): boolean {
    if (!this.peek(s)) return false;
    this.pos += s.length;
    return true;
  }

  private expect(s: string): void {
    if (!this.eat(s)) this.fail(`expected "${s}"`);
  }

  private ident(): string | undefined {
    this.space();
    IDENT.lastIndex = this.pos;
    const m = IDENT.exec(this.text);
    if (m === null) return undefined;
    this.pos += m[0].length;
    return m[0];
  }

  public atEnd(): boolean {
    this.space();
    return this.pos >= this.text.length;
  }

  public expression(): Node {
    if (++this.depth > LIMITS.depth) this.fail(`expressions nest deeper than ${LIMITS.depth}`);
    try {
      const test = this.binary(0);
      if (!this.eat('?')) return test;
      const then = this.expression();
      this.expect(':');
      return { kind: 'conditional', test, then, otherwise: this.expression() };
    } finally {
      this.depth--;
    }
  }

  private binary(level: number): Node {
    if (level === BINARY_LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      this.space();
      const op = BINARY_LEVELS[level].find(
        (o) => this.text.startsWith(o, this.pos) && !(o.length === 1 && this.isLonger(o)),
      );
      if (op === undefined) return left;
      this.pos += op.length;
      left = { kind: 'binary', op, left, right: this.binary(level + 1) };
    }
  }

  /** `<` of `<=`, `=` of `=>`, `!` of `!=`: a one-character operator that is part of a longer token. */
  private isLonger(op: string): boolean {
    const next = this.text[this.pos + 1];
    return (op === '<' || op === '>') && (next === '=' || (op === '<' && next === '<'));
  }

  private unary(): Node {
    if (this.peek('!') && !this.peek('!=')) {
      this.pos++;
      return { kind: 'unary', op: '!', operand: this.unary() };
    }
    if (this.peek('-')) {
      this.pos++;
      return { kind: 'unary', op: '-', operand: this.unary() };
    }
    return this.postfix(this.primary());
  }

  private postfix(node: Node): Node {
    for (;;) {
      if (this.peek('[')) {
        this.pos++;
        if (this.eat('*')) {
          this.expect(']');
          return { kind: 'splat', target: node, each: this.splatEach() };
        }
        const key = this.expression();
        this.expect(']');
        node = { kind: 'index', target: node, key };
      } else if (this.peek('.') && !this.peek('...')) {
        this.pos++;
        if (this.eat('*')) return { kind: 'splat', target: node, each: this.splatEach(true) };
        this.space();
        NUMBER.lastIndex = this.pos;
        const n = /\d+/y;
        n.lastIndex = this.pos;
        const digits = n.exec(this.text);
        if (digits !== null) {
          this.pos += digits[0].length;
          node = { kind: 'index', target: node, key: { kind: 'literal', value: Number(digits[0]) } };
          continue;
        }
        const name = this.ident();
        if (name === undefined) this.fail('expected an attribute name');
        node = { kind: 'attribute', target: node, name };
      } else return node;
    }
  }

  /** The traversal after a splat, applied to each element. */
  private splatEach(attributesOnly = false): Node {
    let node: Node = { kind: 'variable', name: '*item' };
    for (;;) {
      if (this.peek('.') && !this.peek('...')) {
        this.pos++;
        const name = this.ident();
        if (name === undefined) this.fail('expected an attribute name');
        node = { kind: 'attribute', target: node, name };
      } else if (!attributesOnly && this.peek('[')) {
        this.pos++;
        const key = this.expression();
        this.expect(']');
        node = { kind: 'index', target: node, key };
      } else return node;
    }
  }

  private primary(): Node {
    this.space();
    const c = this.text[this.pos];
    if (c === undefined) this.fail('unexpected end');
    if (c === '"') {
      this.pos++;
      return { kind: 'template', parts: this.template('"') };
    }
    if (this.text.startsWith('<<', this.pos)) return this.heredoc();
    if (c >= '0' && c <= '9') {
      NUMBER.lastIndex = this.pos;
      const m = NUMBER.exec(this.text)!;
      this.pos += m[0].length;
      return { kind: 'literal', value: Number(m[0]) };
    }
    if (c === '(') {
      this.pos++;
      const inner = this.expression();
      this.expect(')');
      return inner;
    }
    if (c === '[') return this.tuple();
    if (c === '{') return this.object();
    const name = this.ident();
    if (name === undefined) this.fail(`unexpected "${c}"`);
    if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true' };
    if (name === 'null') return { kind: 'literal', value: null };
    this.space();
    if (this.text[this.pos] === '(' || this.text.startsWith('::', this.pos)) return this.call(name);
    return { kind: 'variable', name };
  }

  private call(first: string): Node {
    let name = first;
    // Provider-defined functions: provider::<name>::<function>.
    while (this.eat('::')) name += `::${this.ident() ?? this.fail('expected a function name')}`;
    this.expect('(');
    if (++this.depth > LIMITS.depth) this.fail(`expressions nest deeper than ${LIMITS.depth}`);
    const args: Node[] = [];
    let expand = false;
    while (!this.eat(')')) {
      args.push(this.expression());
      if (this.eat('...')) expand = true;
      if (!this.eat(',') && !this.peek(')')) this.fail('expected "," or ")"');
    }
    this.depth--;
    return { kind: 'call', name, args, expand };
  }

  private tuple(): Node {
    this.pos++;
    if (this.peekWord('for')) return this.forExpression(false);
    const items: Node[] = [];
    while (!this.eat(']')) {
      items.push(this.expression());
      if (!this.eat(',') && !this.peek(']')) this.fail('expected "," or "]"');
    }
    return { kind: 'tuple', items };
  }

  private object(): Node {
    this.pos++;
    if (this.peekWord('for')) return this.forExpression(true);
    const items: [Node, Node][] = [];
    while (!this.eat('}')) {
      const start = this.pos;
      const word = this.ident();
      let key: Node;
      if (word !== undefined && (this.peek('=') || this.peek(':')) && !this.peek('==')) {
        key = { kind: 'literal', value: word };
      } else {
        this.pos = start;
        key = this.expression();
      }
      if (!this.eat('=') && !this.eat(':')) this.fail('expected "=" or ":"');
      items.push([key, this.expression()]);
      this.eat(',');
    }
    return { kind: 'object', items };
  }

  private peekWord(word: string): boolean {
    this.space();
    const start = this.pos;
    const w = this.ident();
    this.pos = start;
    return w === word;
  }

  private forExpression(object: boolean): Node {
    this.ident();
    let keyVar: string | undefined;
    let valueVar = this.ident() ?? this.fail('expected a variable name');
    if (this.eat(',')) {
      keyVar = valueVar;
      valueVar = this.ident() ?? this.fail('expected a variable name');
    }
    if (this.ident() !== 'in') this.fail('expected "in"');
    const collection = this.expression();
    this.expect(':');
    let key: Node | undefined;
    let value = this.expression();
    if (object) {
      this.expect('=>');
      key = value;
      value = this.expression();
    }
    const group = object && this.eat('...');
    const condition = this.peekWord('if') ? (this.ident(), this.expression()) : undefined;
    this.expect(object ? '}' : ']');
    return { kind: 'for', object, keyVar, valueVar, collection, key, value, condition, group };
  }

  private heredoc(): Node {
    const m = /<<(-?)([A-Za-z_][\w-]*)\r?\n/y;
    m.lastIndex = this.pos;
    const head = m.exec(this.text) ?? this.fail('invalid heredoc');
    const start = this.pos + head[0].length;
    const end = new RegExp(`^[ \\t]*${head[2]}[ \\t]*$`, 'm');
    const close = end.exec(this.text.slice(start)) ?? this.fail('unterminated heredoc');
    let lines = this.text.slice(start, start + close.index).split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    if (head[1] === '-') {
      const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
      const indent = indents.length === 0 ? 0 : Math.min(...indents);
      lines = lines.map((l) => l.slice(indent));
    }
    this.pos = start + close.index + close[0].length;
    return { kind: 'template', parts: parseTemplate(lines.map((l) => `${l}\n`).join('')) };
  }

  /**
   * Template parts up to `end` (`"` for a quoted template, with its escapes; undefined: the whole
   * text, as hcl2json gives a value). Directives nest; `%{else}`, `%{endif}`, `%{endfor}` end a body.
   */
  public template(end: '"' | undefined, stopAt: string[] = []): TemplatePart[] {
    const parts: TemplatePart[] = [];
    let literal = '';
    const flush = () => {
      if (literal !== '') parts.push(literal);
      literal = '';
    };
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) {
        if (end !== undefined || stopAt.length > 0) this.fail('unterminated template');
        flush();
        return parts;
      }
      if (end !== undefined && c === end) {
        if (stopAt.length > 0) this.fail('unterminated template directive');
        this.pos++;
        flush();
        return parts;
      }
      if (end !== undefined && c === '\\') {
        literal += this.escape();
        continue;
      }
      const two = this.text.slice(this.pos, this.pos + 3);
      if (two === '$${' || two === '%%{') {
        literal += two.slice(1);
        this.pos += 3;
        continue;
      }
      if (two.startsWith('${')) {
        this.pos += 2;
        if (this.eat('~')) literal = literal.trimEnd();
        flush();
        parts.push({ kind: 'interpolation', expression: this.expression() });
        this.closeDirective();
        continue;
      }
      if (two.startsWith('%{')) {
        const save = this.pos;
        this.pos += 2;
        if (this.eat('~')) literal = literal.trimEnd();
        const word = this.ident();
        if (word !== undefined && stopAt.includes(word)) {
          flush();
          this.pos = save;
          return parts;
        }
        flush();
        if (word === 'if') parts.push(this.ifDirective(end));
        else if (word === 'for') parts.push(this.forDirective(end));
        else this.fail(`unexpected template directive "${word ?? ''}"`);
        continue;
      }
      literal += c;
      this.pos++;
    }
  }

  /** Ends a `${...}` or `%{...}`: an optional strip marker, then `}`; `~}` strips the next literal. */
  private closeDirective(): void {
    const strip = this.eat('~');
    if (this.text[this.pos] !== '}') this.fail('expected "}"');
    this.pos++;
    if (strip) {
      while (/\s/.test(this.text[this.pos] ?? '')) this.pos++;
    }
  }

  private directiveWord(word: string): void {
    this.pos += 2;
    this.eat('~');
    if (this.ident() !== word) this.fail(`expected %{${word}}`);
    this.closeDirective();
  }

  private ifDirective(end: '"' | undefined): TemplatePart {
    const test = this.expression();
    this.closeDirective();
    const then = this.template(end, ['else', 'endif']);
    let otherwise: TemplatePart[] = [];
    if (this.isDirective('else')) {
      this.directiveWord('else');
      otherwise = this.template(end, ['endif']);
    }
    this.directiveWord('endif');
    return { kind: 'if', test, then, otherwise };
  }

  private forDirective(end: '"' | undefined): TemplatePart {
    let keyVar: string | undefined;
    let valueVar = this.ident() ?? this.fail('expected a variable name');
    if (this.eat(',')) {
      keyVar = valueVar;
      valueVar = this.ident() ?? this.fail('expected a variable name');
    }
    if (this.ident() !== 'in') this.fail('expected "in"');
    const collection = this.expression();
    this.closeDirective();
    const body = this.template(end, ['endfor']);
    this.directiveWord('endfor');
    return { kind: 'for', keyVar, valueVar, collection, body };
  }

  private isDirective(word: string): boolean {
    const m = /%\{~?\s*([A-Za-z_]\w*)/y;
    m.lastIndex = this.pos;
    return m.exec(this.text)?.[1] === word;
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
    if (digits === 0 || hex.length !== digits || !/^[0-9A-Fa-f]+$/.test(hex)) this.fail('invalid escape');
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) this.fail('invalid escape');
    this.pos += 2 + digits;
    return String.fromCodePoint(code);
  }
}

/** The tree of one expression. */
export function parseExpression(text: string): Node {
  const p = new Parser(text);
  const node = p.expression();
  if (!p.atEnd()) throw new SyntaxFailure(`unexpected text at character ${p.pos + 1}`);
  return node;
}

/** The parts of a template given as its content (a string value as hcl2json gives it). */
export function parseTemplate(text: string): TemplatePart[] {
  return new Parser(text).template(undefined);
}
