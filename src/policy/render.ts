/**
 * Canonical rendering: minified JSON, keys in a fixed order (Version, Statement; in a statement
 * Effect, Action|NotAction, Resource|NotResource, Condition), every list sorted and de-duplicated
 * (done by the parser), statements sorted by their own rendering with exact duplicates dropped.
 * The same grant therefore always renders to the same bytes, whatever order it was written in:
 * Terraform ignores key order and whitespace in a policy diff, but not the order of arrays.
 */
import { POLICY_VERSION, type StatementData } from './parse';

/** A statement as a JSON object in canonical key order. */
export function statementJson(s: StatementData): Record<string, unknown> {
  const out: Record<string, unknown> = { Effect: s.effect };
  out[s.notAction ? 'NotAction' : 'Action'] = s.actions;
  out[s.notResource ? 'NotResource' : 'Resource'] = s.resources;
  if (Object.keys(s.conditions).length > 0) out.Condition = s.conditions;
  return out;
}

/** Statements in canonical order, exact duplicates removed. */
export function canonicalStatements(statements: readonly StatementData[]): StatementData[] {
  const byText = new Map<string, StatementData>();
  for (const s of statements) byText.set(JSON.stringify(statementJson(s)), s);
  return [...byText.keys()].sort().map((k) => byText.get(k)!);
}

/** A document as a JSON object in canonical order; `statements` must already be canonical. */
export function documentJson(statements: readonly StatementData[]): Record<string, unknown> {
  return { Version: POLICY_VERSION, Statement: statements.map(statementJson) };
}

/** The canonical text of a document; `statements` must already be canonical. */
export function renderDocument(statements: readonly StatementData[]): string {
  return JSON.stringify(documentJson(statements));
}
