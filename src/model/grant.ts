/**
 * The grant model: a pure description of one grant — who, where, which policies are attached at which
 * scope, and what the split moved to account level. The constructs build a plan with `planGrant` and
 * emit it as resources; the check reads the same shape back from resources (attachments.ts), and the
 * report summarizes plans (report.ts). Rules:
 *   1. Account scope: a system policy is attached as such; a custom document is checked against the
 *      catalog and attached as one or more custom policies (size split).
 *   2. Resource-group scope: the access (system policy, or custom document in size-split parts) is
 *      attached in every group, and the split's account-level document, if any, at account scope.
 *   3. Every access stays inside Container Registry unless the request opts in
 *      (src/policy/container-registry-only.ts); its errors are thrown with the other errors of the
 *      access. At resource-group scope an Allow with NotAction is the split's error alone
 *      (NOT_ACTION_AT_RESOURCE_GROUP_SCOPE), since no opt-in makes it splittable.
 *   4. A custom access is checked at resource level too (src/policy/resource-check.ts): an action its
 *      statement's Resources can never match is an error, thrown with the other errors of the access.
 *   5. Planning is pure, so identical accesses (50 developers, one document) share one computation:
 *      a plan's lists are shared between grants and must not be changed.
 */
import {
  type ActionPlacement,
  checkActions,
  type ContainerRegistryOnlyOptions,
  containerRegistryOnlyDiagnostics,
  type Diagnostic,
  DiagnosticCode,
  Placement,
  type PolicyDocument,
  type ResourceGroupSplit,
  type ResourceGroupSplitOptions,
  splitBySizeWithDiagnostics,
  splitForResourceGroupScope,
} from '../policy';
import { BoundedCache } from '../policy/bounded-cache';
import { checkResourceTypes } from '../policy/resource-check';
import { PolicyError, Severity, throwIfErrors } from '../policy/diagnostic';

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
  /**
   * The size-split part number of a custom policy (size-split.ts rule 4): its
   * name and its attachments' IDs follow it, so a part keeps them when the split gains a part.
   * @default 0
   */
  readonly part?: number;
}

/** What to grant. */
export interface GrantRequest extends ResourceGroupSplitOptions, ContainerRegistryOnlyOptions {
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

/** A plan without its principal, preset and resource groups: the same for every grant of one access. */
type PlanBody = Omit<GrantPlan, 'principal' | 'preset' | 'resourceGroupIds'>;

/** Bounded (bounded-cache.ts), so that a long process planning many distinct accesses stays small. */
const bodies = new BoundedCache<string, PlanBody>();

/** Rule 5: one computation per distinct access and options (50 developers, one document). */
function cachedBody(request: GrantRequest): PlanBody {
  const key = JSON.stringify([
    request.document.render(),
    request.isResourceGroupScope,
    request.systemPolicyName ?? null,
    [...(request.excludeFromAccountLevel ?? [])].sort(),
    request.excludeWriteActionsFromAccountLevel === true,
    [...(request.acceptUnknownActions ?? [])].sort(),
    request.strictActions === true,
    request.allowActionsBeyondContainerRegistry === true,
  ]);
  return bodies.get(key, () =>
    request.isResourceGroupScope ? resourceGroupBody(request) : accountBody(request),
  );
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
  return split.documents.map((part, k) => ({ policyType: 'Custom', document: part, part: split.parts[k] }));
}

/** The system policy that states the access, when there is one. */
function systemAccess(request: GrantRequest): GrantPolicy[] {
  return request.systemPolicyName === undefined
    ? []
    : [{ policyType: 'System', systemPolicyName: request.systemPolicyName, document: request.document }];
}

/** Rule 4 (a system policy is Alibaba's own and written for "*"). */
function resourceLevel(request: GrantRequest, access: GrantPolicy[]): Diagnostic[] {
  return access.length > 0 ? [] : checkResourceTypes(request.document, request.catalog);
}

/** Rule 1. */
function accountBody(request: GrantRequest): PlanBody {
  const access = systemAccess(request);
  const diagnostics = throwIfErrors([
    ...containerRegistryOnlyDiagnostics(request.document, request),
    ...(access.length > 0 ? [] : checkActions(request.document, request)),
    ...resourceLevel(request, access),
  ]);
  return {
    resourceGroupPolicies: [],
    accountPolicies: access.length > 0 ? access : custom(request.document, 'the document', diagnostics),
    movedToAccountLevel: [],
    excludedFromAccountLevel: [],
    explanation: [],
    diagnostics,
  };
}

/** Rules 2 and 3. */
function resourceGroupBody(request: GrantRequest): PlanBody {
  const access = systemAccess(request);
  const scope = containerRegistryOnlyDiagnostics(request.document, request).filter(
    (d) => d.code !== DiagnosticCode.ALLOW_WITH_NOT_ACTION,
  );
  scope.push(...resourceLevel(request, access));
  const scopeErrors = scope.filter((d) => d.severity === Severity.ERROR);
  let split: ResourceGroupSplit;
  try {
    split = splitForResourceGroupScope(request.document, request);
  } catch (e) {
    if (!(e instanceof PolicyError)) throw e;
    throw new PolicyError([...scopeErrors, ...e.diagnostics]);
  }
  throwIfErrors(scopeErrors);
  const diagnostics = [...scope, ...split.diagnostics];
  return {
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

/** Plans a grant; throws a PolicyError when the access breaks a rule. See the file header. */
export function planGrant(request: GrantRequest): GrantPlan {
  return {
    principal: request.principal,
    preset: request.preset,
    resourceGroupIds: request.isResourceGroupScope ? request.resourceGroupIds : [],
    ...cachedBody(request),
  };
}
