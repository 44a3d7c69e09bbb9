/**
 * The resource-level silent failure in a configuration: every custom policy defined in it (attached
 * or not, at any scope) whose Allow statements name an action that their Resources can never match
 * (src/policy/resource-check.ts). One finding per policy (ACTION_RESOURCE_MISMATCH, the grant-gap
 * severity), with the actions, and as fix the same document with each such action moved to a
 * statement on the Resource it needs.
 */
import {
  type CrCatalog,
  type Diagnostic,
  DiagnosticCode,
  PolicyDocument,
  Severity,
  checkResourceTypes,
  listed,
} from '../policy';
import type { StatementData } from '../policy/parse';
import { neededResources, requestResources } from '../policy/resource-types';
import type { CheckFinding } from './finding';
import { GRANT_GAP_SEVERITY } from './gap-severity';
import { customPolicyDocument, isCustomPolicyResource } from './policies';
import { resourceAddress, ResourceMode, type TerraformResource } from './terraform';

/** Findings for the custom policies of `resources` (see the header). */
export function resourceLevelFindings(
  resources: readonly TerraformResource[],
  catalog: CrCatalog,
): CheckFinding[] {
  const out: CheckFinding[] = [];
  for (const r of resources) {
    if (r.mode !== ResourceMode.MANAGED || !isCustomPolicyResource(r)) continue;
    const document = customPolicyDocument(r).document;
    if (document === undefined) continue; // unreadable documents are the grant check's to report
    const errors = checkResourceTypes(document, catalog).filter((d) => d.severity === Severity.ERROR);
    if (errors.length === 0) continue;
    const actions = [...new Set(errors.map(actionOf))].sort();
    const address = resourceAddress(r);
    out.push({
      code: DiagnosticCode.ACTION_RESOURCE_MISMATCH,
      severity: GRANT_GAP_SEVERITY,
      message: `custom policy ${address} names ${listed(actions)} in statements whose Resources can never match the resource they are authorized against, so it never grants them`,
      rule: errors[0].rule,
      fix: "replace the document with the finding's fixDocument (each such action moved to a statement on the Resource it needs), or grant through CrAccessGrant with a resource target",
      location: r.location,
      attachment: address,
      principal: 'every principal the policy is attached to',
      missingActions: actions,
      fixDocument: fixed(document, errors).render(),
    });
  }
  return out;
}

/** The action a mismatch names (its value is `"<action>" on [...]`). */
function actionOf(d: Diagnostic): string {
  return JSON.parse(d.value!.slice(0, d.value!.indexOf(' on ')));
}

/** `document` with each mismatched action taken out of its statement and granted on what it needs. */
function fixed(document: PolicyDocument, errors: Diagnostic[]): PolicyDocument {
  const statements: StatementData[] = [];
  document._statements.forEach((s, si) => {
    const here = errors.filter((d) => d.location.startsWith(`Statement[${si}].`)).map(actionOf);
    if (here.length === 0) {
      statements.push(s);
      return;
    }
    const rest = s.actions.filter((a) => !here.some((h) => h.toLowerCase() === a.toLowerCase()));
    if (rest.length > 0) statements.push({ ...s, actions: rest });
    for (const action of here) {
      const needed = (requestResources(action) ?? []).flatMap((t) => neededResources(t, s.resources[0]));
      statements.push({ ...s, actions: [action], resources: [...new Set(needed)].sort() });
    }
  });
  return PolicyDocument._fromData(statements);
}
