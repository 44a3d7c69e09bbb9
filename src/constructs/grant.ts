/**
 * CrAccessGrant: a principal, an access, a scope. The grant is planned by the model (planGrant in
 * src/model/grant.ts: which policies are attached where, what moved to account level); this construct
 * checks its props, names custom policies through the stack's registry, and emits the plan as
 * attachments. All policy logic is in src/policy and src/model.
 */
import { Construct } from 'constructs';
import { AnnotationMetadataEntryType, TerraformStack, Token } from '../core-lib';
import { resourceManagerPolicyAttachment } from '../generated/alicloud';
import { EXCLUSIONS_COMMENT_PATH, type GrantPlan, type GrantPolicy, planGrant } from '../model';
import {
  type ActionPlacement,
  DiagnosticCode,
  formatDiagnostic,
  nameViolations,
  POLICY_NAME_RULE,
  type PolicyDocument,
  RESOURCE_GROUP_ID_RULE,
  Severity,
} from '../policy';
import { type CrAccess, CrPreset } from './access';
import { type AccountOptions, accountAlias, accountViolations } from './account';
import { annotate, throwViolations, type Violation, withPath } from './errors';
import { CrAccessLedger } from './ledger';
import {
  ACCESS_NAME_RULE,
  accessKey,
  accountAttachmentId,
  defaultPolicyNamePrefix,
  exclusionVariant,
  type PolicyKey,
  POLICY_NAME_PREFIX_RULE,
  PolicyScopePart,
  resourceGroupAttachmentId,
} from './naming';
import { nameListViolations } from './name-list';
import { CrPolicyRegistry } from './policy-registry';
import { requireProps } from './required-props';
import {
  ATTACHMENT_LIFECYCLE,
  attachAtAccountScope,
  type IRamPrincipal,
  principalNameRule,
  resourceManagerPrincipalName,
} from './principal';
import { type TokenKey, tokenKey } from './token-key';
import { CrAccessScope } from './scope';

/** What to leave out of an account-level policy: of a grant's split, or of a CrAccessCheck fix. */
export interface CrAccountLevelOptions {
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
}

