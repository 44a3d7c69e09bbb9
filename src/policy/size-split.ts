/**
 * Size limit rule: a custom policy document may hold at most POLICY_DOCUMENT_MAX_LENGTH characters of
 * its canonical (minified) rendering. A document within the limit is kept as it is. A document over
 * it is split deterministically (a function of the canonical document alone, so of the grant):
 *   1. Cutting is exact. A statement means "any of its actions on any of its resources, under its
 *      Condition", so it may be cut into statements with the same Effect and Condition whose
 *      action-chunk x resource-chunk grid covers exactly its (action, resource) pairs. This holds
 *      for Allow and for Deny, and RAM evaluates a principal's policies together (a Deny in one
 *      overrides an Allow in another), so attaching every part to the same principal at the same
 *      scope grants exactly what the document grants. A NotAction or NotResource list and a
 *      Condition are never cut (they mean "all but these" and "only when"); the other list may be.
 *   2. Shape: a statement is cut along its longer list (the shorter one if only that can be cut)
 *      into strips, each strip repeating the other list. When the repeated list is long, it is first
 *      grouped into g chunks of about equal length (single items at the largest g), each chunk with
 *      its own strips; g is the smallest that gives the fewest documents when every strip fills a
 *      document of its own. A statement with a pair (an action and a resource, a Not list counting
 *      whole) that fits no document is an error (STATEMENT_TOO_LONG).
 *   3. Packing: two simple greedies over the shaped statements, longest first; the one with fewer
 *      documents wins, ties going to (a), which cuts less:
 *      (a) each statement is cut into strips that fill a document, and the strips are packed
 *          first-fit-decreasing without further cuts;
 *      (b) next-fit with cutting: a statement that does not fit the room left in the current
 *          document gives it the longest strip that fits, and the rest starts the next document.
 *   4. More than one document is information (POLICY_SPLIT_BY_SIZE, naming the count): each part
 *      is one more policy and one more attachment.
 * How close to the minimum. Every piece repeats its statement's Effect, Condition and uncut list, so
 * when that repeated part is a large share of the limit, no split reaches ceil(length / limit)
 * documents (a document holds only so many (action, resource) pairs). Let r be the largest share of
 * the limit taken by a statement's Effect, Condition and repeated list (the shorter one, as rule 2
 * cuts the longer), plus its widest item, plus the document's own 30 characters. Each document that
 * (b) closes loses less than r of the limit, to room left over or to one repeated part; so when rule 2
 * keeps g = 1 (as it does when r is under about 1/2), a document at most (1 - r) / r limits long
 * becomes at most ceil(length / limit) + 1 documents. Example: the 72 account-level actions on
 * repository names of 100 characters give r = 0.35, so that bound holds up to 1.86 limits (about 90
 * such names); past that, each document carries the 72 actions and about 4,100 characters of names.
 * test/policy/size-split.property.test.ts checks the bound on random documents.
 */
import { type Diagnostic, DiagnosticCode, PolicyError, Severity } from './diagnostic';
import { PolicyDocument } from './document';
import { POLICY_DOCUMENT_MAX_LENGTH } from './limits';
import type { StatementData } from './parse';
import { renderDocument, statementJson } from './render';

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
  if (length <= max) return { documents: [document], diagnostics: [] };
  const rows = document._statements
    .flatMap((s, i) => shape(s, i, max))
    .sort((a, b) => rowLength(b) - rowLength(a)); // stable: equal lengths keep canonical order
  const whole = firstFitDecreasing(
    rows.flatMap((r) => strips(r, max - EMPTY_DOCUMENT)),
    max,
  );
  const filled = nextFitCutting(rows, max);
  const documents = (filled.length < whole.length ? filled : whole).map((d) => PolicyDocument._fromData(d));
  const name = options.documentName ?? 'the policy document';
  return {
    documents,
    diagnostics: documents.length > 1 ? [splitInfo(name, length, max, documents.length)] : [],
  };
}

function splitInfo(name: string, length: number, max: number, parts: number): Diagnostic {
  return {
    code: DiagnosticCode.POLICY_SPLIT_BY_SIZE,
    severity: Severity.INFO,
    location: '',
    message: `${name} is over the policy size limit, so it becomes ${parts} policies, each attached where the one would be`,
    value: `${length} characters, limit ${max}`,
    rule: `${limitRule(max)}; a statement is cut by actions and resources, keeping its Effect and Condition, and a greedy packs the pieces into few documents (no fewer than ${Math.ceil(length / max)} can hold ${length} characters)`,
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
    const rows = chunks.map((c): Row => ({ s: { ...s, [repeated]: c }, base, along }));
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
