import { Construct } from 'constructs';
import { CrAccess } from './access';
import type { AccountOptions } from './account';
import { CrAccessGrant, type CrSplitOptions } from './grant';
import type { IRamPrincipal } from './principal';
import { RESOURCE_GROUP_IDS, requireProps } from './required-props';
import { CrAccessScope } from './scope';

/** Props of ResourceGroupScopedCrReadOnly. */
export interface ResourceGroupScopedCrReadOnlyProps extends AccountOptions, CrSplitOptions {
  /** An existing user, group or role. */
  readonly principal: IRamPrincipal;
  /** The resource groups (at least one). */
  readonly resourceGroupIds: string[];
  /**
   * Prefix of custom policy names.
   * @default `cr-<stack name>`
   */
  readonly policyNamePrefix?: string;
}

/** Read-only access for an existing user, group or role in the given resource groups. */
export class ResourceGroupScopedCrReadOnly extends Construct {
  /** The grant (policies and attachments). */
  public readonly grant: CrAccessGrant;

  public constructor(scope: Construct, id: string, props: ResourceGroupScopedCrReadOnlyProps) {
    super(scope, id);
    requireProps(this, props, {
      principal: { kind: 'object', example: "principal: RamPrincipal.user('alice')" },
      resourceGroupIds: RESOURCE_GROUP_IDS,
    });
    this.grant = new CrAccessGrant(this, 'Grant', {
      ...props,
      access: CrAccess.readOnly(),
      scope: CrAccessScope.resourceGroups(props.resourceGroupIds),
    });
  }
}
