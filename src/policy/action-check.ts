/**
 * Catalog check of a document's Action and NotAction patterns, in every statement (a typo in a Deny
 * is as dangerous as one in an Allow: the Deny would silently deny nothing).
 *
 * The split rests on the resource-group page's list of actions WITHOUT resource-group support; an
 * action not on that list is, by that page, supported at resource-group scope. So a `cr:` name or
 * wildcard the catalog does not know never blocks a document; it stays where it was written:
 *   - an exact name one edit from a catalog action (suggest.ts TYPO_DISTANCE) is taken for a typo:
 *     error UNKNOWN_CR_ACTION, with the catalog action as suggestion;
 *   - any other exact name, and a wildcard that matches no catalog action (Alibaba's own example
 *     policy uses `cr:ListSignature*`), is a warning UNKNOWN_CR_ACTION_PASSED_THROUGH;
 *   - a name or pattern listed in acceptUnknownActions (compared case-insensitively, as written) is
 *     information UNKNOWN_CR_ACTION_ACCEPTED instead, which constructs do not print;
 *   - with strictActions, unknown names are errors UNKNOWN_CR_ACTION and wildcards matching nothing
 *     errors NO_MATCHING_CR_ACTION (accepted ones stay information).
 * A known action, or a wildcard, written in another case than the catalog's spelling is a warning
 * ACTION_CASE_MISMATCH (wildcard.ts: RAM ignores case "in most cases").
 * Patterns of other services, or with a wildcard service part, are not checked here.
 */
import { CrCatalog } from './catalog/catalog';
import { type Diagnostic, DiagnosticCode, quote, Severity } from './diagnostic';
import type { PolicyDocument } from './document';
import { PatternService, patternService } from './patterns';
import { didYouMean, likelyTypo } from './suggest';
import { actionKey, actionMatchesAsWritten, hasWildcard } from './wildcard';

/** Options of the catalog check. */
export interface ActionCheckOptions {
  /**
   * The catalog to check against.
   * @default CrCatalog.bundled()
   */
  readonly catalog?: CrCatalog;
  /**
   * `cr:` action names or wildcards, as written in the document, that the catalog does not know and
   * that you have checked (Alibaba adds actions before the catalog is refreshed). Each is then
   * information (UNKNOWN_CR_ACTION_ACCEPTED) instead of a warning or error, also with strictActions,
   * and stays at resource-group scope like any unknown action. Compared without regard to case.
   * @default - none
   */
  readonly acceptUnknownActions?: string[];
  /**
   * Make every `cr:` action the catalog does not know an error (UNKNOWN_CR_ACTION), and every `cr:`
   * wildcard matching no catalog action an error (NO_MATCHING_CR_ACTION), unless listed in
   * acceptUnknownActions. Without it only likely typos are errors and the rest are warnings.
   * @default false
   */
  readonly strictActions?: boolean;
}

/** Where a statement's action list is, for messages. */
export function actionLocation(statementIndex: number, notAction: boolean, actionIndex: number): string {
  return `Statement[${statementIndex}].${notAction ? 'NotAction' : 'Action'}[${actionIndex}]`;
}

const PASS_THROUGH_RULE =
  "only the actions that Alibaba's resource-group page lists as unsupported are moved to account level; an action the catalog does not know is not on that list, so by that page it works at resource-group scope, and it is attached there as written";

/** Diagnostics (errors, warnings and information) of the catalog check. */
export function checkActions(document: PolicyDocument, options: ActionCheckOptions = {}): Diagnostic[] {
  const catalog = options.catalog ?? CrCatalog.bundled();
  const accepted = new Set((options.acceptUnknownActions ?? []).map(actionKey));
  const out: Diagnostic[] = [];
  document._statements.forEach((s, si) => {
    s.actions.forEach((pattern, ai) => {
      if (patternService(pattern) !== PatternService.CR) return;
      const finding = checkPattern(pattern, catalog, accepted, options.strictActions === true);
      if (finding !== undefined) out.push({ ...finding, location: actionLocation(si, s.notAction, ai) });
    });
  });
  return out;
}

type Finding = Omit<Diagnostic, 'location'>;

