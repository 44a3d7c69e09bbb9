/**
 * Size limit rule: a custom policy document may hold at most POLICY_DOCUMENT_MAX_LENGTH characters of
 * its canonical (minified) rendering. A document within the limit is kept as it is (part 1). A document
 * over it is split deterministically (a function of the canonical document alone, so of the grant),
 * and stably: each part has a number, its policy is named by that number (constructs/naming.ts), and a
 * piece's part depends on the piece and on the pieces that share its part, never on the rest.
 *   1. Cutting is exact. A statement means "any of its actions on any of its resources, under its
 *      Condition", so it may be cut into statements with the same Effect and Condition whose
 *      action-chunk x resource-chunk grid covers exactly its (action, resource) pairs. This holds
 *      for Allow and for Deny, and RAM evaluates a principal's policies together (a Deny in one
 *      overrides an Allow in another), so attaching every part to the same principal at the same
 *      scope grants exactly what the document grants. A NotAction or NotResource list and a
 *      Condition are never cut (they mean "all but these" and "only when"); the other list may be.
 *   2. Shape: a statement is cut along its longer list (the shorter one if only that can be cut)
 *      into strips, each strip repeating the other list. When the repeated list is long, it is first
 *      grouped into g chunks of about equal length (single items at the largest g), each chunk a row
 *      of its own; g is the smallest that gives the fewest documents when every strip fills a
 *      document of its own. A statement with a pair (an action and a resource, a Not list counting
 *      whole) that fits no document is an error (STATEMENT_TOO_LONG).
 *   3. Pieces: a row that cannot be cut, or whose cut list has one item, is one piece; otherwise each
 *      item of its cut list is a piece. A piece is keyed by its row's Effect, Condition, Not flags, cut
 *      side and chunk, and its item (a whole row: its lists), never by the rest of the document.
 *   4. Stable parts (rendezvous hashing): with n parts, each piece goes to the part b < n that gives
 *      the highest score of (piece key, b) (stable-hash.ts); each part renders its pieces back into
 *      statements, in canonical order. n is the smallest, from ceil(length / limit) (at least 2), at
 *      which every part fits.
 *      What this gives: a piece's part depends on its key and n only. Adding a piece changes the one
 *      part it goes to while n stays; when n must grow, part n is added and takes pieces from the
 *      others (no piece moves between existing parts), so every part keeps its number. Removing pieces
 *      changes only their parts; when n falls, the last parts go and their pieces spread over the
 *      others. Parts keep their numbers, so their policies keep their names and are updated in place
 *      (policy_document is updatable: schema/force-new.json).
 *   5. Cost and fallback: pieces land at random, so parts fill to about 85 % (400 repository names of
 *      80 characters: 7 parts where ceil(length / limit) is 6). Keys chosen to collide in their hash
 *      could overfill a part, so when more than STABLE_PARTS_FACTOR * ceil(length / limit) + 1 parts
 *      would be needed, the pieces are packed tightly instead, and those parts are not stable under
 *      growth: two greedies over the rows, longest first, the one with fewer documents winning, ties
 *      going to (a), which cuts less: (a) each statement is cut into strips that fill a document,
 *      packed first-fit-decreasing; (b) next-fit with cutting.
 *   6. More than one document is information (POLICY_SPLIT_BY_SIZE, naming the count): each part
 *      is one more policy and one more attachment.
 * test/policy/size-split.property.test.ts checks exactness, fit, determinism, the part bound and
 * stability under growth on random documents.
 */
import { type Diagnostic, DiagnosticCode, PolicyError, Severity } from './diagnostic';
import { PolicyDocument } from './document';
import { POLICY_DOCUMENT_MAX_LENGTH } from './limits';
import type { StatementData } from './parse';
import { renderDocument, statementJson } from './render';
import { hashScore, hashSeed } from './stable-hash';

/** Rule 5: stable parts are used while they need at most this times ceil(length / limit), plus one, parts. */
export const STABLE_PARTS_FACTOR = 2;

/** Options of splitBySize. */
export interface SizeSplitOptions {
  /**
   * The largest rendering a document may have, in characters.
   * @default POLICY_DOCUMENT_MAX_LENGTH (6,144)
   */
  readonly maxLength?: number;
  /**
   * How diagnostics name the document, e.g. "the account-level document".
   * @default "the policy document"
   */
  readonly documentName?: string;
}

