/**
 * The check: for every resource-group attachment of a configuration, the Container Registry actions it
 * intends but cannot grant there (the engine's split: actions without resource-group support) and that
 * the principal's effective access (effective-access.ts: every policy of the principal and its groups,
 * Deny and NotAction/NotResource included) does not allow in that resource group, is what the principal
 * silently lacks. Rules:
 *   1. A needed action is allowed when the evaluator decides `allow` for it in the attachment's resource
 *      group, for each Resource of the needed statement, under the needed statement's Condition. An
 *      explicit Deny elsewhere therefore leaves it missing, and the fix says which Deny.
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
 *   6. Every custom policy of the configuration is also checked at resource level
 *      (resource-findings.ts): actions its Resources can never grant are a finding of their own.
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
import { AccessDecision } from './access-rules';
import type { AttachmentRecord } from './attachments';
import { EffectiveAccess } from './effective-access';
import type { CheckFinding, CheckReport } from './finding';
import { acceptedApplies, utcDay } from './accepted';
import { type Baseline, baselineEntryFor } from './baseline';
import { GRANT_GAP_SEVERITY } from './gap-severity';
import { documentGrantsNoCr } from './outside-cr';
import { PRINCIPAL_FIX, SPLIT_FIX, uncheckedFix } from './unchecked-fix';
import { resourceLevelFindings } from './resource-findings';
import { resourceAddress, type TerraformResource } from './terraform';

/** Options of the check. */
export interface CheckOptions extends AccountLevelExclusions {
  /**
   * The catalog of Container Registry actions.
   * @default CrCatalog.bundled()
   */
  readonly catalog?: CrCatalog;
  /**
   * Findings accepted as they are (baseline.ts), as `--baseline` reads them.
   * @default - none
   */
  readonly baseline?: Baseline;
  /**
   * The day exceptions' `until` dates are compared with (`YYYY-MM-DD`).
   * @default - today (UTC)
   */
  readonly today?: string;
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
  const access = EffectiveAccess.of(resources, { catalog });
  const attachments = access.attachments;
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
  const raw: [AttachmentRecord, CheckFinding][] = [];
  const findings: CheckFinding[] = [];
  let checked = 0;
  let outside = 0;
  for (const a of attachments) {
    if (a.resourceGroupId === undefined) continue;
    checked++;
    const document = a.policy.document;
    if (a.policy.otherService === true || (document !== undefined && documentGrantsNoCr(document))) {
      outside++;
      continue;
    }
    if (a.principal === undefined) {
      raw.push([
        a,
        unchecked(a, `the principal ${a.principalText} cannot be told from the configuration`, PRINCIPAL_FIX),
      ]);
      continue;
    }
    if (document === undefined) {
      raw.push([
        a,
        unchecked(a, a.policy.reason ?? 'the policy cannot be read', uncheckedFix(a.policy.unreadKind)),
      ]);
      continue;
    }
    const result = split(document);
    if (typeof result === 'string') {
      raw.push([a, unchecked(a, `the document cannot be split: ${result}`, SPLIT_FIX)]);
      continue;
    }
    const needed = result.accountLevelDocument;
    if (needed === undefined) continue;
    const key = a.principal.key;
    // Keyed by what is held rather than by whom: principals holding the same documents share the result.
    const gapKey = `${access.signatureOf(key, a.resourceGroupId)}\n${needed.render()}`;
    let missing = gaps.get(gapKey);
    if (missing === undefined) {
      missing = needed._statements
        .filter((s) => s.effect === 'Allow')
        .flatMap((s) => s.actions.filter((action) => !allowed(access, key, a.resourceGroupId!, action, s)))
        .filter((action, i, all) => all.indexOf(action) === i)
        .sort();
      gaps.set(gapKey, missing);
    }
    const excluded = new Set(a.resource.excludedFromAccountLevel ?? []);
    const unintended = excluded.size === 0 ? missing : missing.filter((action) => !excluded.has(action));
    if (unintended.length > 0)
      raw.push([
        a,
        gap(a, unintended, restrict(needed, unintended), catalog, denials(access, a, unintended)),
      ]);
  }
  const today = options.today ?? utcDay(new Date());
  for (const [a, f] of raw) findings.push(accept(a, f, options.baseline, today));
  findings.push(...resourceLevelFindings(resources, catalog));
  return { findings, attachmentsChecked: checked, attachmentsOutside: outside };
}

