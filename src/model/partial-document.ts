/**
 * A policy document whose text is known except for some `${...}` values (a Resource built from a
 * reference, a Condition value from a variable), as the .tf evaluator writes jsonencode() of a partly
 * unknown object, or a heredoc with interpolations. Rules:
 *   1. The text must be JSON, and every Effect, Action and NotAction must be literal: the actions are
 *      what the check needs, so then it checks on them.
 *   2. An unknown Resource is read as `*`, an unknown NotResource or Condition value makes that key
 *      dropped: the needed access is then at least what the document asks (never less), and the finding
 *      says what was unknown.
 */
import { PolicyDocument } from '../policy';

const UNKNOWN = /\$\{/;

/** The document with its unknown parts replaced (rule 2) and what they were, or undefined (rule 1). */
export function partialDocument(text: string): { document: PolicyDocument; unknown: string[] } | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const statements = (json as { Statement?: unknown })?.Statement;
  if (!Array.isArray(statements)) return undefined;
  const unknown = new Set<string>();
  const out: unknown[] = [];
  for (const raw of statements) {
    if (raw === null || typeof raw !== 'object') return undefined;
    const s = { ...(raw as Record<string, unknown>) };
    for (const key of ['Effect', 'Action', 'NotAction'])
      if (UNKNOWN.test(JSON.stringify(s[key] ?? ''))) return undefined;
    if (UNKNOWN.test(JSON.stringify(s.Resource ?? ''))) {
      const list = Array.isArray(s.Resource) ? s.Resource : [s.Resource];
      s.Resource = list.map((r) => (typeof r === 'string' && UNKNOWN.test(r) ? '*' : r));
      unknown.add('Resource');
    }
    if (UNKNOWN.test(JSON.stringify(s.NotResource ?? ''))) return undefined;
    if (UNKNOWN.test(JSON.stringify(s.Condition ?? ''))) {
      delete s.Condition;
      unknown.add('Condition');
    }
    out.push(s);
  }
  if (unknown.size === 0) return undefined;
  const document = PolicyDocument.fromObject({ ...(json as object), Statement: out });
  if (document.errors.length > 0) return undefined;
  return { document, unknown: [...unknown].sort() };
}
