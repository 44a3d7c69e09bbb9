/**
 * Who a name given to a construct stands for, at synth, when the whole stack is known. A literal is
 * itself; a reference to the name attribute of a RAM user, user group or role of the stack is that
 * resource's literal name when it has one (so `alice` and `user.name` of a user named alice are one
 * principal); any other token is the expression it resolves to (token-key.ts). Names are compared as
 * written: how RAM treats case is name-case.ts's rule, applied by the callers.
 * Built once per check (it reads the whole construct tree), by the ledgers' validations.
 */
import type { IConstruct } from 'constructs';
import { type TerraformResource, type TerraformStack, Token } from '../core-lib';
import { ramGroup, ramRole, ramUser } from '../generated/alicloud';
import { PrincipalType } from './principal';
import { tokenKey } from './token-key';

/**
 * The RAM identities a stack can create: for each, the name attributes and their inputs. References
 * are written as the expressions tokens of them resolve to (token-key.ts), without making tokens,
 * which costs a stack trace each.
 */
const NAMED_KINDS = [
  {
    kind: 'RAM user',
    principalType: PrincipalType.USER,
    type: ramUser.RamUser,
    names: (r: any) => [['name', r.nameInput]],
  },
  {
    kind: 'RAM user group',
    principalType: PrincipalType.GROUP,
    type: ramGroup.RamGroup,
    names: (r: any) => [
      ['group_name', r.groupNameInput],
      ['name', r.nameInput],
    ],
  },
  {
    kind: 'RAM role',
    principalType: PrincipalType.ROLE,
    type: ramRole.RamRole,
    names: (r: any) => [
      ['role_name', r.roleNameInput],
      ['name', r.nameInput],
    ],
  },
] as const;

/** A RAM user, group or role resource of the stack. */
export interface NamedResource {
  readonly kind: string;
  readonly principalType: PrincipalType;
  readonly resource: TerraformResource;
  /** Attribute name and the value given for it. */
  readonly names: [string, unknown][];
}

/** The stack's RAM identities, and what each name given to a construct stands for. */
export class StackIdentities {
  public static of(stack: TerraformStack): StackIdentities {
    return new StackIdentities(stack);
  }

  /** The RAM users, groups and roles of the stack, in tree order. */
  public readonly named: NamedResource[] = [];
  /** `${<type>.<id>.<attribute>}` (what a token of a name attribute resolves to) → the literal name given. */
  private readonly literals = new Map<string, string>();

  private constructor(private readonly stack: TerraformStack) {
    for (const node of stack.node.findAll()) {
      for (const k of NAMED_KINDS) {
        if (node instanceof k.type) {
          const names = k.names(node) as [string, unknown][];
          this.named.push({ kind: k.kind, principalType: k.principalType, resource: node, names });
        }
      }
    }
    for (const { resource, names } of this.named) {
      for (const [attribute, input] of names) {
        if (typeof input === 'string' && !Token.isUnresolved(input)) {
          this.literals.set(
            `\${${resource.terraformResourceType}.${resource.friendlyUniqueId}.${attribute}}`,
            input,
          );
        }
      }
    }
  }

  /** What `value` names: the literal, the literal name of the resource it references, or its expression. */
  public key(value: string, scope: IConstruct = this.stack): string {
    const key = tokenKey(scope, value).key;
    return this.literals.get(key) ?? key;
  }
}
