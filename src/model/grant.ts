/**
 * The grant model: a pure description of one grant — who, where, which policies are attached at which
 * scope, and what the split moved to account level. The constructs build a plan with `planGrant` and
 * emit it as resources; the check reads the same shape back from resources (attachments.ts), and the
 * report summarizes plans (report.ts). Rules:
 *   1. Account scope: a system policy is attached as such; a custom document is checked against the
 *      catalog and attached as one or more custom policies (size split).
 *   2. Resource-group scope: the access (system policy, or custom document in size-split parts) is
 *      attached in every group, and the split's account-level document, if any, at account scope.
 *   3. The split is pure, so identical requests (50 developers, one document) share one computation.
 */
import {
  type ActionPlacement,
  checkActions,
  type Diagnostic,
  Placement,
  type PolicyDocument,
  type ResourceGroupSplit,
  type ResourceGroupSplitOptions,
  splitBySizeWithDiagnostics,
  splitForResourceGroupScope,
} from '../policy';
import { throwIfErrors } from '../policy/diagnostic';

/** Who is granted: Resource Management's principal type and the RAM name (a literal or an expression). */
export interface GrantPrincipal {
  /** `IMSUser`, `IMSGroup` or `ServiceRole`. */
  readonly principalType: string;
  readonly principalName: string;
}

/** A policy as a grant attaches it. */
export interface GrantPolicy {
  /** `System` or `Custom`, as `policy_type` writes it. */
  readonly policyType: string;
  /**
   * The system policy's name. Custom policies are named by the emitter (content-derived).
   * @default - a custom policy
   */
  readonly systemPolicyName?: string;
  /** The document the policy grants. */
  readonly document: PolicyDocument;
}

/** What to grant. */
export interface GrantRequest extends ResourceGroupSplitOptions {
  readonly principal: GrantPrincipal;
  /** The preset's name, for reports (`custom` for a user's document). */
  readonly preset: string;
  /** The access, as a document. */
  readonly document: PolicyDocument;
  /**
   * The system policy that states the same access, attached instead of a custom policy.
   * @default - a custom policy
   */
  readonly systemPolicyName?: string;
  /** True for resource-group scope. */
  readonly isResourceGroupScope: boolean;
  /** The resource groups (empty at account scope). */
  readonly resourceGroupIds: string[];
}

/** A planned grant. */
export interface GrantPlan {
  readonly principal: GrantPrincipal;
  readonly preset: string;
  /** The resource groups; empty at account scope. */
  readonly resourceGroupIds: string[];
  /** Attached in each resource group. */
  readonly resourceGroupPolicies: GrantPolicy[];
  /** Attached at account scope. */
  readonly accountPolicies: GrantPolicy[];
  /**
   * The split's account-level document (before any size split).
   * @default - none: account scope, or nothing moved
   */
  readonly accountLevelDocument?: PolicyDocument;
  /** Catalog actions the split moved to account level (sorted; empty at account scope). */
  readonly movedToAccountLevel: string[];
  /** Actions without resource-group support left out on request or denied (sorted). */
  readonly excludedFromAccountLevel: string[];
  /** For every catalog action granted at resource-group scope: where it went and why. */
  readonly explanation: ActionPlacement[];
  /** Warnings and information of the engine (errors are thrown). */
  readonly diagnostics: Diagnostic[];
}

const splitCache = new Map<string, ResourceGroupSplit>();

function cachedSplit(request: GrantRequest): ResourceGroupSplit {
  const key = JSON.stringify([
    request.document.render(),
    [...(request.excludeFromAccountLevel ?? [])].sort(),
    request.excludeWriteActionsFromAccountLevel === true,
    [...(request.acceptUnknownActions ?? [])].sort(),
    request.strictActions === true,
  ]);
  let split = splitCache.get(key);
  if (split === undefined) {
    split = splitForResourceGroupScope(request.document, request);
    splitCache.set(key, split);
  }
  return split;
}

/** The actions the split put in one of `placements`, sorted and distinct. */
function placed(split: ResourceGroupSplit, placements: Placement[]): string[] {
  const actions = split.explanation.filter((p) => placements.includes(p.placement)).map((p) => p.action);
  return [...new Set(actions)].sort();
}

/** Custom policies of a document in size-split parts; more than one part is information (POLICY_SPLIT_BY_SIZE). */
function custom(document: PolicyDocument, documentName: string, diagnostics: Diagnostic[]): GrantPolicy[] {
  const split = splitBySizeWithDiagnostics(document, { documentName });
  diagnostics.push(...split.diagnostics);
  return split.documents.map((part) => ({ policyType: 'Custom', document: part }));
}

/** Plans a grant; throws a PolicyError when the access breaks a rule. See the file header. */
export function planGrant(request: GrantRequest): GrantPlan {
  const access: GrantPolicy[] =
    request.systemPolicyName === undefined
      ? []
      : [{ policyType: 'System', systemPolicyName: request.systemPolicyName, document: request.document }];
  const common = { principal: request.principal, preset: request.preset };
  if (!request.isResourceGroupScope) {
    const diagnostics = access.length > 0 ? [] : throwIfErrors(checkActions(request.document, request));
    return {
      ...common,
      resourceGroupIds: [],
      resourceGroupPolicies: [],
      accountPolicies: access.length > 0 ? access : custom(request.document, 'the document', diagnostics),
      movedToAccountLevel: [],
      excludedFromAccountLevel: [],
      explanation: [],
      diagnostics,
    };
  }
  const split = cachedSplit(request);
  const diagnostics = [...split.diagnostics];
  return {
    ...common,
    resourceGroupIds: request.resourceGroupIds,
    resourceGroupPolicies:
      access.length > 0
        ? access
        : custom(split.resourceGroupDocument, 'the resource-group document', diagnostics),
    accountPolicies:
      split.accountLevelDocument === undefined
        ? []
        : custom(split.accountLevelDocument, 'the account-level document', diagnostics),
    accountLevelDocument: split.accountLevelDocument,
    movedToAccountLevel: placed(split, [Placement.ACCOUNT_LEVEL]),
    excludedFromAccountLevel: placed(split, [Placement.EXCLUDED, Placement.DENIED]),
    explanation: split.explanation,
    diagnostics,
  };
}
