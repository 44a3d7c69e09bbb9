/**
 * Names that differ only in case, where Alibaba does not document whether they are one name
 * (name-case.ts): a warning naming every spelling and every construct that uses one, never an error.
 * Names of a case-insensitive kind are folded by the callers' keys instead, so their variants are
 * duplicates. Expressions (references not resolved to a literal) are not names and are skipped.
 */
import { type Diagnostic, DiagnosticCode, Severity } from '../policy';
import { quote } from '../policy/diagnostic';
import { caseFold, caseRuleText, NameCase, type NameCaseRule } from '../policy/name-case';

/** One use of a name by a construct. */
export interface NameUse {
  /** The name as compared (a literal, or a reference resolved to its resource's literal name). */
  readonly name: string;
  /** Who uses it, as messages list it (a construct path, maybe with a note). */
  readonly user: string;
}

/** The spellings of one name, and their users in the order given. */
export interface CaseVariants {
  readonly names: string[];
  readonly users: string[];
}

/** Every set of two or more spellings of one name among `uses`, sorted by name. */
export function caseVariants(uses: NameUse[], rule: NameCaseRule): CaseVariants[] {
  if (rule.comparison === NameCase.CASE_INSENSITIVE) return [];
  const byFolded = new Map<string, NameUse[]>();
  for (const use of uses) {
    if (use.name.includes('${')) continue;
    const folded = caseFold(use.name);
    byFolded.set(folded, [...(byFolded.get(folded) ?? []), use]);
  }
  const out: CaseVariants[] = [];
  for (const [, group] of [...byFolded.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const names = [...new Set(group.map((u) => u.name))].sort();
    if (names.length < 2) continue;
    out.push({ names, users: [...new Set(group.map((u) => u.user))] });
  }
  return out;
}

/** The warning for one set of spellings. */
export function caseVariantDiagnostic(rule: NameCaseRule, variants: CaseVariants): Diagnostic {
  return {
    code: DiagnosticCode.NAME_CASE_VARIANT,
    severity: Severity.WARNING,
    location: '',
    message: `${variants.names.length} ${rule.what}s differ only in case (${variants.users.join(', ')})`,
    value: quote(variants.names),
    rule: caseRuleText(rule),
    fix: `write the ${rule.what} the same way everywhere if they mean one; if they are two, make sure RAM tells them apart before apply`,
  };
}
