/**
 * Size limit rule: a custom policy document may hold at most POLICY_DOCUMENT_MAX_LENGTH characters of
 * its canonical (minified) rendering. A document over the limit is split deterministically:
 *   1. statements are taken in canonical order;
 *   2. a statement that alone is over the limit is cut into several statements with the same Effect,
 *      Resource and Condition, each taking as many of its actions (in sorted order) as fit; this is
 *      exact for both Allow and Deny, because a list of actions means "any of them";
 *   3. the pieces are packed greedily, in order, into as few documents as that order allows.
 * All pieces are attached to the same principal at the same scope, and RAM evaluates a principal's
 * policies together (an explicit Deny in one overrides an Allow in another), so splitting never
 * changes what is granted. A statement whose single action does not fit is an error (STATEMENT_TOO_LONG):
 * nothing can make it fit except shortening its resources or condition.
 */
import { DiagnosticCode, PolicyError, Severity } from './diagnostic';
import { PolicyDocument } from './document';
import { POLICY_DOCUMENT_MAX_LENGTH } from './limits';
import type { StatementData } from './parse';
import { renderDocument } from './render';

/** Options of splitBySize. */
export interface SizeSplitOptions {
  /**
   * The largest rendering a document may have, in characters.
   * @default POLICY_DOCUMENT_MAX_LENGTH (6,144)
   */
  readonly maxLength?: number;
}

/** The characters a document counts against the limit: the length of its canonical rendering. */
export function documentLength(document: PolicyDocument): number {
  return document.render().length;
}

/** `document` itself when it fits, otherwise the smallest ordered list of documents that fit. */
export function splitBySize(document: PolicyDocument, options: SizeSplitOptions = {}): PolicyDocument[] {
  const max = options.maxLength ?? POLICY_DOCUMENT_MAX_LENGTH;
  if (documentLength(document) <= max) return [document];
  const fits = (statements: StatementData[]) => renderDocument(statements).length <= max;

  const pieces = document._statements.flatMap((s, i) => cutStatement(s, i, fits));
  const documents: StatementData[][] = [];
  let current: StatementData[] = [];
  for (const piece of pieces) {
    if (current.length > 0 && !fits([...current, piece])) {
      documents.push(current);
      current = [];
    }
    current.push(piece);
  }
  documents.push(current);
  return documents.map((statements) => PolicyDocument._fromData(statements));
}

function cutStatement(
  s: StatementData,
  index: number,
  fits: (st: StatementData[]) => boolean,
): StatementData[] {
  if (fits([s])) return [s];
  const pieces: StatementData[] = [];
  let actions: string[] = [];
  for (const action of s.actions) {
    const candidate = [...actions, action];
    if (actions.length > 0 && !fits([{ ...s, actions: candidate }])) {
      pieces.push({ ...s, actions });
      actions = [action];
    } else {
      actions = candidate;
    }
  }
  const last = { ...s, actions };
  if (!fits([last]) || s.notAction) {
    const text = renderDocument([s.notAction ? s : last]);
    throw new PolicyError([
      {
        code: DiagnosticCode.STATEMENT_TOO_LONG,
        severity: Severity.ERROR,
        location: `Statement[${index}]`,
        message: s.notAction
          ? 'a NotAction statement is over the policy size limit and cannot be cut into smaller statements'
          : 'a statement with a single action is over the policy size limit',
        value: `${text.length} characters: ${text.slice(0, 120)}…`,
        rule: `a custom policy document is at most ${POLICY_DOCUMENT_MAX_LENGTH} characters`,
        fix: 'shorten its Resource list (use a wildcard such as "acs:cr:*:*:repository/<instance-id>/<namespace>/*") or its Condition',
      },
    ]);
  }
  pieces.push(last);
  return pieces;
}
