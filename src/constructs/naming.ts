/**
 * Naming rules, in one place. Names are derived, never random: the same input gives the same name.
 *   - A custom policy is named `<prefix>-<hash>`: the prefix is readable (default `cr-<stack name>`,
 *     since policy names are unique per account and two stacks must not collide), the hash is the
 *     first 12 hex digits of the SHA-256 of the policy's canonical rendering, so the name depends on
 *     the content only, never on which grant declared the policy first.
 *     A part of a size split after the first (part k >= 1) hashes its rendering followed by "#k": the
 *     same content at another part is another policy, so a policy never moves from one attachment to
 *     another when a split gains or loses a part. Attachments are replaced create-before-destroy, and
 *     a moved policy would be attached by the new attachment, then detached by the old one's deletion.
 *   - The policy's construct ID is its name, for the same reason.
 *   - Attachment construct IDs are short, because cdktf scans every string of the output, and
 *     Terraform replaces an attachment whose policy changes whatever its ID. `Account<k>` is the k-th
 *     policy attached at account scope; `<resource group ID>-<k>` the k-th policy in that group, so
 *     reordering, adding or removing groups leaves the other groups' attachments alone. A group given
 *     as a token (a resource group of the same stack) has no value yet: `Rg<h>-<k>`, where h is the
 *     first 8 hex digits of the SHA-256 of the Terraform expression the token stands for (see
 *     token-key.ts), equally independent of the list's order. Policies come in a fixed
 *     order: system policy first, then custom policies in size-split order.
 *   - An attachment added by CrAccessCheck in fix mode is `Fix<h>`, h the first 8 hex digits of the
 *     SHA-256 of principal type, principal name and policy name: one per principal and policy.
 *   - A team member's group attachment is `Member-<user name>`, or `Member-U<h>` for a name given as a
 *     token (h as above), so adding or removing one member leaves every other member's attachment alone.
 */
import { createHash } from 'node:crypto';
import { POLICY_NAME_RULE, type PolicyDocument } from '../policy';
import { hasWildcard } from '../policy/wildcard';
import type { TokenKey } from './token-key';

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const HASH_LENGTH = 12;
const TOKEN_GROUP_HASH_LENGTH = 8;
const PREFIX_MAX = POLICY_NAME_RULE.maxLength - HASH_LENGTH - 1;

/** The default prefix for a stack: `cr-` and the stack name, reduced to the characters RAM allows. */
export function defaultPolicyNamePrefix(stackName: string): string {
  const cleaned = stackName
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return `cr-${cleaned}`.slice(0, PREFIX_MAX).replace(/-$/, '');
}

/** The longest prefix a custom policy name can have. */
export const POLICY_NAME_PREFIX_MAX_LENGTH = PREFIX_MAX;

/** `<prefix>-<hash of the canonical rendering>`; a part k >= 1 of a size split hashes `#k` as well. */
export function policyName(prefix: string, document: PolicyDocument, part = 0): string {
  const content = part === 0 ? document.render() : `${document.render()}#${part}`;
  return `${prefix}-${sha256Hex(content).slice(0, HASH_LENGTH)}`;
}

/**
 * The description of a custom policy: what it is for and what it allows, from its content only. It
 * counts action names and wildcard patterns apart: `cr:Get*` is a pattern, not one action.
 */
export function policyDescription(document: PolicyDocument): string {
  const patterns = [...new Set(document.statements.flatMap((s) => [...s.actions, ...s.notActions]))];
  const wildcards = patterns.filter(hasWildcard).length;
  const names = patterns.length - wildcards;
  const counted = [
    names > 0 ? `${names} action${names === 1 ? '' : 's'}` : '',
    wildcards > 0 ? `${wildcards} wildcard pattern${wildcards === 1 ? '' : 's'}` : '',
  ].filter((x) => x !== '');
  const shown = patterns.slice(0, 3).join(', ') + (patterns.length > 3 ? ', ...' : '');
  const statements = document.statements.length;
  return `Container Registry access managed by cdktf-alicloud-cr-access: ${counted.join(' and ')} in ${statements} statement${statements === 1 ? '' : 's'} (${shown})`;
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
