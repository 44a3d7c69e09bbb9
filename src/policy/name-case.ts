/**
 * How RAM and Resource Management compare the names this library checks for duplicates: one rule per
 * kind of name, each with what its source says (searched 2026-12-05). The naming rules themselves
 * (length, characters) are in limits.ts; this file says only whether `Alice` and `alice` are one name.
 *
 *   - RAM user, user group and role names: the API references (CreateUser, CreateGroup, CreateRole,
 *     limits.ts's USER_NAME_RULE, GROUP_NAME_RULE, ROLE_NAME_RULE sources) allow upper- and lowercase
 *     letters and say nothing about case when names are compared, and neither do RAM's limits page
 *     (RAM_LIMITS_SOURCE) nor the provider (aliyun/terraform-provider-alicloud at 81c43b672, 2026-08-21:
 *     alicloud/service_alicloud_ram.go compares user, group and role names with `==`, which reads back
 *     what RAM returns and says nothing about what RAM would accept). UNDOCUMENTED.
 *   - RAM policy names: CASE_INSENSITIVE, from the provider. Its account-scope attachments
 *     (DescribeRam{User,Group,Role}PolicyAttachment in alicloud/service_alicloud_ram.go) match the
 *     policy name RAM lists against the one configured with strings.ToLower since commit f4e08becc
 *     (2021-09-01, "Fixes the resource not found error when creating an attachment using system
 *     policy"): RAM accepted an attachment whose policy name differed in case and listed the policy
 *     under its own spelling, so RAM resolves policy names without regard to case. CreatePolicy's
 *     reference (POLICY_NAME_RULE's source) states no case rule.
 *   - Resource group IDs: Resource Management's limits page states the ID's length only (limits.ts's
 *     RESOURCE_GROUP_ID_RULE); the documented example IDs are lowercase, and no page found says how
 *     other spellings are compared. UNDOCUMENTED.
 *
 * What the constructs do with each: names of a CASE_INSENSITIVE kind are compared by
 * `nameComparisonKey`, so case variants are duplicates (errors, as exact repeats are). Names of an
 * UNDOCUMENTED kind are compared as written, and case variants are a warning (NAME_CASE_VARIANT), never
 * an error: if RAM tells them apart, an error would reject a valid configuration with nothing the user
 * could do but rename a real user; if RAM does not, the warning names both constructs before apply,
 * where the failure (EntityAlreadyExists, or two resources managing one attachment) would show.
 */

/** How a kind of name is compared. */
export enum NameCase {
  /** The service treats names that differ only in case as one name. */
  CASE_INSENSITIVE = 'case-insensitive',
  /** The documentation does not say: compared as written, case variants warned about. */
  UNDOCUMENTED = 'undocumented',
}

/** The case rule of one kind of name. */
export interface NameCaseRule {
  /** What is named, for messages (e.g. "RAM user name"). */
  readonly what: string;
  readonly comparison: NameCase;
  /** Where the rule comes from (or where it was looked for). */
  readonly source: string;
}

const RAM_API = 'https://www.alibabacloud.com/help/en/ram/developer-reference';

export const USER_NAME_CASE: NameCaseRule = {
  what: 'RAM user name',
  comparison: NameCase.UNDOCUMENTED,
  source: `${RAM_API}/api-ram-2015-05-01-createuser`,
};

export const GROUP_NAME_CASE: NameCaseRule = {
  what: 'RAM user group name',
  comparison: NameCase.UNDOCUMENTED,
  source: `${RAM_API}/api-ram-2015-05-01-creategroup`,
};

export const ROLE_NAME_CASE: NameCaseRule = {
  what: 'RAM role name',
  comparison: NameCase.UNDOCUMENTED,
  source: `${RAM_API}/api-ram-2015-05-01-createrole`,
};

export const POLICY_NAME_CASE: NameCaseRule = {
  what: 'RAM policy name',
  comparison: NameCase.CASE_INSENSITIVE,
  source:
    'aliyun/terraform-provider-alicloud alicloud/service_alicloud_ram.go (commit f4e08becc, 2021-09-01; unchanged at 81c43b672)',
};

export const RESOURCE_GROUP_ID_CASE: NameCaseRule = {
  what: 'resource group ID',
  comparison: NameCase.UNDOCUMENTED,
  source: 'https://www.alibabacloud.com/help/en/resource-management/product-overview/limits',
};

/** Names are ASCII by their naming rules (limits.ts), so lowercasing is the whole of case folding. */
export function caseFold(name: string): string {
  return name.toLowerCase();
}

/** The key under which the service identifies `name`: folded where it ignores case, else as written. */
export function nameComparisonKey(name: string, rule: NameCaseRule): string {
  return rule.comparison === NameCase.CASE_INSENSITIVE ? caseFold(name) : name;
}

/** The sentence a message about case variants gives as its rule. */
export function caseRuleText(rule: NameCaseRule): string {
  return rule.comparison === NameCase.CASE_INSENSITIVE
    ? `${rule.what}s are compared without regard to case (${rule.source})`
    : `Alibaba's documentation does not say whether ${rule.what}s are case-sensitive (${rule.source}), so names that differ only in case may be one name or two`;
}
