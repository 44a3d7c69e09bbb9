/**
 * The rules of a list of names a construct is given (a grant's resource groups, a team's members):
 * each named once, and each literal obeying its naming rule. Names given as tokens are compared by the
 * reference they resolve to (token-key.ts) and cannot be checked against the rule before apply.
 */
import { type DiagnosticCode, type NameRule, nameViolations } from '../policy';
import type { Violation } from './errors';
import type { TokenKey } from './token-key';

/** How one kind of list reports repeats. */
export interface DuplicateRules {
  /** What one item is called in messages, e.g. "resource group". */
  readonly item: string;
  readonly duplicateCode: DiagnosticCode;
  /** The rule a repeat breaks, e.g. "each resource group is named once per grant". */
  readonly duplicateRule: string;
}

/** How one kind of list reports. */
export interface NameListRules extends DuplicateRules {
  readonly invalidCode: DiagnosticCode;
  /** The end of the message for a literal that breaks `rule`, e.g. "is not a resource group ID". */
  readonly invalidMessage: string;
  readonly rule: NameRule;
  readonly invalidFix: string;
}

/** An item of a list: what it stands for, and how it was written (a literal, or a token's expression). */
export interface ListItem {
  readonly key: string;
  readonly given: string;
}

/**
 * Every item that stands for the same thing as an earlier one. Written the same way, it "repeats an
 * earlier one"; written differently (a literal and a reference resolved to it), both spellings are shown.
 */
export function duplicateViolations(items: ListItem[], rules: DuplicateRules): Violation[] {
  const out: Violation[] = [];
  const first = new Map<string, number>();
  items.forEach(({ key, given }, i) => {
    const j = first.get(key);
    if (j === undefined) {
      first.set(key, i);
      return;
    }
    const same = items[j].given === given;
    out.push({
      code: rules.duplicateCode,
      message: same
        ? `${rules.item} ${i} repeats an earlier one`
        : `${rules.item} ${i} and ${rules.item} ${j} are both ${key}`,
      value: same ? key : [items[j].given, given],
      rule: rules.duplicateRule,
      fix: 'remove the duplicate',
    });
  });
  return out;
}

/** Every repeat and every literal that breaks the naming rule, in list order. */
export function nameListViolations(items: TokenKey[], rules: NameListRules): Violation[] {
  const out = duplicateViolations(
    items.map(({ key }) => ({ key, given: key })),
    rules,
  );
  items.forEach(({ key, fromToken }, i) => {
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
