/**
 * One alicloud_ram_policy per stable key per stack (naming.ts), however many grants use it. The
 * registry is a construct under the stack; each policy's construct ID is its name. Rules:
 *   - Grants of the same access share its policies (50 developers, 2 policies).
 *   - One name, one document: a second, different document under a name the stack already has (two
 *     custom accesses given one name, or a name that is also a preset's) is an error naming both
 *     constructs (ACCESS_NAME_CONFLICT). Names are compared as RAM compares policy names, without
 *     regard to case (name-case.ts).
 *   - Policy names are unique across the stacks of an app (app-policy-names.ts).
 */
import { Construct, type IConstruct } from 'constructs';
import { TerraformStack } from '../core-lib';
import { ramPolicy } from '../generated/alicloud';
import type { SharedPolicy } from '../model';
import { DiagnosticCode, type PolicyDocument, Severity } from '../policy';
import { PolicyError, quote } from '../policy/diagnostic';
import { caseFold } from '../policy/name-case';
import { appPolicyNameErrors } from './app-policy-names';
import { type PolicyKey, policyDescription, policyName } from './naming';

/** rotate_strategy that keeps updates working past RAM's five versions per policy. */
const ROTATE_STRATEGY = 'DeleteOldestNonDefaultVersionWhenLimitExceeded';
const REGISTRY_ID = 'CrAccessPolicies';

/** A policy of the registry. */
export interface RegisteredPolicy {
  /** Its literal name. */
  readonly name: string;
  /** A reference to its name (a token), so attachments depend on the policy. */
  readonly nameReference: string;
  /** True for the call that created it. */
  readonly created: boolean;
}

interface Entry {
  readonly name: string;
  readonly key: PolicyKey;
  readonly rendering: string;
  readonly owner: IConstruct;
  readonly nameReference: string;
  readonly users: Set<IConstruct>;
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

  /** The registry of `stack`, if it has one. */
  public static find(stack: IConstruct): CrPolicyRegistry | undefined {
    return stack.node.tryFindChild(REGISTRY_ID) as CrPolicyRegistry | undefined;
  }

  /** By name, folded as RAM compares policy names. The reference is made once per policy. */
  private readonly policies = new Map<string, Entry>();

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    const stack = TerraformStack.of(this);
    this.node.addValidation({
      validate: () => appPolicyNameErrors(stack, this.names, (s) => CrPolicyRegistry.find(s)?.names ?? []),
    });
  }

  /**
   * The stack's policy of `key` with this document, created on first use by `owner` (a grant or the
   * check): its literal name and a reference to it (a token, so attachments depend on the policy).
   * Throws ACCESS_NAME_CONFLICT when the name already holds another document.
   */
  public policyFor(
    prefix: string,
    key: PolicyKey,
    document: PolicyDocument,
    owner: IConstruct,
  ): RegisteredPolicy {
    const name = policyName(prefix, key);
    const folded = caseFold(name);
    const rendering = document.render();
    const existing = this.policies.get(folded);
    if (existing !== undefined) {
      if (existing.rendering !== rendering) throw conflict(existing, owner, name);
      existing.users.add(owner);
      return { name: existing.name, nameReference: existing.nameReference, created: false };
    }
    const policy = new ramPolicy.RamPolicy(this, name, {
      policyName: name,
      policyDocument: rendering,
      description: policyDescription(key, document),
      rotateStrategy: ROTATE_STRATEGY,
    });
    const entry = { name, key, rendering, owner, nameReference: policy.policyName, users: new Set([owner]) };
    this.policies.set(folded, entry);
    return { name, nameReference: entry.nameReference, created: true };
  }

  /** How many custom policies the stack has. */
  public get size(): number {
    return this.policies.size;
  }

  /** The literal names of the stack's custom policies, in creation order. */
  public get names(): string[] {
    return [...this.policies.values()].map((e) => e.name);
  }

  /** Every policy and what it serves, by name. */
  public uses(): SharedPolicy[] {
    return [...this.policies.values()]
      .map((e) => ({
        name: e.name,
        access: e.key.access,
        scopePart: e.key.scopePart,
        part: e.key.part + 1,
        users: e.users.size,
      }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}

function conflict(existing: Entry, owner: IConstruct, name: string): PolicyError {
  const access = existing.key.access;
  return new PolicyError([
    {
      code: DiagnosticCode.ACCESS_NAME_CONFLICT,
      severity: Severity.ERROR,
      location: '',
      message: `two different documents would be the policy ${name} (access ${access}; constructs: ${existing.owner.node.path}, ${owner.node.path})`,
      value: quote(access),
      rule: 'a policy name comes from the access name, never from the document, so one name in a stack states one document (RAM compares policy names without regard to case)',
      fix: `give one of the custom accesses another name (CrAccess.custom(document, { name })), or use one document for both`,
      constructPath: owner.node.path,
    },
  ]);
}
