/**
 * What identifies a resource group in a grant, whatever its position in the list: a literal ID is
 * its own key; a token (the id of a resource group of the same stack, a variable, a data source) is
 * keyed by the Terraform expression it stands for, e.g.
 * `${alicloud_resource_manager_resource_group.TeamA.id}`. Keys name groups in duplicate checks, in
 * messages and in attachment IDs, so a token group gets the same attachment whatever else is listed.
 */
import type { IConstruct } from 'constructs';
import { DefaultTokenResolver, StringConcat, TerraformStack, Token, Tokenization } from '../core-lib';

/** Per stack, token → key: platform stacks pass the same group token to hundreds of grants. */
const keysByStack = new WeakMap<TerraformStack, Map<string, string>>();

/** A resource group of a grant. */
export interface ResourceGroupKey {
  /** The literal ID, or the expression the token resolves to. */
  readonly key: string;
  /** True when the ID is a token. */
  readonly fromToken: boolean;
}

/**
 * The key of `resourceGroupId` as seen from `scope`. Resolution here is a plain (non-preparing)
 * resolve: it reads the reference without registering cross-stack outputs, which synth does later.
 */
export function resourceGroupKey(scope: IConstruct, resourceGroupId: string): ResourceGroupKey {
  if (!Token.isUnresolved(resourceGroupId)) return { key: resourceGroupId, fromToken: false };
  const stack = TerraformStack.of(scope);
  let keys = keysByStack.get(stack);
  if (keys === undefined) {
    keys = new Map();
    keysByStack.set(stack, keys);
  }
  let key = keys.get(resourceGroupId);
  if (key === undefined) {
    const resolved: unknown = Tokenization.resolve(resourceGroupId, {
      scope: stack,
      resolver: new DefaultTokenResolver(new StringConcat()),
      preparing: false,
    });
    key = typeof resolved === 'string' ? resolved : JSON.stringify(resolved);
    keys.set(resourceGroupId, key);
  }
  return { key, fromToken: true };
}
