/**
 * Naming rules, in one place. Names come from stable keys, never from content or creation order: the
 * same program gives the same names, and a changed document keeps its names, so Terraform updates the
 * policy's `policy_document` in place (schema/force-new.json: `policy_name` forces a replacement, and
 * every attachment that names the policy with it; `policy_document` and `description` do not).
 *   - A custom policy is named `<prefix>-<access>-<scope part>[-<variant>][-<n>]`:
 *       prefix: readable, default `cr-<stack name>` (RAM policy names are account-wide, so two stacks
 *         must not collide; the app-level check in policy-registry.ts says when they would);
 *       access: the preset (`developer`, `read-only`, `full-access`), the name given to a custom access
 *         (`CrAccess.custom(document, { name })`), or for an unnamed custom access `custom-<hash>`, the
 *         first 12 hex digits of the SHA-256 of its canonical rendering (the one content-derived name:
 *         the grant says so in an information annotation, UNNAMED_CUSTOM_ACCESS);
 *       scope part: `account` (the whole access, granted at account scope), `rg` (the part attached in
 *         resource groups), `rgaccount` (the split's account-level part of a resource-group grant);
 *       variant: `x<hash>` on an account-level part whose grant leaves actions out of it
 *         (excludeFromAccountLevel, excludeWriteActionsFromAccountLevel): the first 6 hex digits of the
 *         SHA-256 of those options, so grants of one access with different exclusions get different
 *         policies, and the same exclusions share one;
 *       n: the size-split part number plus one, from 2 (part 0 has none; size-split.ts rule 4),
 *         so a split that gains a part adds one policy and keeps the others' names.
 *     Lengths: prefix and access name at most NAME_PART_MAX_LENGTH (48) characters each, so the whole
 *     name (at most 48 + 1 + 48 + 10 + 8 + 4 = 119) stays within RAM's 128 (POLICY_NAME_RULE).
 *   - The policy's construct ID is its name, so its address follows the same key.
 *   - A policy added by CrAccessCheck in fix mode is `<prefix>-fix-<h>-rgaccount`, h the first 8 hex
 *     digits of the SHA-256 of principal type, principal name and the hand-written policy it completes.
 *   - The description names the access and the scope part (and says when the access reaches beyond
 *     Container Registry), never counts: it is ForceNew in provider versions before 1.246.0.
 *   - Attachment construct IDs are short, because cdktf scans every string of the output, and
 *     Terraform replaces an attachment whose policy changes whatever its ID. `Account<k>` attaches
 *     part k of the size split at account scope (k = 0 for a system policy or an unsplit document);
 *     `<resource group ID>-<k>` part k in that group, so
 *     reordering, adding or removing groups leaves the other groups' attachments alone. A group given
 *     as a token (a resource group of the same stack) has no value yet: `Rg<h>-<k>`, where h is the
 *     first 8 hex digits of the SHA-256 of the Terraform expression the token stands for (see
 *     token-key.ts), equally independent of the list's order. Attachment k always names part k's
 *     (stable) policy, so a split that gains a part adds one attachment and changes none.
 *   - An attachment added by CrAccessCheck in fix mode is `Fix<h>`, h the first 8 hex digits of the
 *     SHA-256 of principal type, principal name and policy name: one per principal and policy.
 *   - A team member's group attachment is `Member-<user name>`, or `Member-U<h>` for a name given as a
 *     token (h as above), so adding or removing one member leaves every other member's attachment alone.
 */
import { createHash } from 'node:crypto';
import {
  grantsBeyondContainerRegistry,
  POLICY_NAME_RULE,
  type NameRule,
  type PolicyDocument,
} from '../policy';
import type { TokenKey } from './token-key';

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const CONTENT_HASH_LENGTH = 12;
const TOKEN_GROUP_HASH_LENGTH = 8;
const VARIANT_HASH_LENGTH = 6;

/** The longest prefix, and the longest name of a custom access (see the header). */
export const NAME_PART_MAX_LENGTH = 48;

/** The longest prefix a custom policy name can have. */
export const POLICY_NAME_PREFIX_MAX_LENGTH = NAME_PART_MAX_LENGTH;

/** The rule for a policy name prefix: RAM's characters, at most NAME_PART_MAX_LENGTH characters. */
export const POLICY_NAME_PREFIX_RULE: NameRule = {
  ...POLICY_NAME_RULE,
  what: 'policy name prefix',
  maxLength: NAME_PART_MAX_LENGTH,
};

/** The rule for the name of a custom access: RAM's characters, at most NAME_PART_MAX_LENGTH characters. */
export const ACCESS_NAME_RULE: NameRule = {
  ...POLICY_NAME_RULE,
  what: 'custom access name',
  maxLength: NAME_PART_MAX_LENGTH,
};

