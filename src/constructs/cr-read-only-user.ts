import { Construct } from 'constructs';
import type { ramUser } from '../generated/alicloud';
import { CrAccess } from './access';
import type { AccountOptions } from './account';
import { CrAccessGrant, type CrSplitOptions } from './grant';
import { RamPrincipal } from './principal';
import { CrAccessScope } from './scope';
import { type CrUserOptions, createUser } from './user';

/** Props of CrReadOnlyUser. */
export interface CrReadOnlyUserProps extends CrUserOptions, AccountOptions, CrSplitOptions {
  /**
   * Resource groups to scope the access to. The read actions that resource groups ignore are then
   * granted by an account-level policy that lists them.
   * @default - account scope: the system policy AliyunContainerRegistryReadOnlyAccess
   */
  readonly resourceGroupIds?: string[];
  /**
   * Prefix of custom policy names.
   * @default `cr-<stack name>`
   */
  readonly policyNamePrefix?: string;
}

/** A new RAM user that can view repositories and pull images, in the account or in resource groups. */
export class CrReadOnlyUser extends Construct {
  /** The RAM user. */
  public readonly user: ramUser.RamUser;
  /** The grant (policies and attachments). */
  public readonly grant: CrAccessGrant;

  public constructor(scope: Construct, id: string, props: CrReadOnlyUserProps) {
    super(scope, id);
    this.user = createUser(this, 'User', props);
    this.grant = new CrAccessGrant(this, 'Grant', {
      ...props,
      principal: RamPrincipal.user(this.user.name),
      access: CrAccess.readOnly(),
      scope:
        props.resourceGroupIds === undefined
          ? CrAccessScope.account()
          : CrAccessScope.resourceGroups(props.resourceGroupIds),
    });
  }
}