/** The documents of a size split, and what the split did. */
export interface SizeSplit {
  /** The document itself when it fits, otherwise documents that each fit and together grant exactly what it grants. */
  readonly documents: PolicyDocument[];
  /** The part number of each document, from 0 (rule 4; a document that fits is part 0). */
  readonly parts: number[];
  /** False when rule 5's fallback packed the pieces tightly (parts not stable under growth). */
  readonly stable: boolean;
  /** POLICY_SPLIT_BY_SIZE (information) when there is more than one document; errors are thrown. */
  readonly diagnostics: Diagnostic[];
}

/** The characters a document counts against the limit: the length of its canonical rendering. */
export function documentLength(document: PolicyDocument): number {
  return document.render().length;
}

/** `document` itself when it fits, otherwise the documents of the split (see the rules above). */
export function splitBySize(document: PolicyDocument, options: SizeSplitOptions = {}): PolicyDocument[] {
  return splitBySizeWithDiagnostics(document, options).documents;
}

/** splitBySize, with an information diagnostic when the document becomes more than one. */
export function splitBySizeWithDiagnostics(
  document: PolicyDocument,
  options: SizeSplitOptions = {},
): SizeSplit {
  const max = options.maxLength ?? POLICY_DOCUMENT_MAX_LENGTH;
  const length = documentLength(document);
  if (length <= max) return { documents: [document], parts: [0], stable: true, diagnostics: [] };
  const rows = document._statements.flatMap((s, i) => shape(s, i, max));
  const least = Math.ceil(length / max);
  const trie = stableParts(rows, max, least, STABLE_PARTS_FACTOR * least + 1);
  const packed = trie === undefined ? packedSplit(rows, max) : undefined;
  const documents = (trie?.map((p) => p.statements) ?? packed!).map((d) => PolicyDocument._fromData(d));
  const name = options.documentName ?? 'the policy document';
  return {
    documents,
    parts: trie?.map((p) => p.part) ?? documents.map((_, k) => k),
    stable: trie !== undefined,
    diagnostics:
      documents.length > 1 ? [splitInfo(name, length, max, documents.length, trie !== undefined)] : [],
  };
}

/** Rule 5's fallback: the better of the two greedies over the rows, longest first. */
function packedSplit(shaped: Row[], max: number): StatementData[][] {
  const rows = [...shaped].sort((a, b) => rowLength(b) - rowLength(a)); // stable: equal lengths keep canonical order
  const whole = firstFitDecreasing(
    rows.flatMap((r) => strips(r, max - EMPTY_DOCUMENT)),
    max,
  );
  const filled = nextFitCutting(rows, max);
  return filled.length < whole.length ? filled : whole;
}

/** A piece of rule 3: a whole row (`item` undefined) or one item of its cut list, with its hash seed. */
interface Piece {
  readonly row: number;
  readonly item?: string;
  /** Position of the item in its row's cut list, so parts render in canonical order. */
  readonly index: number;
  readonly seed: number;
}

/** Rule 3. */
function piecesOf(rows: Row[]): Piece[] {
  const out: Piece[] = [];
  rows.forEach((r, row) => {
    const { s, along } = r;
    const id = [s.effect, s.conditions ?? null, s.notAction, s.notResource, along ?? '', r.chunk ?? 0];
    if (along === undefined || s[along].length === 1) {
      out.push({ row, index: 0, seed: hashSeed(JSON.stringify([...id, s.actions, s.resources])) });
    } else {
      s[along].forEach((item, index) =>
        out.push({ row, item, index, seed: hashSeed(JSON.stringify([...id, item])) }),
      );
    }
  });
  return out;
}

/** Rule 4's pieces back into statements, rows in canonical order, items in their list's order. */
function render(rows: Row[], pieces: Piece[]): StatementData[] {
  const byRow = new Map<number, Piece[]>();
  for (const p of pieces) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p]);
  return [...byRow.keys()]
    .sort((a, b) => a - b)
    .map((row) => {
      const r = rows[row];
      const ps = byRow.get(row)!;
      if (ps[0].item === undefined) return r.s;
      const items = ps.sort((a, b) => a.index - b.index).map((p) => p.item!);
      return { ...r.s, [r.along!]: items };
    });
}

