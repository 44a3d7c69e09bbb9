/**
 * The Fix of a "not checked" finding, one per reason: what a user can change so the next check reads
 * the attachment (or, when nothing in the configuration can tell, what to check by hand).
 */
import { UnreadKind } from './policies';

const BY_HAND = 'or check the grant by hand';

/** The Fix for an attachment whose principal cannot be told. */
export const PRINCIPAL_FIX = `give principal_name a value known before apply (a literal "<name>@<account>.onaliyun.com", a variable with a value, or a reference to the alicloud_ram_user, alicloud_ram_group or alicloud_ram_role of this configuration), ${BY_HAND}`;

/** The Fix for a document that the engine cannot split. */
export const SPLIT_FIX = `correct the policy document (the reason names the statement), ${BY_HAND}`;

const FIXES: { [kind in UnreadKind]: string } = {
  [UnreadKind.SYSTEM_NAME_EXPRESSION]: `give policy_name a value known before apply (a literal, or a variable with a default or a value in terraform.tfvars or --var), ${BY_HAND}`,
  [UnreadKind.SYSTEM_NOT_IN_CATALOG]: `if this system policy grants cr: actions, check the grant by hand (the check knows the documents of the Container Registry system policies only); if it grants none, accept the finding (cr-access:ignore CR_RG_GRANT_UNCHECKED -- <reason>)`,
  [UnreadKind.POLICY_TYPE]: `set policy_type to "System" or "Custom" (a literal, or a variable with a value), ${BY_HAND}`,
  [UnreadKind.CUSTOM_NOT_DEFINED]: `check the configuration that creates this policy together with this one (give both folders to one check when they are one module), ${BY_HAND}`,
  [UnreadKind.CUSTOM_NOT_FOUND]: `reference the alicloud_ram_policy or alicloud_resource_manager_policy of this configuration in policy_name, or give its literal name, ${BY_HAND}`,
  [UnreadKind.NO_DOCUMENT]: `give the policy a policy_document, ${BY_HAND}`,
  [UnreadKind.NOT_A_STRING]: `write the document as JSON text (jsonencode(...) in HCL; a string in cdk.tf.json), ${BY_HAND}`,
  [UnreadKind.COMPUTED]: `write the document so that its Effect and Action lists are known before apply (jsonencode of literals, variables with values; a Resource may stay a reference), ${BY_HAND}`,
  [UnreadKind.INVALID]: `correct the policy document (the reason names what is wrong), ${BY_HAND}`,
};

export function uncheckedFix(kind: UnreadKind | undefined): string {
  return kind === undefined
    ? `define the policy in this configuration with a document known before apply, ${BY_HAND}`
    : FIXES[kind];
}
