/**
 * CrAccessGrant: a principal, an access, a scope. At account scope it attaches the system policy or
 * the stack's custom policy. At resource-group scope it attaches the access in every group, and
 * attaches at account scope the policy that the engine's split derives for the actions that
 * resource-group scope ignores, listed explicitly. All policy logic is in src/policy.
 */
import { Construct } from 'constructs';
import { TerraformStack, Token } from '../core-lib';
import { resourceManagerPolicyAttachment } from '../generated/alicloud';
import {
  type ActionPlacement,
  checkActions,
  DiagnosticCode,
  nameViolations,
  POLICY_NAME_RULE,
  type PolicyDocument,
  RESOURCE_GROUP_ID_RULE,
  type ResourceGroupSplit,
  type ResourceGroupSplitOptions,
  splitBySizeWithDiagnostics,
  splitForResourceGroupScope,
} from '../policy';
import { throwIfErrors } from '../policy/diagnostic';
import type { CrAccess } from './access';
import { type AccountOptions, accountAlias, accountViolations } from './account';
import { annotate, throwViolations, type Violation, withPath } from './errors';
import { CrAccessLedger } from './ledger';
import {
  accountAttachmentId,
  defaultPolicyNamePrefix,
  POLICY_NAME_PREFIX_MAX_LENGTH,
  resourceGroupAttachmentId,
} from './naming';
import { CrPolicyRegistry } from './policy-registry';
import {
  attachAtAccountScope,
  type IRamPrincipal,
  principalNameRule,
  resourceManagerPrincipalName,
} from './principal';
import { type TokenKey, tokenKey } from './token-key';
import { CrAccessScope } from './scope';

/** Options of the resource-group split, as grants expose them. */
export interface CrSplitOptions {
  /**
   * Actions without resource-group support to leave out of the account-level policy (not granted
   * at all). Only meaningful at resource-group scope.
   * @default - none: everything the access allows is granted
   */
  readonly excludeFromAccountLevel?: string[];
  /**
   * Leave every write-level action without resource-group support out of the account-level policy.
   * Only meaningful at resource-group scope.
   * @default false
   */
  readonly excludeWriteActionsFromAccountLevel?: boolean;
  /**
   * Exact `cr:` action names the catalog does not know yet, to accept with a warning.
   * @default - none: unknown actions are errors
   */
  readonly acceptUnknownActions?: string[];
}

/** Props of CrAccessGrant. */
export interface CrAccessGrantProps extends AccountOptions, CrSplitOptions {
  /** Who is granted. */
  readonly principal: IRamPrincipal;
  /** What is granted. */
  readonly access: CrAccess;
  /**
   * Where it applies. At resource-group scope, the actions that resource groups ignore are granted
   * by an extra account-level policy that lists them explicitly.
   * @default CrAccessScope.account()
   */
  readonly scope?: CrAccessScope;
  /**
   * Prefix of custom policy names; the rest of the name is a hash of the policy's content.
   * @default `cr-<stack name>`
   */
  readonly policyNamePrefix?: string;
}

interface AttachedPolicy {
  /** The literal name, for construct IDs and the ledger. */
  readonly name: string;
  /** What the attachment references (a token for custom policies, so Terraform orders them). */
  readonly ref: string;
  readonly type: 'System' | 'Custom';
}

const splitCache = new Map<string, ResourceGroupSplit>();

/** The split is pure, so identical grants (50 developers, one document) share one computation. */
function cachedSplit(document: PolicyDocument, options: ResourceGroupSplitOptions): ResourceGroupSplit {
  const key = JSON.stringify([
    document.render(),
    [...(options.excludeFromAccountLevel ?? [])].sort(),
    options.excludeWriteActionsFromAccountLevel === true,
    [...(options.acceptUnknownActions ?? [])].sort(),
  ]);
  let split = splitCache.get(key);
  if (split === undefined) {
    split = splitForResourceGroupScope(document, options);
    splitCache.set(key, split);
  }
  return split;
}