/** Rule 4, or undefined when no n up to `most` fits every part (rule 5). */
function stableParts(
  rows: Row[],
  max: number,
  least: number,
  most: number,
): { part: number; statements: StatementData[] }[] | undefined {
  const pieces = piecesOf(rows);
  const first = Math.max(2, least);
  const part = new Uint32Array(pieces.length);
  const best = new Float64Array(pieces.length);
  pieces.forEach((p, k) => {
    for (let b = 0; b < first; b++) {
      const score = hashScore(p.seed, b);
      if (b === 0 || score > best[k]) [part[k], best[k]] = [b, score];
    }
  });
  for (let n = first; n <= most; n++) {
    if (n > first) {
      // Part n - 1 is added: a piece moves only to it, and only when it scores higher there.
      pieces.forEach((p, k) => {
        const score = hashScore(p.seed, n - 1);
        if (score > best[k]) [part[k], best[k]] = [n - 1, score];
      });
    }
    const byPart: Piece[][] = Array.from({ length: n }, () => []);
    pieces.forEach((p, k) => byPart[part[k]].push(p));
    const parts = byPart
      .map((ps, b) => ({ part: b, statements: render(rows, ps), empty: ps.length === 0 }))
      .filter((x) => !x.empty);
    if (parts.every((x) => renderDocument(x.statements).length <= max)) {
      return parts.map(({ part: b, statements }) => ({ part: b, statements }));
    }
  }
  return undefined;
}

function splitInfo(name: string, length: number, max: number, parts: number, stable: boolean): Diagnostic {
  const how = stable
    ? 'pieces are spread over numbered parts by a hash of each piece, so a growing document adds parts and keeps the others'
    : 'the pieces hash too unevenly for stable parts, so they are packed tightly, and a change may move pieces between parts';
  return {
    code: DiagnosticCode.POLICY_SPLIT_BY_SIZE,
    severity: Severity.INFO,
    location: '',
    message: `${name} is over the policy size limit, so it becomes ${parts} policies, each attached where the one would be`,
    value: `${length} characters, limit ${max}`,
    rule: `${limitRule(max)}; a statement is cut by actions and resources, keeping its Effect and Condition; ${how} (no fewer than ${Math.ceil(length / max)} can hold ${length} characters)`,
    fix: `nothing, if ${parts} policies and their attachments are acceptable; to need fewer, name repositories with a wildcard such as acs:cr:*:*:repository/<instance ID>/<namespace>/*, or grant fewer actions on the long resource list`,
  };
}

function limitRule(max: number): string {
  return max === POLICY_DOCUMENT_MAX_LENGTH
    ? `a custom policy document is at most ${max} characters`
    : `a document is at most ${max} characters here (maxLength; RAM's limit is ${POLICY_DOCUMENT_MAX_LENGTH})`;
}

/** Which list of a statement is cut into strips; the other is repeated in every strip. */
type Along = 'actions' | 'resources';

/** A statement ready for packing: `along` is the list it may still be cut along (none: never cut). */
interface Row {
  readonly s: StatementData;
  /** Length of the rendering with both lists empty: Effect, key names, brackets, Condition. */
  readonly base: number;
  readonly along?: Along;
  /** Which chunk of the statement's repeated list this row holds (rule 2; 0 when not chunked). */
  readonly chunk?: number;
}

const EMPTY_DOCUMENT = renderDocument([]).length;
/** Characters JSON.stringify escapes in a string (lone surrogates included); others render as themselves. */
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;
const itemLength = (v: string) => (ESCAPED.test(v) ? JSON.stringify(v).length : v.length + 2);
const listLength = (items: readonly string[]) =>
  items.reduce((n, v) => n + itemLength(v) + 1, 0) - (items.length > 0 ? 1 : 0);
const rowLength = (r: Row) => r.base + listLength(r.s.actions) + listLength(r.s.resources);
const other = (along: Along): Along => (along === 'actions' ? 'resources' : 'actions');
const cuttable = (s: StatementData, list: Along) => (list === 'actions' ? !s.notAction : !s.notResource);

/** The rows of statement `index`: the shape of rule 2, or STATEMENT_TOO_LONG. */
function shape(s: StatementData, index: number, max: number): Row[] {
  const room = max - EMPTY_DOCUMENT;
  const base = JSON.stringify(statementJson({ ...s, actions: [], resources: [] })).length;
  const longer: Along = listLength(s.actions) > listLength(s.resources) ? 'actions' : 'resources';
  const along = [longer, other(longer)].find((list) => cuttable(s, list));
  if (along === undefined) {
    if (rowLength({ s, base }) <= room) return [{ s, base }];
    throw tooLong(s, index, max);
  }
  const repeated = other(along);
  const widest = Math.max(...s[along].map(itemLength));
  let best: { rows: Row[]; documents: number } | undefined;
  const most = cuttable(s, repeated) ? s[repeated].length : 1;
  for (let g = 1; g <= most && (best === undefined || g < best.documents); g++) {
    const chunks = g > 1 && g === most ? s[repeated].map((item) => [item]) : balancedChunks(s[repeated], g);
    if (chunks.some((c) => base + listLength(c) + widest > room)) continue;
    const rows = chunks.map((c, chunk): Row => ({ s: { ...s, [repeated]: c }, base, along, chunk }));
    const documents = rows.reduce((n, r) => n + strips(r, room).length, 0);
    if (best === undefined || documents < best.documents) best = { rows, documents };
  }
  if (best === undefined) throw tooLong(s, index, max);
  return best.rows;
}

