/**
 * One alicloud_ram_policy per distinct document per stack, however many grants use it. The registry
 * is a construct under the stack; each policy's construct ID is its content-derived name (naming.ts).
 */
import { Construct } from 'constructs';
import { TerraformStack } from '../core-lib';
import { ramPolicy } from '../generated/alicloud';
import type { PolicyDocument } from '../policy';
import { policyDescription, policyName } from './naming';

/** rotate_strategy that keeps updates working past RAM's five versions per policy. */
const ROTATE_STRATEGY = 'DeleteOldestNonDefaultVersionWhenLimitExceeded';
const REGISTRY_ID = 'CrAccessPolicies';

/** A policy of the registry. */
export interface RegisteredPolicy {
  /** Its literal name. */
  readonly name: string;
  /** A reference to its name (a token), so attachments depend on the policy. */
  readonly nameReference: string;
}

/** The stack's custom Container Registry policies. */
export class CrPolicyRegistry extends Construct {
  /** The registry of `scope`'s stack, created on first use. */
  public static of(scope: Construct): CrPolicyRegistry {
    const stack = TerraformStack.of(scope);
    return (
      (stack.node.tryFindChild(REGISTRY_ID) as CrPolicyRegistry | undefined) ??
      new CrPolicyRegistry(stack, REGISTRY_ID)
    );
  }

  /** By name. The reference is made once per policy: each `policyName` read creates a new token. */
  private readonly policies = new Map<string, RegisteredPolicy>();
  /** Names by prefix and document, so each distinct document is hashed once. */
  private readonly names = new Map<string, string>();

  /**
   * The stack's policy with this document as part `part` of a size split (naming.ts), created on first
   * use: its literal name and a reference to it (a token, so attachments depend on the policy).
   */
  public policyFor(prefix: string, document: PolicyDocument, part = 0): RegisteredPolicy {
    const key = `${prefix}\n${part}\n${document.render()}`;
    let name = this.names.get(key);
    if (name === undefined) {
      name = policyName(prefix, document, part);
      this.names.set(key, name);
    }
    let registered = this.policies.get(name);
    if (registered === undefined) {
      const policy = new ramPolicy.RamPolicy(this, name, {
        policyName: name,
        policyDocument: document.render(),
        description: policyDescription(document),
        rotateStrategy: ROTATE_STRATEGY,
      });
      registered = { name, nameReference: policy.policyName };
      this.policies.set(name, registered);
    }
    return registered;
  }

  /** How many custom policies the stack has. */
  public get size(): number {
    return this.policies.size;
  }
}
