/**
 * The rules of a list of names a construct is given (a grant's resource groups, a team's members):
 * each named once, and each literal obeying its naming rule. Names given as tokens are compared by the
 * reference they resolve to (token-key.ts) and cannot be checked against the rule before apply.
 */
import { type DiagnosticCode, type NameRule, nameViolations } from '../policy';
import type { Violation } from './errors';
import type { TokenKey } from './token-key';

/** How one kind of list reports. */
export interface NameListRules {
  /** What one item is called in messages, e.g. "resource group". */
  readonly item: string;
  readonly duplicateCode: DiagnosticCode;
  /** The rule a repeat breaks, e.g. "each resource group is named once per grant". */
  readonly duplicateRule: string;
  readonly invalidCode: DiagnosticCode;
  /** The end of the message for a literal that breaks `rule`, e.g. "is not a resource group ID". */
  readonly invalidMessage: string;
  readonly rule: NameRule;
  readonly invalidFix: string;
}

/** Every repeat and every literal that breaks the naming rule, in list order. */
export function nameListViolations(items: TokenKey[], rules: NameListRules): Violation[] {
  const out: Violation[] = [];
  const seen = new Set<string>();
  items.forEach(({ key, fromToken }, i) => {
    if (seen.has(key)) {
      out.push({
        code: rules.duplicateCode,
        message: `${rules.item} ${i} repeats an earlier one`,
        value: key,
        rule: rules.duplicateRule,
        fix: 'remove the duplicate',
      });
    }
    seen.add(key);
    if (fromToken) return;
    for (const problem of nameViolations(key, rules.rule)) {
      out.push({
        code: rules.invalidCode,
        message: `${rules.item} ${i} ${rules.invalidMessage}`,
        value: key,
        rule: problem,
        fix: rules.invalidFix,
      });
    }
  });
  return out;
}
