/**
 * The check: for every resource-group attachment of a configuration, the Container Registry actions it
 * intends but cannot grant (the engine's split: actions without resource-group support), less what the
 * same principal already holds at account scope (its own attachments, and a user's groups'), is what
 * the principal silently lacks. Rules:
 *   1. An account-scope Allow statement covers a needed action when its Action (or NotAction) matches
 *      it, its Resource patterns cover every needed resource, and it has no Condition or the same one.
 *      NotResource statements and Deny statements elsewhere are not counted (a finding may then be
 *      conservative, never silent).
 *   2. An attachment whose principal, policy or document cannot be read is reported as not checked
 *      (information), with the reason; nothing is guessed.
 *   3. The fix is the split's account-level document restricted to the missing actions: the exact
 *      policy the library's constructs would have attached.
 *   4. Actions a grant of these constructs left out on purpose (excludeFromAccountLevel, recorded on
 *      its attachments) are not missing; nor are those the check's own options leave out of the
 *      account level (the split's excludeFromAccountLevel, excludeWriteActionsFromAccountLevel).
 *   5. A gap's severity is GRANT_GAP_SEVERITY (gap-severity.ts), wherever the check runs. Messages
 *      count the missing actions (listed.ts); the full list and the fix document are fields of the
 *      finding, given once.
 */
import {
  type AccountLevelExclusions,
  CrCatalog,
  DiagnosticCode,
  exclusions,
  PolicyDocument,
  type ResourceGroupSplit,
  Severity,
  writeLevelActions,
  splitForResourceGroupScope,
} from '../policy';
import { PolicyError, throwIfErrors } from '../policy/diagnostic';
import type { StatementData } from '../policy/parse';
import { actionMatches, resourcePatternCovers } from '../policy/wildcard';
import { type AttachmentRecord, readGrants } from './attachments';
import type { CheckFinding, CheckReport } from './finding';
import { GRANT_GAP_SEVERITY } from './gap-severity';
import { resourceAddress, type TerraformResource } from './terraform';

/** Options of the check. */
export interface CheckOptions extends AccountLevelExclusions {
  /**
   * The catalog of Container Registry actions.
   * @default CrCatalog.bundled()
   */
  readonly catalog?: CrCatalog;
}

/** Throws a PolicyError when the options name an action that cannot be excluded (INVALID_EXCLUSION). */
export function checkOptionErrors(options: CheckOptions): void {
  throwIfErrors(
    exclusions(options.excludeFromAccountLevel ?? [], options.catalog ?? CrCatalog.bundled()).errors,
  );
}

const GAP_RULE =
  'a policy attached at resource-group scope has no effect for actions without resource-group support; they must be granted at account scope (Container Registry, "Fine-grained resource control with resource groups")';

/** Checks every resource-group attachment of `resources`; see the file header for the rules. */
export function checkResources(
  resources: readonly TerraformResource[],
  options: CheckOptions = {},
): CheckReport {
  const catalog = options.catalog ?? CrCatalog.bundled();
  checkOptionErrors(options);
  const splitOptions = {
    catalog,
    acceptUnknownActions: [],
    excludeFromAccountLevel: options.excludeFromAccountLevel,
    excludeWriteActionsFromAccountLevel: options.excludeWriteActionsFromAccountLevel,
  };
  const { attachments, groupsOfUser } = readGrants(resources);
  const accountDocuments = new Map<string, PolicyDocument[]>();
  for (const a of attachments) {
    if (a.resourceGroupId !== undefined || a.principal === undefined || a.policy.document === undefined)
      continue;
    const list = accountDocuments.get(a.principal.key) ?? [];
    list.push(a.policy.document);
    accountDocuments.set(a.principal.key, list);
  }
  const held = (principalKey: string) => [
    ...(accountDocuments.get(principalKey) ?? []),
    ...[...(groupsOfUser.get(principalKey) ?? [])].flatMap((g) => accountDocuments.get(g) ?? []),
  ];
  const splits = new Map<string, ResourceGroupSplit | string>();
  const split = (document: PolicyDocument): ResourceGroupSplit | string => {
    const key = document.render();
    let result = splits.get(key);
    if (result === undefined) {
      try {
        result = splitForResourceGroupScope(document, splitOptions);
      } catch (e) {
        if (!(e instanceof PolicyError)) throw e;
        result = e.message.split('\n')[0];
      }
      splits.set(key, result);
    }
    return result;
  };
  const gaps = new Map<string, string[]>();
  const findings: CheckFinding[] = [];
  let checked = 0;
  for (const a of attachments) {
    if (a.resourceGroupId === undefined) continue;
    checked++;
    if (a.principal === undefined) {
      findings.push(unchecked(a, `the principal ${a.principalText} cannot be told from the configuration`));
      continue;
    }
    if (a.policy.document === undefined) {
      findings.push(unchecked(a, a.policy.reason ?? 'the policy cannot be read'));
      continue;
    }
    const result = split(a.policy.document);
    if (typeof result === 'string') {
      findings.push(unchecked(a, `the document cannot be split: ${result}`));
      continue;
    }
    const needed = result.accountLevelDocument;
    if (needed === undefined) continue;
    // Keyed by what is held rather than by whom: principals holding the same documents share the result.
    const documents = held(a.principal.key);
    const gapKey = [needed.render(), ...documents.map((d) => d.render()).sort()].join('\n');
    let missing = gaps.get(gapKey);
    if (missing === undefined) {
      missing = needed._statements
        .filter((s) => s.effect === 'Allow')
        .flatMap((s) => s.actions.filter((action) => !documents.some((d) => covers(d, action, s))))
        .filter((action, i, all) => all.indexOf(action) === i)
        .sort();
      gaps.set(gapKey, missing);
    }
    const excluded = new Set(a.resource.excludedFromAccountLevel ?? []);
    const unintended = excluded.size === 0 ? missing : missing.filter((action) => !excluded.has(action));
    if (unintended.length > 0) findings.push(gap(a, unintended, restrict(needed, unintended), catalog));
  }
  return { findings, attachmentsChecked: checked };
}

