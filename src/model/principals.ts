/**
 * Who an attachment names, as one comparable identity, whichever way the configuration writes it:
 *   - account-scope attachments name a user, group or role by its RAM name (`user_name = "dev"`, or a
 *     reference such as `alicloud_ram_user.dev.name`);
 *   - resource-group attachments name it as `<name>@<domain>` (`principal_name`), a literal, a cdktf
 *     interpolation (`${alicloud_ram_user.dev.name}@${data.alicloud_account.this.id}.onaliyun.com`), or a
 *     function call such as the provider documentation's own
 *     `format("%s@%s.onaliyun.com", alicloud_ram_user.dev.name, data.alicloud_account.this.id)`.
 * A reference to the user, group or role resource is followed to that resource's literal name; a
 * resource whose name is itself computed is identified by its address. Only the name part is compared:
 * the domain after `@` names the account, which every attachment of one configuration shares.
 */
import { literalString, type ResourceIndex, referencesIn } from './references';
import { resourceAddress, type TerraformResource } from './terraform';

/** Resource Management's principal types, and the RAM resource and name attributes of each. */
export const PRINCIPAL_KINDS: { [principalType: string]: { resource: string; nameAttributes: string[] } } = {
  IMSUser: { resource: 'alicloud_ram_user', nameAttributes: ['name', 'user_name'] },
  IMSGroup: { resource: 'alicloud_ram_group', nameAttributes: ['name', 'group_name'] },
  ServiceRole: { resource: 'alicloud_ram_role', nameAttributes: ['name', 'role_name'] },
};

/** A principal as the check compares it. */
export interface PrincipalIdentity {
  /** `IMSUser`, `IMSGroup` or `ServiceRole`. */
  readonly principalType: string;
  /** Equal for every way of writing the same principal. */
  readonly key: string;
  /**
   * The RAM name as an attachment at account scope should write it: the reference to the user, group
   * or role resource when the configuration has one (so Terraform creates that resource first),
   * otherwise the literal or expression as written.
   */
  readonly name: string;
  /** The name for people: the literal name when the configuration gives one. */
  readonly display: string;
}

/** The principal a RAM name value (`user_name`, `group_name`, `role_name`) stands for. */
export function principalFromName(
  index: ResourceIndex,
  from: TerraformResource,
  principalType: string,
  value: unknown,
): PrincipalIdentity | undefined {
  const kind = PRINCIPAL_KINDS[principalType];
  if (kind === undefined) return undefined;
  const literal = literalString(value);
  if (literal !== undefined) return identity(principalType, literal, literal, literal);
  const [ref] = referencesIn(value, [kind.resource]);
  if (ref !== undefined) {
    const target = index.resolve(from, ref);
    const address = target === undefined ? `${kind.resource}.${ref.name}` : resourceAddress(target);
    const reference = `\${${address}.${ref.attribute ?? kind.nameAttributes[0]}}`;
    const targetName =
      target === undefined
        ? undefined
        : kind.nameAttributes.map((a) => literalString(target.attributes[a])).find(Boolean);
    if (targetName !== undefined) return identity(principalType, targetName, reference, targetName);
    return identity(principalType, `@${address}`, reference, reference);
  }
  if (typeof value !== 'string') return undefined;
  // Any other expression (a variable, say): the same text names the same principal.
  return identity(principalType, `=${value}`, value, value);
}

/** The principal of a resource-group attachment's `principal_name` (`<name>@<domain>`). */
export function principalFromResourceManagerName(
  index: ResourceIndex,
  from: TerraformResource,
  principalType: string,
  value: unknown,
): PrincipalIdentity | undefined {
  const kind = PRINCIPAL_KINDS[principalType];
  if (kind === undefined || typeof value !== 'string') return undefined;
  const literal = literalString(value);
  if (literal !== undefined) {
    const at = literal.indexOf('@');
    return at <= 0 ? undefined : principalFromName(index, from, principalType, literal.slice(0, at));
  }
  // `${ref}@...`: the part before the first @ outside an expression is the name.
  const namePart = /^(\$\{[^}]*\}|[^@$]+)@/.exec(value)?.[1];
  if (namePart !== undefined) return principalFromName(index, from, principalType, namePart);
  if (referencesIn(value, [kind.resource]).length > 0)
    return principalFromName(index, from, principalType, value);
  return undefined;
}

function identity(principalType: string, key: string, name: string, display: string): PrincipalIdentity {
  return { principalType, key: `${principalType}:${key}`, name, display };
}
