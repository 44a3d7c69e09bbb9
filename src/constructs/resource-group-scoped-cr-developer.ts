import { Construct } from 'constructs';
import { DiagnosticCode } from '../policy';
import { CrAccess } from './access';
import type { AccountOptions } from './account';
import { throwViolations } from './errors';
import { CrAccessGrant, type CrSplitOptions } from './grant';
import { type IRamPrincipal, RamPrincipal } from './principal';
import { RESOURCE_GROUP_IDS, requireProps } from './required-props';
import { CrAccessScope } from './scope';
import { createUser } from './user';

/** Props of ResourceGroupScopedCrDeveloper. */
export interface ResourceGroupScopedCrDeveloperProps extends AccountOptions, CrSplitOptions {
  /** The resource groups the developer works in (at least one). */
  readonly resourceGroupIds: string[];
  /**
   * Create a RAM user with this name. Give this or `principal`.
   * @default - none; `principal` must be given
   */
  readonly userName?: string;
  /**
   * The new user's display name (with `userName` only).
   * @default - RAM shows the user name
   */
  readonly displayName?: string;
  /**
   * An existing user, group or role. Give this or `userName`.
   * @default - none; `userName` must be given
   */
  readonly principal?: IRamPrincipal;
  /**
   * Prefix of custom policy names.
   * @default `cr-<stack name>`
   */
  readonly policyNamePrefix?: string;
}

/**
 * The developer preset (see presets.ts) in the given resource groups, for a new user or an existing
 * principal. Its read actions that resource groups ignore are granted at account level; it contains no
 * write action that resource groups ignore, so nothing writable reaches beyond the groups.
 */
export class ResourceGroupScopedCrDeveloper extends Construct {
  /** The new RAM user's name (a reference to the user resource), when the construct created one. */
  public readonly userName?: string;
  /** The principal granted. */
  public readonly principal: IRamPrincipal;
  /** The grant (policies and attachments). */
  public readonly grant: CrAccessGrant;

  public constructor(scope: Construct, id: string, props: ResourceGroupScopedCrDeveloperProps) {
    super(scope, id);
    requireProps(this, props, { resourceGroupIds: RESOURCE_GROUP_IDS });
    if ((props.userName === undefined) === (props.principal === undefined)) {
      throwViolations(this, [
        {
          code: DiagnosticCode.CONFLICTING_PROPS,
          message:
            props.userName === undefined
              ? 'neither userName nor principal is given'
              : 'both userName and principal are given',
          value: { userName: props.userName, principal: props.principal?.principalName },
          rule: 'the developer is either a new user (userName) or an existing principal (principal)',
          fix: 'give exactly one of them',
        },
      ]);
    }
    if (props.userName !== undefined) {
      this.userName = createUser(this, 'User', {
        userName: props.userName,
        displayName: props.displayName,
      }).name;
      this.principal = RamPrincipal.user(this.userName);
    } else {
      this.principal = props.principal!;
    }
    this.grant = new CrAccessGrant(this, 'Grant', {
      ...props,
      principal: this.principal,
      access: CrAccess.developer(),
      scope: CrAccessScope.resourceGroups(props.resourceGroupIds),
    });
  }
}