/** Options of the resource-group split, as grants expose them. */
export interface CrSplitOptions extends CrAccountLevelOptions {
  /**
   * `cr:` action names or wildcards, as written in the document, that the catalog does not know and
   * that you have checked. Their warning (UNKNOWN_CR_ACTION_PASSED_THROUGH) becomes information, which
   * is not printed; they stay at resource-group scope like any unknown action.
   * @default - none: each unknown action or wildcard is a warning (a likely typo is an error)
   */
  readonly acceptUnknownActions?: string[];
  /**
   * Make `cr:` actions and wildcards the catalog does not know errors (UNKNOWN_CR_ACTION,
   * NO_MATCHING_CR_ACTION), unless listed in acceptUnknownActions.
   * @default false: only likely typos are errors; other unknown actions pass through with a warning
   */
  readonly strictActions?: boolean;
  /**
   * Let the access reach beyond Container Registry: Allow statements with other services' actions,
   * a wildcard service part (`*`, `c*:Get*`) or NotAction (which grants every other service). Without
   * it they are errors (ACTION_OUTSIDE_CONTAINER_REGISTRY, ALLOW_WITH_NOT_ACTION); with it, warnings.
   * Other services' actions are attached as written; the resource-group split moves only `cr:` actions.
   * @default false: every Allow statement grants `cr:` actions only
   */
  readonly allowActionsBeyondContainerRegistry?: boolean;
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
   * Prefix of custom policy names; the rest of the name is the access's stable key (preset or custom
   * access name, scope part, size-split part; naming.ts), so the prefix keeps the policies of two stacks
   * apart (RAM policy names are account-wide). Letters, digits and hyphens, at most 48 characters.
   * @default `cr-<stack name>`
   */
  readonly policyNamePrefix?: string;
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
  /** The grant as the model describes it (src/model/grant.ts): what this construct emits as resources. */
  public readonly plan: GrantPlan;

  public constructor(scope: Construct, id: string, props: CrAccessGrantProps) {
    super(scope, id);
    requireProps(this, props, {
      principal: { kind: 'object', example: "principal: RamPrincipal.user('alice')" },
      access: { kind: 'object', example: 'access: CrAccess.readOnly()' },
    });
    const grantScope = props.scope ?? CrAccessScope.account();
    this.principal = props.principal;
    this.access = props.access;
    this.scope = grantScope;
    const rgKeys = grantScope.resourceGroupIds.map((id) => tokenKey(this, id));
    throwViolations(this, grantViolations(props, grantScope, rgKeys), props.access.document.errors);
    this.plan = withPath(this, () =>
      planGrant({
        ...props,
        principal: props.principal,
        preset: props.access.preset,
        document: props.access.document,
        systemPolicyName: props.access.systemPolicy?.policyName,
        isResourceGroupScope: grantScope.isResourceGroupScope,
        resourceGroupIds: grantScope.resourceGroupIds,
      }),
    );
    annotate(this, this.plan.diagnostics);
    this.explanation = this.plan.explanation;
    this.accountLevelDocument = this.plan.accountLevelDocument;

    const prefix = props.policyNamePrefix ?? defaultPolicyNamePrefix(TerraformStack.of(this).node.id);
    const registry = CrPolicyRegistry.of(this);
    const access = accessKey(props.access.preset, props.access.name, props.access.document);
    const variant = exclusionVariant(
      props.excludeFromAccountLevel,
      props.excludeWriteActionsFromAccountLevel,
    );
    let unnamedCreated = false;
    const attached =
      (scopePart: PolicyScopePart) =>
      (p: GrantPolicy): { name: string; ref: string } => {
        if (p.systemPolicyName !== undefined) return { name: p.systemPolicyName, ref: p.systemPolicyName };
        const key: PolicyKey = {
          access,
          scopePart,
          variant: scopePart === PolicyScopePart.ACCOUNT_LEVEL ? variant : '',
          part: p.part ?? 0,
        };
        const registered = withPath(this, () => registry.policyFor(prefix, key, p.document, this));
        unnamedCreated ||= registered.created;
        return { name: registered.name, ref: registered.nameReference };
      };
    const scoped = this.plan.resourceGroupPolicies.map(attached(PolicyScopePart.RESOURCE_GROUP));
    const excluded = this.plan.excludedFromAccountLevel;
    if (scoped.length > 0) {
      const principalName = resourceManagerPrincipalName(props.principal, accountAlias(this, props));
      grantScope.resourceGroupIds.forEach((resourceGroupId, i) => {
        scoped.forEach((policy, k) => {
          const attachment = new resourceManagerPolicyAttachment.ResourceManagerPolicyAttachment(
            this,
            resourceGroupAttachmentId(rgKeys[i], this.plan.resourceGroupPolicies[k].part ?? k),
            {
              policyName: policy.ref,
              policyType: this.plan.resourceGroupPolicies[k].policyType,
              principalName,
              principalType: props.principal.principalType,
              resourceGroupId,
              lifecycle: ATTACHMENT_LIFECYCLE,
            },
          );
          // Tells the check (src/model/check.ts) these gaps are intended; Terraform ignores `//`.
          if (excluded.length > 0) attachment.addOverride(EXCLUSIONS_COMMENT_PATH.join('.'), excluded);
        });
      });
    }
    const account = this.plan.accountPolicies.map(
      attached(grantScope.isResourceGroupScope ? PolicyScopePart.ACCOUNT_LEVEL : PolicyScopePart.ACCOUNT),
    );
    if (unnamedCreated && props.access.preset === CrPreset.CUSTOM && props.access.name === undefined) {
      annotateUnnamed(this, access);
    }
    account.forEach((policy, k) => {
      const type = this.plan.accountPolicies[k].policyType;
      const position = this.plan.accountPolicies[k].part ?? k;
      attachAtAccountScope(this, accountAttachmentId(position), props.principal, policy.ref, type);
    });
    const names = (policies: GrantPolicy[], refs: { name: string }[], type: string) =>
      refs.filter((_, k) => policies[k].policyType === type).map((r) => r.name);
    this.customPolicyNames = [
      ...names(this.plan.resourceGroupPolicies, scoped, 'Custom'),
      ...names(this.plan.accountPolicies, account, 'Custom'),
    ];
    this.systemPolicyNames = [
      ...names(this.plan.resourceGroupPolicies, scoped, 'System'),
      ...names(this.plan.accountPolicies, account, 'System'),
    ];
    const attachments = (policies: GrantPolicy[], refs: { name: string }[], scopes: string[]) =>
      scopes.flatMap((scope) =>
        refs.map((r, k) => ({
          scope,
          policyName: r.name,
          policyType: policies[k].policyType as 'System' | 'Custom',
        })),
      );
    CrAccessLedger.of(this).record({
      grant: this,
      plan: this.plan,
      policyNames: [...scoped, ...account].map((p) => p.name),
      principal: props.principal,
      preset: props.access.preset,
      scopes: grantScope.isResourceGroupScope ? rgKeys.map((g) => g.key) : ['account'],
      attachments: [
        ...attachments(this.plan.accountPolicies, account, ['account']),
        ...attachments(
          this.plan.resourceGroupPolicies,
          scoped,
          rgKeys.map((g) => g.key),
        ),
      ],
    });
  }
}