/** The size split of one of a grant's documents; more than one part is annotated (POLICY_SPLIT_BY_SIZE). */
function sizeSplit(grant: Construct, document: PolicyDocument, documentName?: string): PolicyDocument[] {
  const { documents, diagnostics } = withPath(grant, () =>
    splitBySizeWithDiagnostics(document, { documentName }),
  );
  annotate(grant, diagnostics);
  return documents;
}

/** Grants a principal Container Registry access at account or resource-group scope. */
export class CrAccessGrant extends Construct {
  /** Who is granted. */
  public readonly principal: IRamPrincipal;
  /** What is granted. */
  public readonly access: CrAccess;
  /** Where it applies. */
  public readonly scope: CrAccessScope;
  /** The account-level document of the split, when the grant is at resource-group scope and needs one. */
  public readonly accountLevelDocument?: PolicyDocument;
  /** For every catalog action granted at resource-group scope: where it went and why (empty at account scope). */
  public readonly explanation: ActionPlacement[];
  /** Names of the custom policies this grant attaches. */
  public readonly customPolicyNames: string[];
  /** Names of the system policies this grant attaches. */
  public readonly systemPolicyNames: string[];

  public constructor(scope: Construct, id: string, props: CrAccessGrantProps) {
    super(scope, id);
    const grantScope = props.scope ?? CrAccessScope.account();
    this.principal = props.principal;
    this.access = props.access;
    this.scope = grantScope;
    const rgKeys = grantScope.resourceGroupIds.map((id) => tokenKey(this, id));
    throwViolations(this, grantViolations(props, grantScope, rgKeys));
    const prefix = props.policyNamePrefix ?? defaultPolicyNamePrefix(TerraformStack.of(this).node.id);
    const registry = CrPolicyRegistry.of(this);
    const custom = (documents: PolicyDocument[]): AttachedPolicy[] =>
      documents.map((d) => {
        const name = registry.policyFor(prefix, d);
        return { name: name.name, ref: name.nameReference, type: 'Custom' };
      });
    const system = props.access.systemPolicy;
    const asSystem = (): AttachedPolicy[] =>
      system === undefined ? [] : [{ name: system.policyName, ref: system.policyName, type: 'System' }];

    let accountPolicies: AttachedPolicy[];
    const rgIds = grantScope.resourceGroupIds;
    if (!grantScope.isResourceGroupScope) {
      this.explanation = [];
      if (system === undefined) {
        annotate(
          this,
          withPath(this, () => throwIfErrors(checkActions(props.access.document, props))),
        );
      }
      accountPolicies = system === undefined ? custom(sizeSplit(this, props.access.document)) : asSystem();
    } else {
      const split = withPath(this, () => cachedSplit(props.access.document, props));
      annotate(this, split.diagnostics);
      this.explanation = split.explanation;
      this.accountLevelDocument = split.accountLevelDocument;
      const scoped =
        system === undefined
          ? custom(sizeSplit(this, split.resourceGroupDocument, 'the resource-group document'))
          : asSystem();
      const principalName = resourceManagerPrincipalName(props.principal, accountAlias(this, props));
      rgIds.forEach((resourceGroupId, i) => {
        for (const [k, policy] of scoped.entries()) {
          new resourceManagerPolicyAttachment.ResourceManagerPolicyAttachment(
            this,
            resourceGroupAttachmentId(rgKeys[i], k),
            {
              policyName: policy.ref,
              policyType: policy.type,
              principalName,
              principalType: props.principal.principalType,
              resourceGroupId,
            },
          );
        }
      });
      accountPolicies =
        split.accountLevelDocument === undefined
          ? []
          : custom(sizeSplit(this, split.accountLevelDocument!, 'the account-level document'));
      this.customPolicyNames = [...scoped, ...accountPolicies]
        .filter((p) => p.type === 'Custom')
        .map((p) => p.name);
    }
    for (const [k, policy] of accountPolicies.entries()) {
      attachAtAccountScope(this, accountAttachmentId(k), props.principal, policy.ref, policy.type);
    }
    this.customPolicyNames ??= accountPolicies.filter((p) => p.type === 'Custom').map((p) => p.name);
    this.systemPolicyNames = asSystem().map((p) => p.name);
    CrAccessLedger.of(this).record({
      grant: this,
      principal: props.principal,
      preset: props.access.preset,
      scopes: grantScope.isResourceGroupScope ? rgKeys.map((g) => g.key) : ['account'],
      accountCustomPolicies: accountPolicies.filter((p) => p.type === 'Custom').map((p) => p.name),
      accountSystemPolicies: accountPolicies.filter((p) => p.type === 'System').map((p) => p.name),
    });
  }
}

