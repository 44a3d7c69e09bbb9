import { Construct } from 'constructs';
import { CrAccess } from './access';
import type { AccountOptions } from './account';
import { CrAccessGrant, type CrSplitOptions } from './grant';
import { RamPrincipal } from './principal';
import { requireProps } from './required-props';
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
  /** The RAM user's name, as a reference to the user resource (so dependents wait for it). */
  public readonly userName: string;
  /** The grant (policies and attachments). */
  public readonly grant: CrAccessGrant;

  public constructor(scope: Construct, id: string, props: CrReadOnlyUserProps) {
    super(scope, id);
    requireProps(this, props, { userName: { kind: 'string', example: "userName: 'ci-puller'" } });
    this.userName = createUser(this, 'User', props).name;
    this.grant = new CrAccessGrant(this, 'Grant', {
      ...props,
      principal: RamPrincipal.user(this.userName),
      access: CrAccess.readOnly(),
      scope:
        props.resourceGroupIds === undefined
          ? CrAccessScope.account()
          : CrAccessScope.resourceGroups(props.resourceGroupIds),
    });
  }
}