function tooLong(s: StatementData, index: number, max: number): PolicyError {
  const text = renderDocument([s]);
  return new PolicyError([
    {
      code: DiagnosticCode.STATEMENT_TOO_LONG,
      severity: Severity.ERROR,
      location: `Statement[${index}]`,
      message: 'a statement is over the policy size limit and cannot be cut into statements that fit',
      value: `${text.length} characters: ${text.slice(0, 120)}…`,
      rule: `${limitRule(max)}; NotAction, NotResource and Condition cannot be cut`,
      fix: 'use Action and Resource instead of NotAction and NotResource, shorten the Condition, or use wildcards in long resource names',
    },
  ]);
}

/** `items` (sorted) in at most `g` consecutive chunks of about equal rendered length. */
function balancedChunks(items: readonly string[], g: number): string[][] {
  const total = listLength(items);
  const chunks: string[][] = [];
  let before = 0;
  for (const item of items) {
    const k = Math.min(g - 1, Math.floor((g * (before + itemLength(item) / 2)) / total));
    if (chunks.length <= k) chunks.push([]);
    chunks[chunks.length - 1].push(item);
    before += itemLength(item) + 1;
  }
  return chunks;
}

/** The row cut along its list into consecutive strips, each as long as fits `room` (a row that fits stays whole). */
function strips(r: Row, room: number): StatementData[] {
  if (r.along === undefined || rowLength(r) <= room) return [r.s];
  const out: StatementData[] = [];
  let rest = r.s;
  while (rest[r.along!].length > 0) {
    const k = Math.max(1, fittingPrefix(r, rest, room));
    out.push({ ...rest, [r.along!]: rest[r.along!].slice(0, k) });
    rest = { ...rest, [r.along!]: rest[r.along!].slice(k) };
  }
  return out;
}

/** How many leading items of `rest`'s strip list fit in `room` characters with the rest of the statement. */
function fittingPrefix(r: Row, rest: StatementData, room: number): number {
  const along = r.along!;
  let used = r.base + listLength(rest[other(along)]) - 1;
  let k = 0;
  for (const item of rest[along]) {
    used += itemLength(item) + 1;
    if (used > room) break;
    k++;
  }
  return k;
}

/** Rule 3a: each statement into the first document it fits, longest first. */
function firstFitDecreasing(pieces: StatementData[], max: number): StatementData[][] {
  const sized = pieces
    .map((s) => ({ s, length: renderDocument([s]).length - EMPTY_DOCUMENT }))
    .sort((a, b) => b.length - a.length);
  const documents: { statements: StatementData[]; length: number }[] = [];
  for (const { s, length } of sized) {
    const open = documents.find((d) => d.length + 1 + length <= max);
    if (open === undefined) documents.push({ statements: [s], length: EMPTY_DOCUMENT + length });
    else {
      open.statements.push(s);
      open.length += 1 + length;
    }
  }
  return documents.map((d) => d.statements);
}

/** Rule 3b: fill each document in turn, cutting the statement that does not fit to the room left. */
function nextFitCutting(rows: Row[], max: number): StatementData[][] {
  const documents: StatementData[][] = [];
  let current: StatementData[] = [];
  let used = EMPTY_DOCUMENT;
  for (const row of rows) {
    let rest: StatementData | undefined = row.s;
    while (rest !== undefined) {
      const separator = current.length > 0 ? 1 : 0;
      const length = rowLength({ ...row, s: rest });
      if (used + separator + length <= max) {
        current.push(rest);
        used += separator + length;
        rest = undefined;
        continue;
      }
      // A strip always fits an empty document (shape checked it), so every document takes something.
      const fitting: number = row.along === undefined ? 0 : fittingPrefix(row, rest, max - used - separator);
      const k: number = current.length === 0 ? Math.max(1, fitting) : fitting;
      if (k > 0) {
        current.push({ ...rest, [row.along!]: rest[row.along!].slice(0, k) });
        rest = { ...rest, [row.along!]: rest[row.along!].slice(k) };
      }
      documents.push(current);
      current = [];
      used = EMPTY_DOCUMENT;
    }
  }
  if (current.length > 0) documents.push(current);
  return documents;
}
