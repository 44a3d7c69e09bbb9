/**
 * The Condition element: operator → condition key → values. RAM's operators are listed here once
 * (source: "Conditional operators", RAM documentation, Dec 9 2025). AWS-style set qualifiers such as
 * `ForAnyValue:` are not part of RAM's documented grammar and are rejected. Values are kept as
 * strings: numbers and booleans written in a document become their string form, so the canonical
 * rendering always writes strings.
 */
export const CONDITION_OPERATORS: readonly string[] = [
  'Bool',
  'DateEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateNotEquals',
  'IpAddress',
  'NotIpAddress',
  'NumericEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericNotEquals',
  'StringEquals',
  'StringEqualsIgnoreCase',
  'StringLike',
  'StringNotEquals',
  'StringNotEqualsIgnoreCase',
  'StringNotLike',
];

/** Whether `operator` is one of RAM's condition operators (case-sensitive). */
export function isConditionOperator(operator: string): boolean {
  return CONDITION_OPERATORS.includes(operator);
}
