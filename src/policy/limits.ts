/**
 * RAM's limits and naming rules that this library enforces at synth time, each with its source (how
 * names compare, case included, is name-case.ts). When Alibaba changes one, change it here: nothing
 * else in the library repeats these numbers.
 */

/** "Limitations", RAM documentation (last updated Dec 16, 2025). */
export const RAM_LIMITS_SOURCE = 'https://www.alibabacloud.com/help/en/ram/product-overview/limits';

/**
 * Maximum characters of a custom policy document. Alibaba counts "characters" without saying more;
 * this library counts the characters of the canonical, minified rendering, which is the exact text
 * it sends as `policy_document` (source: RAM_LIMITS_SOURCE, and CreatePolicy: "1 to 6,144 characters").
 */
export const POLICY_DOCUMENT_MAX_LENGTH = 6144;

/** Versions a custom policy keeps; `rotate_strategy` deletes the oldest beyond it (RAM_LIMITS_SOURCE). */
export const POLICY_VERSIONS_MAX = 5;

/** Custom policies attached to one RAM user, group or role (RAM_LIMITS_SOURCE; adjustable by quota request). */
export const CUSTOM_POLICIES_PER_PRINCIPAL_MAX = 10;

/** System policies attached to one RAM user, group or role (RAM_LIMITS_SOURCE; adjustable by quota request). */
export const SYSTEM_POLICIES_PER_PRINCIPAL_MAX = 20;

/** "Limits", Resource Management documentation (limits on resource groups: count, ID and name length). */
export const RESOURCE_MANAGEMENT_LIMITS_SOURCE =
  'https://www.alibabacloud.com/help/en/resource-management/product-overview/limits';

/** "Grant permissions on resource groups to a RAM identity", Resource Management (last updated Jun 26, 2025). */
export const RESOURCE_GROUP_AUTHORIZATION_SOURCE =
  'https://www.alibabacloud.com/help/en/resource-management/resource-group/user-guide/add-ram-authorization';

/**
 * Whether policies attached at resource-group scope count toward the per-principal quotas above is not
 * documented (checked 2026-11-23). RAM_LIMITS_SOURCE words each quota as "The number of custom policies
 * that can be attached to a RAM user" (user group, role) and names no scope; Resource Management's
 * limits (RESOURCE_MANAGEMENT_LIMITS_SOURCE) list no attachment quota for resource groups; the
 * resource-group authorization page (RESOURCE_GROUP_AUTHORIZATION_SOURCE) says only that resource
 * group authorization "uses all the policies in RAM". So the library errors when account-scope
 * attachments exceed a quota (documented), and warns when the attachments at every scope together
 * would exceed it (POLICY_QUOTA_MAY_BE_EXCEEDED), counting each (policy, scope) pair once, which is
 * the most RAM could count.
 */
export const RESOURCE_GROUP_SCOPE_QUOTA_DOCUMENTED = false;
/**
 * RAM user groups an account can have (RAM_LIMITS_SOURCE, "RAM user group" row: 300, not adjustable).
 * Custom and system policies per group are the per-principal limits above (10 and 20, adjustable).
 */
export const GROUPS_PER_ACCOUNT_MAX = 300;

/** RAM user groups one RAM user can be added to (RAM_LIMITS_SOURCE, "RAM user" row: 10, not adjustable). */
export const GROUPS_PER_USER_MAX = 10;

/**
 * RAM users an account can have (RAM_LIMITS_SOURCE: 5,000, not adjustable). Not checked by the
 * constructs (most users are created elsewhere); the benchmark splits larger platforms into accounts.
 */
export const USERS_PER_ACCOUNT_MAX = 5000;

/** A naming rule: length bounds and allowed characters, as the API reference states them. */
export interface NameRule {
  /** What is named, for messages (e.g. "RAM user name"). */
  readonly what: string;
  readonly minLength: number;
  readonly maxLength: number;
  /** Allowed characters, as the source of a regular expression over the whole name. */
  readonly pattern: string;
  /** The allowed characters in words, for messages. */
  readonly allowed: string;
  /** The API reference page that states the rule. */
  readonly source: string;
}

export const USER_NAME_RULE: NameRule = {
  what: 'RAM user name',
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z0-9._-]+$',
  allowed: 'letters, digits, periods (.), hyphens (-) and underscores (_)',
  source: 'https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-createuser',
};