function checkPattern(
  pattern: string,
  catalog: CrCatalog,
  accepted: Set<string>,
  strict: boolean,
): Finding | undefined {
  const value = quote(pattern);
  const wildcard = hasWildcard(pattern);
  const matches = wildcard ? catalog.match(pattern) : [catalog.lookup(pattern)?.name].filter(isString);
  if (matches.length > 0) return caseFinding(pattern, matches);
  if (accepted.has(actionKey(pattern))) {
    return {
      code: DiagnosticCode.UNKNOWN_CR_ACTION_ACCEPTED,
      severity: Severity.INFO,
      message: `accepted ${wildcard ? 'a wildcard' : 'an action'} the Container Registry catalog does not know; it stays at resource-group scope`,
      value,
      rule: 'names and patterns listed in acceptUnknownActions are used as written',
      fix: 'nothing to do; when Alibaba documents it, refresh the catalog (src/policy/catalog/REFRESH.md)',
    };
  }
  const accept = `add ${value} to acceptUnknownActions`;
  if (wildcard && strict) {
    return {
      code: DiagnosticCode.NO_MATCHING_CR_ACTION,
      severity: Severity.ERROR,
      message: 'the wildcard matches no Container Registry action',
      value,
      rule: 'with strictActions, a cr: wildcard must match at least one action of the Container Registry catalog',
      fix: `correct the pattern (e.g. "cr:Get*", "cr:List*"), list the actions you mean, or ${accept}`,
    };
  }
  const typo = wildcard ? undefined : likelyTypo(pattern, catalog.actionNames);
  if (typo !== undefined || (!wildcard && strict)) {
    return {
      code: DiagnosticCode.UNKNOWN_CR_ACTION,
      severity: Severity.ERROR,
      message: `unknown Container Registry action${sentence(typo === undefined ? didYouMean(pattern, catalog.actionNames) : ` Did you mean ${quote(typo)}?`)}`,
      value,
      rule:
        typo === undefined
          ? 'with strictActions, every cr: action must be in the Container Registry catalog'
          : 'a cr: action one edit (a letter added, dropped or changed, or two neighbours swapped) from a catalog action is taken for a typo',
      fix: `correct the spelling; if Alibaba really has this action, ${accept}`,
    };
  }
  return {
    code: DiagnosticCode.UNKNOWN_CR_ACTION_PASSED_THROUGH,
    severity: Severity.WARNING,
    message: `${wildcard ? 'the wildcard matches no action' : 'the action is not'} in the Container Registry catalog, so it passes through at resource-group scope${sentence(wildcard ? '' : didYouMean(pattern, catalog.actionNames))}`,
    value,
    rule: PASS_THROUGH_RULE,
    fix: `check it against Alibaba's Container Registry authorization docs; if it is right, ${accept} to silence this warning (strictActions makes these errors)`,
  };
}

/** A warning when the pattern relies on RAM ignoring case to match (some of) its catalog actions. */
function caseFinding(pattern: string, matches: string[]): Finding | undefined {
  const onlyIgnoringCase = matches.filter((name) => !actionMatchesAsWritten(pattern, name));
  if (onlyIgnoringCase.length === 0) return undefined;
  const fix = hasWildcard(pattern)
    ? `write it in the case of the documented names, e.g. ${quote(onlyIgnoringCase[0])}`
    : `write it as ${quote(matches[0])}`;
  return {
    code: DiagnosticCode.ACTION_CASE_MISMATCH,
    severity: Severity.WARNING,
    message: hasWildcard(pattern)
      ? `the wildcard matches ${onlyIgnoringCase.length} of its ${matches.length} catalog actions only when case is ignored`
      : "the action's case differs from Alibaba's documented spelling",
    value: quote(pattern),
    rule: 'RAM ignores the case of Action values in most cases, not all ("Policy elements"); Alibaba recommends the spelling the service documents',
    fix,
  };
}

/** A suggestion as a second sentence (no stray period when there is none). */
function sentence(suggestion: string): string {
  return suggestion === '' ? '' : `.${suggestion}`;
}

function isString(x: string | undefined): x is string {
  return x !== undefined;
}
