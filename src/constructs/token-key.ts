/**
 * What a string the user gave stands for, whether a literal or a token: a literal is its own key; a
 * token (the id of a resource group of the same stack, `user.name`, a variable, a data source) is keyed
 * by the Terraform expression it resolves to, e.g. `${alicloud_resource_manager_resource_group.TeamA.id}`.
 * Every read of a resource attribute makes a new token, so token strings cannot tell two reads of one
 * value apart from two values; keys can. They name resource groups and principals in duplicate and
 * conflict checks, in messages, and in attachment IDs (naming.ts), independently of list order.
 */
import type { IConstruct } from 'constructs';
import { DefaultTokenResolver, StringConcat, TerraformStack, Token, Tokenization } from '../core-lib';

/** A value as grants compare it. */
export interface TokenKey {
  /** The literal, or the expression the token resolves to. */
  readonly key: string;
  /** True when the value is a token. */
  readonly fromToken: boolean;
}

/** Per stack, token → key: platform stacks pass the same token to hundreds of grants. */
const keysByStack = new WeakMap<TerraformStack, Map<string, string>>();

/**
 * The key of `value` as seen from `scope`'s stack. This is a plain (non-preparing) resolve: it reads a
 * reference without registering cross-stack outputs, which synth does later.
 */
export function tokenKey(scope: IConstruct, value: string): TokenKey {
  if (!Token.isUnresolved(value)) return { key: value, fromToken: false };
  const stack = TerraformStack.of(scope);
  let keys = keysByStack.get(stack);
  if (keys === undefined) {
    keys = new Map();
    keysByStack.set(stack, keys);
  }
  let key = keys.get(value);
  if (key === undefined) {
    const resolved: unknown = Tokenization.resolve(value, {
      scope: stack,
      resolver: new DefaultTokenResolver(new StringConcat()),
      preparing: false,
    });
    key = typeof resolved === 'string' ? resolved : JSON.stringify(resolved);
    keys.set(value, key);
  }
  return { key, fromToken: true };
}