/** Rule 1 of the file header. */
function covers(document: PolicyDocument, action: string, needed: StatementData): boolean {
  const conditions = JSON.stringify(needed.conditions);
  return document._statements.some((s) => {
    if (s.effect !== 'Allow' || s.notResource) return false;
    const hit = s.actions.some((p) => actionMatches(p, action));
    if (s.notAction === hit) return false;
    if (Object.keys(s.conditions).length > 0 && JSON.stringify(s.conditions) !== conditions) return false;
    return needed.resources.every((r) => s.resources.some((p) => p === '*' || resourcePatternCovers(p, r)));
  });
}

/** The account-level document with only the `missing` actions. */
function restrict(document: PolicyDocument, missing: string[]): PolicyDocument {
  const keep = new Set(missing);
  const statements = document._statements
    .map((s) => ({ ...s, actions: s.actions.filter((a) => keep.has(a)) }))
    .filter((s) => s.actions.length > 0);
  return PolicyDocument._fromData(statements);
}

function base(a: AttachmentRecord) {
  return {
    location: a.resource.location,
    attachment: resourceAddress(a.resource),
    principal:
      a.principal === undefined ? a.principalText : `${a.principal.principalType} ${a.principal.display}`,
    principalType: a.principal?.principalType,
    principalName: a.principal?.name,
    resourceGroupId: a.resourceGroupId,
    policyName: a.policyName,
  };
}

function gap(a: AttachmentRecord, missing: string[], fix: PolicyDocument, catalog: CrCatalog): CheckFinding {
  const b = base(a);
  const writes = writeLevelActions(missing, catalog).length;
  const ofThem = writes === 0 ? '' : ` (${writes} of them write-level)`;
  return {
    ...b,
    code: DiagnosticCode.CR_RG_GRANT_GAP,
    severity: GRANT_GAP_SEVERITY,
    message: `${b.principal} is granted ${a.policyName} in resource group ${a.resourceGroupId}, but ${missing.length} of its Container Registry actions${ofThem} do not support resource groups and no account-scope policy grants them`,
    rule: GAP_RULE,
    fix: `attach to ${b.principal} at account scope a custom policy granting them (the finding's fixDocument: CrAccessCheck.findingsOf(stack), or the CLI's JSON output); CrAccessGrant makes such grants whole, and CrAccessCheck in fix mode adds the policy`,
    missingActions: missing,
    fixDocument: fix.render(),
  };
}

function unchecked(a: AttachmentRecord, reason: string): CheckFinding {
  return {
    ...base(a),
    code: DiagnosticCode.CR_RG_GRANT_UNCHECKED,
    severity: Severity.INFO,
    message: 'a resource-group attachment was not checked',
    rule: reason,
    fix: 'define the policy in the same configuration with a literal document, or check the grant by hand',
    missingActions: [],
  };
}