/**
 * Information, once per unnamed custom access and stack (on the grant that created its policies): its
 * policies are named from its content, so a change of the document replaces them and their attachments.
 */
function annotateUnnamed(grant: Construct, access: string): void {
  const text = formatDiagnostic({
    code: DiagnosticCode.UNNAMED_CUSTOM_ACCESS,
    severity: Severity.INFO,
    location: '',
    message: 'this custom access has no name, so its policies are named from its content',
    value: access,
    rule: 'a policy name forces replacement: changing an unnamed access creates new policies and replaces every attachment, where a named one updates its policies in place',
    fix: "name it to make later changes in-place updates: CrAccess.custom(document, { name: 'ci-push' })",
  });
  grant.node.addMetadata(AnnotationMetadataEntryType.INFO, text, { stackTrace: false });
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
    for (const problem of nameViolations(prefix, POLICY_NAME_PREFIX_RULE)) {
      out.push({
        code: DiagnosticCode.INVALID_NAME,
        message: 'invalid policyNamePrefix',
        value: prefix,
        rule: `${problem}, leaving room for the access name and scope part within the ${POLICY_NAME_RULE.maxLength}-character policy name (${POLICY_NAME_RULE.source})`,
        fix: 'shorten it or remove the other characters',
      });
    }
  }
  const accessName = props.access.name;
  if (accessName !== undefined) {
    for (const problem of nameViolations(accessName, ACCESS_NAME_RULE)) {
      out.push({
        code: DiagnosticCode.INVALID_NAME,
        message: 'invalid custom access name',
        value: accessName,
        rule: `${problem}, as it becomes part of RAM policy names of at most ${POLICY_NAME_RULE.maxLength} characters (${POLICY_NAME_RULE.source})`,
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
  out.push(
    ...nameListViolations(groups, {
      item: 'resource group',
      duplicateCode: DiagnosticCode.DUPLICATE_RESOURCE_GROUP_ID,
      duplicateRule: 'each resource group is named once per grant',
      invalidCode: DiagnosticCode.INVALID_RESOURCE_GROUP_ID,
      invalidMessage: 'is not a resource group ID',
      rule: RESOURCE_GROUP_ID_RULE,
      invalidFix:
        'pass the ID (rg-…) shown in the Resource Management console, not the group name, or the id of an alicloud_resource_manager_resource_group',
    }),
  );
  return out;
}