function grantViolations(props: CrAccessGrantProps, scope: CrAccessScope, groups: TokenKey[]): Violation[] {
  const out = accountViolations(props);
  const name = props.principal.principalName;
  if (!Token.isUnresolved(name)) {
    const rule = principalNameRule(props.principal);
    for (const problem of nameViolations(name, rule)) {
      out.push({
        code: DiagnosticCode.INVALID_NAME,
        message: `invalid ${rule.what}`,
        value: name,
        rule: problem,
        fix: `rename it (${rule.source})`,
      });
    }
  }
  const prefix = props.policyNamePrefix;
  if (prefix !== undefined) {
    const rule = {
      ...POLICY_NAME_RULE,
      what: 'policy name prefix',
      maxLength: POLICY_NAME_PREFIX_MAX_LENGTH,
    };
    for (const problem of nameViolations(prefix, rule)) {
      out.push({
        code: DiagnosticCode.INVALID_NAME,
        message: 'invalid policyNamePrefix',
        value: prefix,
        rule: `${problem}, leaving room for "-" and a 12-character hash within the ${POLICY_NAME_RULE.maxLength}-character policy name`,
        fix: 'shorten it or remove the other characters',
      });
    }
  }
  if (!scope.isResourceGroupScope) {
    const splitOnly = (['excludeFromAccountLevel', 'excludeWriteActionsFromAccountLevel'] as const).filter(
      (k) => props[k] !== undefined,
    );
    for (const key of splitOnly) {
      out.push({
        code: DiagnosticCode.CONFLICTING_PROPS,
        message: `${key} is set on a grant at account scope`,
        value: props[key],
        rule: 'account-level exclusions apply to the split of a resource-group grant only',
        fix: 'remove it, or give the grant a resource-group scope',
      });
    }
    return out;
  }
  if (groups.length === 0) {
    out.push({
      code: DiagnosticCode.EMPTY_RESOURCE_GROUP_LIST,
      message: 'the resource group list is empty',
      value: [],
      rule: 'a resource-group scope names at least one resource group',
      fix: 'pass resource group IDs, or use CrAccessScope.account() for the whole account',
    });
  }
  const seen = new Set<string>();
  groups.forEach(({ key, fromToken }, i) => {
    if (seen.has(key)) {
      out.push({
        code: DiagnosticCode.DUPLICATE_RESOURCE_GROUP_ID,
        message: `resource group ${i} repeats an earlier one`,
        value: key,
        rule: 'each resource group is named once per grant',
        fix: 'remove the duplicate',
      });
    }
    seen.add(key);
    if (fromToken) return;
    for (const problem of nameViolations(key, RESOURCE_GROUP_ID_RULE)) {
      out.push({
        code: DiagnosticCode.INVALID_RESOURCE_GROUP_ID,
        message: `resource group ${i} is not a resource group ID`,
        value: key,
        rule: problem,
        fix: 'pass the ID (rg-…) shown in the Resource Management console, not the group name, or the id of an alicloud_resource_manager_resource_group',
      });
    }
  });
  return out;
}
