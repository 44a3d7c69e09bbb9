/**
 * Size limit rule: a custom policy document may hold at most POLICY_DOCUMENT_MAX_LENGTH characters of
 * its canonical (minified) rendering. A document over the limit is split deterministically:
 *   1. statements are taken in canonical order;
 *   2. a statement that alone is over the limit is cut into several statements with the same Effect
 *      and Condition, each taking as many of its actions (in sorted order) as fit, and where one
 *      action with all its resources still does not fit, as many of its resources as fit; this is
 *      exact for both Allow and Deny, because a list of actions or resources means "any of them";
 *   3. the pieces are packed greedily, in order, into as few documents as that order allows.
 * All pieces are attached to the same principal at the same scope, and RAM evaluates a principal's
 * policies together (an explicit Deny in one overrides an Allow in another), so splitting never
 * changes what is granted. NotAction and NotResource lists cannot be cut (their meaning is "all but
 * these"), and neither can a Condition: a statement that does not fit even with a single action and a
 * single resource is an error (STATEMENT_TOO_LONG).
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
  return greedy(pieces, fits).map((statements) => PolicyDocument._fromData(statements));
}

function cutStatement(
  s: StatementData,
  index: number,
  fits: (st: StatementData[]) => boolean,
): StatementData[] {
  if (fits([s])) return [s];
  const pieces: StatementData[] = [];
  if (!s.notAction) {
    for (const actions of greedy(s.actions, (part) => fits([{ ...s, actions: part }]))) {
      const piece = { ...s, actions };
      if (fits([piece])) pieces.push(piece);
      else if (!s.notResource) {
        for (const resources of greedy(s.resources, (part) => fits([{ ...piece, resources: part }]))) {
          pieces.push({ ...piece, resources });
        }
      } else pieces.push(piece);
    }
  }
  const offending = pieces.find((p) => !fits([p])) ?? (pieces.length === 0 ? s : undefined);
  if (offending !== undefined) {
    const text = renderDocument([offending]);
    throw new PolicyError([
      {
        code: DiagnosticCode.STATEMENT_TOO_LONG,
        severity: Severity.ERROR,
        location: `Statement[${index}]`,
        message: 'a statement is over the policy size limit and cannot be cut into statements that fit',
        value: `${text.length} characters: ${text.slice(0, 120)}…`,
        rule: `a custom policy document is at most ${POLICY_DOCUMENT_MAX_LENGTH} characters; NotAction, NotResource and Condition cannot be cut`,
        fix: 'use Action and Resource instead of NotAction and NotResource, shorten the Condition, or use wildcards in long resource names',
      },
    ]);
  }
  return pieces;
}

/** Consecutive runs of `items`, each as long as `ok` allows (at least one item each). */
function greedy<T>(items: T[], ok: (part: T[]) => boolean): T[][] {
  const runs: T[][] = [];
  let current: T[] = [];
  for (const item of items) {
    if (current.length > 0 && !ok([...current, item])) {
      runs.push(current);
      current = [];
    }
    current.push(item);
  }
  runs.push(current);
  return runs;
}
