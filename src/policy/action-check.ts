/**
 * Catalog check of a document's Action and NotAction patterns, in every statement (a typo in a Deny
 * is as dangerous as one in an Allow: the Deny would silently deny nothing).
 *   - `cr:Name` without wildcards must be a catalog action (UNKNOWN_CR_ACTION, with a suggestion),
 *     unless the caller accepts that exact name, which is then a warning (UNKNOWN_CR_ACTION_ACCEPTED);
 *   - a `cr:` wildcard must match at least one catalog action (NO_MATCHING_CR_ACTION);
 *   - patterns of other services, or with a wildcard service part, are not checked here.
 */
import { CrCatalog } from './catalog/catalog';
import { type Diagnostic, DiagnosticCode, quote, Severity } from './diagnostic';
import type { PolicyDocument } from './document';
import { PatternService, patternService } from './patterns';
import { didYouMean } from './suggest';
import { actionKey, hasWildcard } from './wildcard';

/** Options of the catalog check. */
export interface ActionCheckOptions {
  /**
   * The catalog to check against.
   * @default CrCatalog.bundled()
   */
  readonly catalog?: CrCatalog;
  /**
   * Exact `cr:` action names to accept although the catalog does not know them (Alibaba adds
   * actions before the catalog is refreshed). Each gives a warning instead of an error, and stays
   * where it was written: its resource-group support cannot be checked.
   * @default - none
   */
  readonly acceptUnknownActions?: string[];
}

/** Where a statement's action list is, for messages. */
export function actionLocation(statementIndex: number, notAction: boolean, actionIndex: number): string {
  return `Statement[${statementIndex}].${notAction ? 'NotAction' : 'Action'}[${actionIndex}]`;
}

/** Diagnostics (errors and warnings) of the catalog check. */
export function checkActions(document: PolicyDocument, options: ActionCheckOptions = {}): Diagnostic[] {
  const catalog = options.catalog ?? CrCatalog.bundled();
  const accepted = new Set((options.acceptUnknownActions ?? []).map(actionKey));
  const out: Diagnostic[] = [];
  document._statements.forEach((s, si) => {
    s.actions.forEach((pattern, ai) => {
      if (patternService(pattern) !== PatternService.CR) return;
      const location = actionLocation(si, s.notAction, ai);
      if (hasWildcard(pattern)) {
        if (catalog.match(pattern).length > 0) return;
        out.push({
          code: DiagnosticCode.NO_MATCHING_CR_ACTION,
          severity: Severity.ERROR,
          location,
          message: 'the wildcard matches no Container Registry action',
          value: quote(pattern),
          rule: 'a cr: wildcard must match at least one action of the Container Registry catalog',
          fix: 'correct the pattern (e.g. "cr:Get*", "cr:List*"), or list the actions you mean',
        });
        return;
      }
      if (catalog.lookup(pattern) !== undefined) return;
      if (accepted.has(actionKey(pattern))) {
        out.push({
          code: DiagnosticCode.UNKNOWN_CR_ACTION_ACCEPTED,
          severity: Severity.WARNING,
          location,
          message: 'accepted an action the Container Registry catalog does not know',
          value: quote(pattern),
          rule: 'actions outside the catalog are only used when accepted explicitly; their resource-group support is unknown',
          fix: 'check the action in the Container Registry RAM authorization docs and refresh the catalog (src/policy/catalog/REFRESH.md)',
        });
        return;
      }
      out.push({
        code: DiagnosticCode.UNKNOWN_CR_ACTION,
        severity: Severity.ERROR,
        location,
        message: `unknown Container Registry action.${didYouMean(pattern, catalog.actionNames)}`,
        value: quote(pattern),
        rule: 'every cr: action must be in the Container Registry catalog',
        fix: 'correct the spelling; if Alibaba added the action recently, pass it in acceptUnknownActions',
      });
    });
  });
  return out;
}
