/**
 * Reading grants back from resources: every policy attachment of a configuration as one record
 * (principal, scope, policy, document), whichever resource type made it:
 *   - alicloud_ram_{user,group,role}_policy_attachment: account scope;
 *   - alicloud_resource_manager_policy_attachment: resource-group scope, or account scope when its
 *     resource_group_id is the account ID (a number, or a reference to the account data source);
 * and which groups each user is a member of (alicloud_ram_group_membership,
 * alicloud_ram_user_group_attachment), since a user also holds its groups' policies.
 */
import { type PrincipalIdentity, principalFromName, principalFromResourceManagerName } from './principals';
import { customPoliciesByName, type ResolvedPolicy, resolvePolicy } from './policies';
import { literalString, ResourceIndex, referencesIn, shownValue } from './references';
import { ResourceMode, type TerraformResource } from './terraform';

export const RESOURCE_MANAGER_ATTACHMENT = 'alicloud_resource_manager_policy_attachment';

const ACCOUNT_ATTACHMENTS: { [type: string]: { principalType: string; nameAttribute: string } } = {
  alicloud_ram_user_policy_attachment: { principalType: 'IMSUser', nameAttribute: 'user_name' },
  alicloud_ram_group_policy_attachment: { principalType: 'IMSGroup', nameAttribute: 'group_name' },
  alicloud_ram_role_policy_attachment: { principalType: 'ServiceRole', nameAttribute: 'role_name' },
};

/** Data sources whose attributes give the account ID. */
const ACCOUNT_SOURCES = ['alicloud_account', 'alicloud_caller_identity'];

/** One policy attachment, read back. */
export interface AttachmentRecord {
  readonly resource: TerraformResource;
  /** Undefined when the principal cannot be told from the configuration. */
  readonly principal?: PrincipalIdentity;
  /** The principal as written, for messages. */
  readonly principalText: string;
  /** The resource group, as written; undefined at account scope. */
  readonly resourceGroupId?: string;
  readonly policyName: string;
  readonly policy: ResolvedPolicy;
}

/** Every attachment and membership of a configuration. */
export interface Grants {
  readonly attachments: AttachmentRecord[];
  /** Principal key of a user → keys of the groups it is a member of. */
  readonly groupsOfUser: Map<string, Set<string>>;
  /** Every user and group a membership names, by key (the evaluator lists them). */
  readonly members: Map<string, PrincipalIdentity>;
}

function isAccountId(value: unknown, from: TerraformResource, index: ResourceIndex): boolean {
  const literal = literalString(value);
  if (literal !== undefined) return /^\d+$/.test(literal);
  return referencesIn(value, ACCOUNT_SOURCES).some(
    (ref) => ref.mode === ResourceMode.DATA && index.resolve(from, ref) !== undefined,
  );
}

function text(value: unknown): string {
  return value === undefined ? 'undefined' : shownValue(value);
}

/** Reads every attachment and group membership of `resources`. */
export function readGrants(resources: readonly TerraformResource[]): Grants {
  const index = new ResourceIndex(resources);
  const byName = customPoliciesByName(resources);
  const attachments: AttachmentRecord[] = [];
  const groupsOfUser = new Map<string, Set<string>>();
  const members = new Map<string, PrincipalIdentity>();
  const member = (from: TerraformResource, user: unknown, group: unknown) => {
    const u = principalFromName(index, from, 'IMSUser', user);
    const g = principalFromName(index, from, 'IMSGroup', group);
    if (u === undefined || g === undefined) return;
    members.set(u.key, u);
    members.set(g.key, g);
    const set = groupsOfUser.get(u.key) ?? new Set<string>();
    set.add(g.key);
    groupsOfUser.set(u.key, set);
  };
  for (const r of resources) {
    if (r.mode !== ResourceMode.MANAGED) continue;
    const a = r.attributes;
    const policy = () => resolvePolicy(index, byName, r, a.policy_name, a.policy_type);
    const account = ACCOUNT_ATTACHMENTS[r.resourceType];
    if (account !== undefined) {
      const name = a[account.nameAttribute];
      attachments.push({
        resource: r,
        principal: principalFromName(index, r, account.principalType, name),
        principalText: `${account.principalType} ${text(name)}`,
        policyName: text(a.policy_name),
        policy: policy(),
      });
    } else if (r.resourceType === RESOURCE_MANAGER_ATTACHMENT) {
      const type = literalString(a.principal_type) ?? text(a.principal_type);
      attachments.push({
        resource: r,
        principal: principalFromResourceManagerName(index, r, type, a.principal_name),
        principalText: `${type} ${text(a.principal_name)}`,
        resourceGroupId: isAccountId(a.resource_group_id, r, index) ? undefined : text(a.resource_group_id),
        policyName: text(a.policy_name),
        policy: policy(),
      });
    } else if (r.resourceType === 'alicloud_ram_group_membership') {
      const users = Array.isArray(a.user_names) ? a.user_names : [a.user_names];
      for (const user of users) member(r, user, a.group_name);
    } else if (r.resourceType === 'alicloud_ram_user_group_attachment') {
      member(r, a.user_name, a.group_name);
    }
  }
  return { attachments, groupsOfUser, members };
}
