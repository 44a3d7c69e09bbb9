/**
 * Grants stay inside Container Registry. The library grants access to one service, so an access that
 * reaches other services is an error unless the grant opts in (`allowActionsBeyondContainerRegistry`),
 * and then a warning: never silent. Rules, over every statement of the document:
 *   1. "Inside Container Registry" means every Allow statement's Action patterns have the service part
 *      `cr` exactly (patterns.ts). `ecs:…` belongs to another service; `*`, `c*:…` or `*:Get*` has a
 *      wildcard in the service part and matches other services' actions as well
 *      (ACTION_OUTSIDE_CONTAINER_REGISTRY).
 *   2. An Allow with NotAction grants every action not listed, of every service (`NotAction: cr:Delete*`
 *      grants `ram:*`), so it is never inside Container Registry (ALLOW_WITH_NOT_ACTION). This holds
 *      whatever its Resource: with `*` it reaches every resource of every service, and with
 *      `acs:cr:…` ARNs which other services' actions authorize against those ARNs is decided by each
 *      service, which no catalog here can prove; so the rule is conservative and ignores Resource.
 *   3. Deny statements never grant, so their actions may name any service (denying `ram:*` is
 *      harmless, often wise).
 *   4. A document without any Allow statement grants nothing: a warning (DENY_ONLY_ACCESS), since a
 *      grant that grants nothing is a mistake the deploy would not show.
 * Alibaba's Container Registry system policies (`cr:*`; `cr:Get*`, `cr:List*`, `cr:Pull*`) and the
 * presets are inside by rule 1.
 */
import { type Diagnostic, DiagnosticCode, quote, Severity } from './diagnostic';
import type { PolicyDocument } from './document';
import { Effect } from './effect';
import { PatternService, patternService } from './patterns';

/** Options of the rule. */
export interface ContainerRegistryOnlyOptions {
  /**
   * Accept Allow statements that reach beyond Container Registry (other services' actions, wildcard
   * service parts, NotAction): they are warnings instead of errors.
   * @default false
   */
  readonly allowActionsBeyondContainerRegistry?: boolean;
}

const OPT_IN = 'allowActionsBeyondContainerRegistry: true';

/** True when an Allow statement of `document` can grant actions of a service other than Container Registry. */
export function grantsBeyondContainerRegistry(document: PolicyDocument): boolean {
  return document._statements.some(
    (s) =>
      s.effect === Effect.ALLOW &&
      (s.notAction || s.actions.some((p) => patternService(p) !== PatternService.CR)),
  );
}

/** The rule's findings for `document`; see the file header. */
export function containerRegistryOnlyDiagnostics(
  document: PolicyDocument,
  options: ContainerRegistryOnlyOptions = {},
): Diagnostic[] {
  const severity = options.allowActionsBeyondContainerRegistry === true ? Severity.WARNING : Severity.ERROR;
  const fix = (instead: string) =>
    severity === Severity.ERROR
      ? `${instead}; if the grant must reach other services, set ${OPT_IN} on it`
      : `nothing to do if intended (${OPT_IN} is set); otherwise ${instead}`;
  const out: Diagnostic[] = [];
  const statements = document._statements;
  statements.forEach((s, si) => {
    if (s.effect !== Effect.ALLOW) return;
    if (s.notAction) {
      out.push({
        code: DiagnosticCode.ALLOW_WITH_NOT_ACTION,
        severity,
        location: `Statement[${si}].NotAction`,
        message: 'an Allow statement with NotAction grants every action it does not list, of every service',
        value: quote(s.actions),
        rule: 'a Container Registry grant allows cr: actions only; an Allow with NotAction also grants other services (ram:* included), whatever its Resource',
        fix: fix(
          'list the cr: actions to allow in Action (e.g. "cr:*"), and put what must be excluded in a Deny statement',
        ),
      });
      return;
    }
    s.actions.forEach((pattern, ai) => {
      const service = patternService(pattern);
      if (service === PatternService.CR) return;
      out.push({
        code: DiagnosticCode.ACTION_OUTSIDE_CONTAINER_REGISTRY,
        severity,
        location: `Statement[${si}].Action[${ai}]`,
        message:
          service === PatternService.ANY
            ? 'the pattern has a wildcard in its service part, so it also allows other services'
            : 'the action belongs to another service than Container Registry',
        value: quote(pattern),
        rule: 'a Container Registry grant allows only actions whose service part is exactly cr',
        fix: fix(
          service === PatternService.ANY
            ? `write the service part as cr (e.g. ${quote(`cr:${pattern.slice(pattern.indexOf(':') + 1) || '*'}`)})`
            : "grant that service's access with its own policy, outside this library",
        ),
      });
    });
  });
  if (statements.length > 0 && statements.every((s) => s.effect !== Effect.ALLOW)) {
    out.push({
      code: DiagnosticCode.DENY_ONLY_ACCESS,
      severity: Severity.WARNING,
      location: '',
      message: 'the access has only Deny statements, so the grant allows nothing',
      value: `${statements.length} Deny statement${statements.length === 1 ? '' : 's'}`,
      rule: 'a RAM policy allows only what an Allow statement grants; a Deny only takes away',
      fix: 'add the Allow statements the principal needs, or remove the grant',
    });
  }
  return out;
}
