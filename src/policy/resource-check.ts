/**
 * The resource-level silent failure: an Allow statement names an action whose request resource
 * (resource-types.ts) none of the statement's Resources can ever match, for example `cr:GetInstance`,
 * authorized against the instance, in a statement whose only Resource is a repository ARN. RAM
 * accepts the policy and never grants the action. Rules:
 *   1. Only actions named exactly are checked. A wildcard such as `cr:*` on repository ARNs is
 *      Alibaba's own documented way to say "whatever applies here" (the ACK/ACS namespace example), so
 *      a wildcard is never an error.
 *   2. Only Allow statements with Action and Resource (not NotAction or NotResource).
 *   3. An error (ACTION_RESOURCE_MISMATCH) only when every resource the action can be authorized
 *      against is known and certain not to match; it names the Resource the action needs.
 *   4. Actions whose resource is unknown are listed, per statement, as information
 *      (ACTION_RESOURCE_TYPE_UNKNOWN); they are not guessed.
 */
import { actionLocation } from './action-check';
import { CrCatalog } from './catalog/catalog';
import { type Diagnostic, DiagnosticCode, quote, Severity } from './diagnostic';
import type { PolicyDocument } from './document';
import { Effect } from './effect';
import type { StatementData } from './parse';
import { PatternService, patternService } from './patterns';
import { ARN_FORMAT_SOURCE, neededResources, requestResources, resourceMayMatch } from './resource-types';
import { hasWildcard } from './wildcard';

/** Diagnostics for the named cr: actions that no Resource of their statement can match (see the header). */
export function checkResourceTypes(
  document: PolicyDocument,
  catalog: CrCatalog = CrCatalog.bundled(),
): Diagnostic[] {
  const out: Diagnostic[] = [];
  document._statements.forEach((s, si) => out.push(...checkStatement(s, si, catalog)));
  return out;
}

function checkStatement(s: StatementData, si: number, catalog: CrCatalog): Diagnostic[] {
  if (s.effect !== Effect.ALLOW || s.notAction || s.notResource) return [];
  const out: Diagnostic[] = [];
  const unknown: string[] = [];
  s.actions.forEach((pattern, ai) => {
    if (patternService(pattern) !== PatternService.CR || hasWildcard(pattern)) return;
    const info = catalog.lookup(pattern);
    if (info === undefined) return; // action-check.ts reports it
    const resources = requestResources(info.name);
    if (resources === undefined) {
      unknown.push(info.name);
      return;
    }
    if (s.resources.some((r) => resources.some((t) => resourceMayMatch(r, t)))) return;
    const needed = [...new Set(resources.flatMap((t) => neededResources(t, s.resources[0])))];
    const sources = [...new Set(resources.map((t) => t.sourceUrl))];
    out.push({
      code: DiagnosticCode.ACTION_RESOURCE_MISMATCH,
      severity: Severity.ERROR,
      location: actionLocation(si, false, ai),
      message: `${info.name} is authorized against ${resources.map((t) => quote(t.arn)).join(' or ')}, which no Resource of the statement can match, so the statement never grants it`,
      value: `${quote(info.name)} on ${quote(s.resources)}`,
      rule: `RAM authorizes an action against the resource of the request (${sources.join(', ')}; ARN formats: ${ARN_FORMAT_SOURCE})`,
      fix: `grant ${info.name} in a statement with Resource ${needed.map(quote).join(' or ')}, or give the access a resource target (CrResourceTarget), which places each action on the resource it is authorized against`,
    });
  });
  if (unknown.length > 0)
    out.push({
      code: DiagnosticCode.ACTION_RESOURCE_TYPE_UNKNOWN,
      severity: Severity.INFO,
      location: `Statement[${si}]`,
      message: `the documentation read does not give the resource ${unknown.length} action(s) are authorized against, so whether the statement's Resources can grant them is not checked`,
      value: quote(unknown),
      rule: 'an action is checked against its Resources only when an Alibaba authorization page gives its resource; the library never guesses one',
      fix: "check these actions' authorization pages; when a page gives the ARN, add it to src/policy/catalog/cr-resource-types.json",
    });
  return out;
}
