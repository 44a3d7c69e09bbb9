import * as alicloud from '../../src/generated/alicloud';
import { TerraformStack, Testing } from '../../src/core-lib';

/** A stack with the alicloud provider, as a platform team's stack would have. */
export function newStack(id = 'platform'): TerraformStack {
  const stack = new TerraformStack(Testing.app(), id);
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  return stack;
}

/** The resources of one type in a synthesized stack, by logical ID. */
export function resources(out: any, type: string): Record<string, any> {
  return out.resource?.[type] ?? {};
}

/** The actions of a rendered policy document. */
export function policyActions(policyDocument: string): string[] {
  return (JSON.parse(policyDocument).Statement as { Action: string[] }[]).flatMap((s) => s.Action);
}
