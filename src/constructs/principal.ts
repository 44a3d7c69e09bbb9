/**
 * The grantee of a Container Registry grant: a RAM user, user group or role, by name (a literal or a
 * token such as `user.name`). This file is the one place that knows how each kind is attached:
 *   - at account scope through alicloud_ram_{user,group,role}_policy_attachment;
 *   - at resource-group scope through alicloud_resource_manager_policy_attachment, whose
 *     principal_name is `<name>@<alias>.onaliyun.com` (IMSUser), `<name>@group.<alias>.onaliyun.com`
 *     (IMSGroup) or `<name>@role.<alias>.onaliyunservice.com` (ServiceRole), where <alias> is the
 *     account alias, by default the account ID. Source of all three forms: the PrincipalName
 *     parameter of Resource Management's AttachPolicy, which lists them in the Chinese
 *     (https://help.aliyun.com/zh/resource-management/api-attachpolicy) and Japanese
 *     (https://www.alibabacloud.com/help/ja/resource-management/resource-group/developer-reference/api-resourcemanager-2020-03-31-attachpolicy-rg,
 *     updated Mar 31, 2026) API references; the English page shows only the user example
 *     (alice@demo.onaliyun.com). The provider's documentation and tests build the user form from
 *     data.alicloud_account.id; none of its examples attaches to a group.
 * Every attachment is replaced create-before-destroy (ATTACHMENT_LIFECYCLE), so a changed policy never
 * leaves the principal without access between the old attachment's deletion and the new one's creation.
 */
import type { Construct } from 'constructs';
import {
  ramGroupPolicyAttachment,
  ramRolePolicyAttachment,
  ramUserPolicyAttachment,
} from '../generated/alicloud';
import type { TerraformResourceLifecycle } from '../core-lib';
import { GROUP_NAME_RULE, type NameRule, ROLE_NAME_RULE, USER_NAME_RULE } from '../policy';
import { GROUP_NAME_CASE, type NameCaseRule, ROLE_NAME_CASE, USER_NAME_CASE } from '../policy/name-case';

/**
 * `lifecycle` of every attachment this library creates. Each attachment attribute is ForceNew in the
 * provider, and its ID is made of all of them (alicloud/resource_alicloud_ram_{user,group,role}_policy_attachment.go,
 * alicloud/resource_alicloud_resource_manager_policy_attachment.go), so a replacement attaches a different
 * (policy, principal, scope) triple and create-before-destroy cannot collide with the attachment it
 * replaces, provided no policy moves between attachments: see naming.ts (part-indexed policy names) and
 * the ledger's DUPLICATE_ATTACHMENT check.
 */
export const ATTACHMENT_LIFECYCLE: TerraformResourceLifecycle = { createBeforeDestroy: true };

/** The kinds of RAM principal, named as Resource Management's `principal_type` names them. */
export enum PrincipalType {
  /** A RAM user. */
  USER = 'IMSUser',
  /** A RAM user group. */
  GROUP = 'IMSGroup',
  /** A RAM role. */
  ROLE = 'ServiceRole',
}

/** A RAM identity that policies can be attached to. */
export interface IRamPrincipal {
  /** Its kind. */
  readonly principalType: PrincipalType;
  /** Its RAM name (user name, group name or role name); may be a token. */
  readonly principalName: string;
}

const DOMAINS: { [t in PrincipalType]: (name: string, alias: string) => string } = {
  [PrincipalType.USER]: (name, alias) => `${name}@${alias}.onaliyun.com`,
  [PrincipalType.GROUP]: (name, alias) => `${name}@group.${alias}.onaliyun.com`,
  [PrincipalType.ROLE]: (name, alias) => `${name}@role.${alias}.onaliyunservice.com`,
};

const NAME_RULES: { [t in PrincipalType]: NameRule } = {
  [PrincipalType.USER]: USER_NAME_RULE,
  [PrincipalType.GROUP]: GROUP_NAME_RULE,
  [PrincipalType.ROLE]: ROLE_NAME_RULE,
};

const NAME_CASES: { [t in PrincipalType]: NameCaseRule } = {
  [PrincipalType.USER]: USER_NAME_CASE,
  [PrincipalType.GROUP]: GROUP_NAME_CASE,
  [PrincipalType.ROLE]: ROLE_NAME_CASE,
};

/** Principals by name. */
export class RamPrincipal implements IRamPrincipal {
  /** A RAM user, by user name (e.g. `user.name` of a user in the same stack). */
  public static user(userName: string): RamPrincipal {
    return new RamPrincipal(PrincipalType.USER, userName);
  }

  /** A RAM user group, by group name. */
  public static group(groupName: string): RamPrincipal {
    return new RamPrincipal(PrincipalType.GROUP, groupName);
  }

  /** A RAM role, by role name. */
  public static role(roleName: string): RamPrincipal {
    return new RamPrincipal(PrincipalType.ROLE, roleName);
  }

  public readonly principalType: PrincipalType;
  public readonly principalName: string;

  private constructor(principalType: PrincipalType, principalName: string) {
    this.principalType = principalType;
    this.principalName = principalName;
  }
}

/** The naming rule of a principal's kind. */
export function principalNameRule(principal: IRamPrincipal): NameRule {
  return NAME_RULES[principal.principalType];
}

/** How RAM compares names of a principal kind (name-case.ts). */
export function principalNameCase(principalType: PrincipalType): NameCaseRule {
  return NAME_CASES[principalType];
}

/** `principal_name` for alicloud_resource_manager_policy_attachment. */
export function resourceManagerPrincipalName(principal: IRamPrincipal, accountAlias: string): string {
  return DOMAINS[principal.principalType](principal.principalName, accountAlias);
}

/** Attaches a policy to the principal at account scope. */
export function attachAtAccountScope(
  scope: Construct,
  id: string,
  principal: IRamPrincipal,
  policyName: string,
  policyType: string,
): void {
  const name = principal.principalName;
  switch (principal.principalType) {
    case PrincipalType.USER:
      new ramUserPolicyAttachment.RamUserPolicyAttachment(scope, id, {
        userName: name,
        policyName,
        policyType,
        lifecycle: ATTACHMENT_LIFECYCLE,
      });
      break;
    case PrincipalType.GROUP:
      new ramGroupPolicyAttachment.RamGroupPolicyAttachment(scope, id, {
        groupName: name,
        policyName,
        policyType,
        lifecycle: ATTACHMENT_LIFECYCLE,
      });
      break;
    case PrincipalType.ROLE:
      new ramRolePolicyAttachment.RamRolePolicyAttachment(scope, id, {
        roleName: name,
        policyName,
        policyType,
        lifecycle: ATTACHMENT_LIFECYCLE,
      });
      break;
  }
}