/** Which part of an access a policy states. */
export enum PolicyScopePart {
  /** The whole access, granted at account scope. */
  ACCOUNT = 'account',
  /** The part attached in resource groups. */
  RESOURCE_GROUP = 'rg',
  /** The account-level part of a resource-group grant (the actions resource groups ignore). */
  ACCOUNT_LEVEL = 'rgaccount',
}

const SCOPE_TEXT: { [part: string]: string } = {
  [PolicyScopePart.ACCOUNT]: 'at account scope',
  [PolicyScopePart.RESOURCE_GROUP]: 'in resource groups',
  [PolicyScopePart.ACCOUNT_LEVEL]: 'at account level, for the actions resource groups ignore',
};

/** The stable key of one custom policy: what it is for, never what it says. */
export interface PolicyKey {
  /** The access: preset, custom access name, `custom-<hash>` or `fix-<hash>`. */
  readonly access: string;
  readonly scopePart: PolicyScopePart;
  /** `x<hash>` of the account-level exclusions, or empty. */
  readonly variant: string;
  /** The size-split part, from 0. */
  readonly part: number;
}

/** The access part of a name: the preset, the given name, or `custom-<hash of the document>`. */
export function accessKey(preset: string, name: string | undefined, document: PolicyDocument): string {
  if (name !== undefined) return name;
  if (preset !== 'custom') return preset;
  return `custom-${sha256Hex(document.render()).slice(0, CONTENT_HASH_LENGTH)}`;
}

/** The variant part of an account-level policy whose grant leaves actions out (see the header). */
export function exclusionVariant(
  excluded: readonly string[] | undefined,
  writes: boolean | undefined,
): string {
  const list = [...new Set(excluded ?? [])].sort();
  if (list.length === 0 && writes !== true) return '';
  return `x${sha256Hex(JSON.stringify([list, writes === true])).slice(0, VARIANT_HASH_LENGTH)}`;
}

/** The access key of a policy CrAccessCheck adds in fix mode. */
export function fixAccessKey(principalType: string, principalName: string, heldPolicy: string): string {
  return `fix-${sha256Hex([principalType, principalName, heldPolicy].join('\n')).slice(0, TOKEN_GROUP_HASH_LENGTH)}`;
}

/** The default prefix for a stack: `cr-` and the stack name, reduced to the characters RAM allows. */
export function defaultPolicyNamePrefix(stackName: string): string {
  const cleaned = stackName
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return `cr-${cleaned}`.slice(0, NAME_PART_MAX_LENGTH).replace(/-$/, '');
}

/** `<prefix>-<access>-<scope part>[-<variant>][-<n>]` (see the header). */
export function policyName(prefix: string, key: PolicyKey): string {
  const parts = [prefix, key.access, key.scopePart];
  if (key.variant !== '') parts.push(key.variant);
  if (key.part > 0) parts.push(String(key.part + 1));
  return parts.join('-');
}

/** What the policy is for, from its key (and whether it reaches beyond Container Registry), never counts. */
export function policyDescription(key: PolicyKey, document: PolicyDocument): string {
  const what = grantsBeyondContainerRegistry(document)
    ? 'Container Registry and other services'
    : 'Container Registry';
  const part = key.part > 0 ? `, part ${key.part + 1} of a size split` : '';
  const variant = key.variant !== '' ? ', with actions left out' : '';
  return `${what} access ${key.access} ${SCOPE_TEXT[key.scopePart]}${variant}${part}; managed by cdktf-alicloud-cr-access`;
}

export function accountAttachmentId(position: number): string {
  return `Account${position}`;
}

/** The k-th attachment in one resource group; the group is keyed as token-key.ts describes. */
export function resourceGroupAttachmentId(group: TokenKey, position: number): string {
  const name = group.fromToken ? `Rg${sha256Hex(group.key).slice(0, TOKEN_GROUP_HASH_LENGTH)}` : group.key;
  return `${name}-${position}`;
}

/** The attachment CrAccessCheck adds in fix mode for one principal and policy. */
export function fixAttachmentId(principalType: string, principalName: string, policyName: string): string {
  return `Fix${sha256Hex([principalType, principalName, policyName].join('\n')).slice(0, TOKEN_GROUP_HASH_LENGTH)}`;
}

/** The group attachment of one team member; the member is keyed as token-key.ts describes. */
export function memberAttachmentId(member: TokenKey): string {
  return `Member-${member.fromToken ? `U${sha256Hex(member.key).slice(0, TOKEN_GROUP_HASH_LENGTH)}` : member.key}`;
}
