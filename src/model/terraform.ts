/**
 * Terraform configuration as the check reads it, whatever it was read from: a synthesized
 * `cdk.tf.json`, a cdktf stack in process, a plan in JSON (`terraform show -json`), or `.tf` files.
 * Readers turn each form into a list of TerraformResource; everything after that is one analysis.
 *
 * Values are what the configuration says: literals stay literals; anything Terraform computes or
 * references stays a Terraform expression in `${...}` form (`"${alicloud_ram_user.dev.name}"`,
 * `"${format(\"%s@%s.onaliyun.com\", alicloud_ram_user.dev.name, data.alicloud_account.this.id)}"`),
 * so the analysis can follow references to the resource they name, and never guesses a value.
 */
import type { AcceptedFinding } from './accepted';

/** Where a resource is defined, for messages, JSON output and SARIF. */
export interface SourceLocation {
  /** The file it was read from (as given on the command line), or the stack's name in process. */
  readonly file: string;
  /**
   * 1-based line of the resource's definition in `file`, when the reader knows it.
   * @default - unknown
   */
  readonly line?: number;
  /**
   * The cdktf construct path, when the resource was made by a construct.
   * @default - not from a construct
   */
  readonly constructPath?: string;
}

/** Whether a resource is managed (`resource`) or read (`data`). */
export enum ResourceMode {
  MANAGED = 'managed',
  DATA = 'data',
}

/** One resource or data source of a configuration. */
export interface TerraformResource {
  readonly mode: ResourceMode;
  /** The resource type, e.g. `alicloud_ram_policy`. */
  readonly resourceType: string;
  /** The resource's name in its module (in `cdk.tf.json`, the logical ID). */
  readonly name: string;
  /**
   * The module path, e.g. `module.team_a`; references inside a module name resources of that module.
   * @default - the root module
   */
  readonly module?: string;
  /** Argument values: literals, or Terraform expressions written as `${...}` strings. */
  readonly attributes: { [name: string]: unknown };
  readonly location: SourceLocation;
  /**
   * Actions the grant that made this attachment left out of its account-level policy on purpose
   * (excludeFromAccountLevel), as the constructs record them in cdk.tf.json's `//` comment.
   * @default - none
   */
  readonly excludedFromAccountLevel?: string[];
  /**
   * Findings accepted for this resource, with their reasons (accepted.ts): `cr-access:ignore` comments,
   * CrAccessCheck.suppress, a baseline.
   * @default - none
   */
  readonly accepted?: AcceptedFinding[];
}

/** Where the constructs record a grant's exclusions: `"//": {"cr_access": {"excluded_from_account_level": [...]}}`. */
export const EXCLUSIONS_COMMENT_PATH = ['//', 'cr_access', 'excluded_from_account_level'];

/** The address Terraform uses for a resource (`data.` prefix for data sources, module path first). */
export function resourceAddress(
  r: Pick<TerraformResource, 'mode' | 'resourceType' | 'name' | 'module'>,
): string {
  const local = `${r.mode === ResourceMode.DATA ? 'data.' : ''}${r.resourceType}.${r.name}`;
  return r.module === undefined ? local : `${r.module}.${local}`;
}