export const DISPLAY_NAME_RULE: NameRule = {
  what: 'RAM user display name',
  minLength: 1,
  maxLength: 128,
  pattern: '^[^\\r\\n]+$',
  allowed: 'any characters but line breaks',
  source: 'https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-createuser',
};

export const GROUP_NAME_RULE: NameRule = {
  what: 'RAM user group name',
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z0-9._-]+$',
  allowed: 'letters, digits, periods (.), hyphens (-) and underscores (_)',
  source: 'https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-creategroup',
};

export const ROLE_NAME_RULE: NameRule = {
  what: 'RAM role name',
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z0-9.-]+$',
  allowed: 'letters, digits, periods (.) and hyphens (-)',
  source: 'https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-createrole',
};

export const POLICY_NAME_RULE: NameRule = {
  what: 'RAM policy name',
  minLength: 1,
  maxLength: 128,
  pattern: '^[A-Za-z0-9-]+$',
  allowed: 'letters, digits and hyphens (-)',
  source: 'https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-createpolicy',
};

export const POLICY_DESCRIPTION_RULE: NameRule = {
  what: 'RAM policy description',
  minLength: 1,
  maxLength: 1024,
  pattern: '^[\\s\\S]+$',
  allowed: 'any characters',
  source: 'https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-createpolicy',
};

/**
 * Resource group IDs: `rg-` and letters or digits, at most 50 characters (Resource Management limits:
 * "Number of characters in the ID of a resource group: 50"; every documented example has this form).
 */
export const RESOURCE_GROUP_ID_RULE: NameRule = {
  what: 'resource group ID',
  minLength: 4,
  maxLength: 50,
  pattern: '^rg-[A-Za-z0-9]+$',
  allowed: '"rg-" followed by letters and digits',
  source: 'https://www.alibabacloud.com/help/en/resource-management/latest/limits',
};

/** The rules `name` breaks (empty when it is valid). */
export function nameViolations(name: string, rule: NameRule): string[] {
  const out: string[] = [];
  if (name.length < rule.minLength || name.length > rule.maxLength) {
    out.push(
      `${rule.what} must be ${rule.minLength} to ${rule.maxLength} characters long (it has ${name.length})`,
    );
  }
  if (name.length > 0 && !new RegExp(rule.pattern).test(name))
    out.push(`${rule.what} may contain only ${rule.allowed}`);
  return out;
}

/** The limits above, as static members for users of jsii languages. */
export class RamLimits {
  /** See POLICY_DOCUMENT_MAX_LENGTH. */
  public static readonly POLICY_DOCUMENT_MAX_LENGTH = POLICY_DOCUMENT_MAX_LENGTH;
  /** See POLICY_VERSIONS_MAX. */
  public static readonly POLICY_VERSIONS_MAX = POLICY_VERSIONS_MAX;
  /** See CUSTOM_POLICIES_PER_PRINCIPAL_MAX. */
  public static readonly CUSTOM_POLICIES_PER_PRINCIPAL_MAX = CUSTOM_POLICIES_PER_PRINCIPAL_MAX;
  /** See SYSTEM_POLICIES_PER_PRINCIPAL_MAX. */
  public static readonly SYSTEM_POLICIES_PER_PRINCIPAL_MAX = SYSTEM_POLICIES_PER_PRINCIPAL_MAX;
  /** See RESOURCE_GROUP_SCOPE_QUOTA_DOCUMENTED. */
  public static readonly RESOURCE_GROUP_SCOPE_QUOTA_DOCUMENTED = RESOURCE_GROUP_SCOPE_QUOTA_DOCUMENTED;
  /** See GROUPS_PER_ACCOUNT_MAX. */
  public static readonly GROUPS_PER_ACCOUNT_MAX = GROUPS_PER_ACCOUNT_MAX;
  /** See GROUPS_PER_USER_MAX. */
  public static readonly GROUPS_PER_USER_MAX = GROUPS_PER_USER_MAX;
  /** See USERS_PER_ACCOUNT_MAX. */
  public static readonly USERS_PER_ACCOUNT_MAX = USERS_PER_ACCOUNT_MAX;

  private constructor() {}
}