/** The finding with the exception that accepts it, or saying which one expired (accepted.ts rule 2). */
function accept(
  a: AttachmentRecord,
  f: CheckFinding,
  baseline: Baseline | undefined,
  today: string,
): CheckFinding {
  const own = (a.resource.accepted ?? []).filter((x) => x.code === f.code);
  const live = own.find((x) => acceptedApplies(x, today));
  if (live !== undefined)
    return {
      ...f,
      accepted: {
        kind: live.kind,
        reason: live.reason,
        source: live.source,
        ...(live.until === undefined ? {} : { until: live.until }),
      },
    };
  const entry = baseline === undefined ? undefined : baselineEntryFor(f, baseline);
  if (entry !== undefined)
    return { ...f, accepted: { kind: 'baseline', reason: entry.reason, source: 'baseline' } };
  const expired = own[0];
  if (expired === undefined) return f;
  return {
    ...f,
    message: `${f.message} (the exception of ${expired.source} accepted it until ${expired.until}, and has expired: "${expired.reason}")`,
  };
}

/** Rule 1 of the file header. */
function allowed(
  access: EffectiveAccess,
  key: string,
  resourceGroupId: string,
  action: string,
  needed: StatementData,
): boolean {
  const conditions = Object.keys(needed.conditions).length === 0 ? undefined : needed.conditions;
  return needed.resources.every(
    (resource) =>
      access.decisionOf(key, action, resourceGroupId, { resource, conditions }) === AccessDecision.ALLOW,
  );
}

/** The Deny attachments that take some of the missing actions away (a new Allow would not help). */
function denials(access: EffectiveAccess, a: AttachmentRecord, missing: string[]): string[] {
  const out = new Set<string>();
  for (const action of missing) {
    const d = access.decide(a.principal!.key, action, a.resourceGroupId);
    if (d?.decision === AccessDecision.DENY) for (const s of d.sources) out.add(s.attachment);
  }
  return [...out].sort();
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

function gap(
  a: AttachmentRecord,
  missing: string[],
  fix: PolicyDocument,
  catalog: CrCatalog,
  denied: string[],
): CheckFinding {
  const b = base(a);
  const writes = writeLevelActions(missing, catalog).length;
  const ofThem = writes === 0 ? '' : ` (${writes} of them write-level)`;
  const deny =
    denied.length === 0
      ? ''
      : `; some of them are explicitly denied by the policy of ${denied.join(', ')} (a Deny wins over any Allow), so change that Deny first`;
  return {
    ...b,
    code: DiagnosticCode.CR_RG_GRANT_GAP,
    severity: GRANT_GAP_SEVERITY,
    message: `${b.principal} is granted ${a.policyName} in resource group ${a.resourceGroupId}, but ${missing.length} of its Container Registry actions${ofThem} do not support resource groups and no account-scope policy grants them${unknownNote(a)}`,
    rule: GAP_RULE,
    fix: `attach to ${b.principal} at account scope a custom policy granting them (the finding's fixDocument: CrAccessCheck.findingsOf(stack), or the CLI's JSON output); CrAccessGrant makes such grants whole, and CrAccessCheck in fix mode adds the policy${deny}`,
    missingActions: missing,
    fixDocument: fix.render(),
  };
}

/** Says which parts of the document were unknown (partial-document.ts), when some were. */
function unknownNote(a: AttachmentRecord): string {
  const parts = a.policy.unknownParts;
  if (parts === undefined || parts.length === 0) return '';
  return ` (checked on its literal actions: its ${parts.join(' and ')} ${parts.length === 1 ? 'is' : 'are'} not known before apply, read as any resource and no condition)`;
}

function unchecked(a: AttachmentRecord, reason: string, fix: string): CheckFinding {
  return {
    ...base(a),
    code: DiagnosticCode.CR_RG_GRANT_UNCHECKED,
    severity: Severity.INFO,
    message: 'a resource-group attachment was not checked',
    rule: reason,
    fix,
    missingActions: [],
  };
}
