/**
 * CrAccessTeam: Container Registry access granted once to a RAM user group, and people added to the
 * group. Resources grow with people plus groups, not people times resource groups: the grant's
 * resource-group attachments and account-level policy go to the group (CrAccessGrant with an
 * IMSGroup principal), and each member is one alicloud_ram_user_group_attachment.
 *
 * Membership resource: alicloud_ram_user_group_attachment, the one the provider recommends. The
 * provider deprecated alicloud_ram_group_membership in 1.267.0 in its favour (website/docs/r/
 * ram_group_membership.html.markdown), and the older resource reads the group's whole member list
 * (resource_alicloud_ram_group_membership.go, DescribeRamGroupMembership: one ListUsersForGroup call,
 * whose MaxItems defaults to 100, without paging), so it would remove members added outside this
 * stack and show a permanent difference for teams of more than 100. One attachment per member costs
 * one resource per person, and a join or a leave is one create or one destroy of that member's
 * attachment, nothing else.
 */
import { Construct } from 'constructs';
import { Token } from '../core-lib';
import { ramGroup, ramUserGroupAttachment } from '../generated/alicloud';
import { DiagnosticCode, GROUP_NAME_RULE, nameViolations, USER_NAME_RULE } from '../policy';
import { CrAccess } from './access';
import type { AccountOptions } from './account';
import { throwViolations, type Violation } from './errors';
import { CrAccessGrant, type CrSplitOptions } from './grant';
import { memberAttachmentId } from './naming';
import { type IRamPrincipal, RamPrincipal } from './principal';
import type { CrAccessScope } from './scope';
import { CrTeamLedger } from './team-ledger';
import { type TokenKey, tokenKey } from './token-key';

/** Props of a team whose access is given by name (CrAccessTeam.developers, CrAccessTeam.readers). */
export interface CrAccessTeamPresetProps extends AccountOptions, CrSplitOptions {
  /** The RAM user group's name: the group created, or the existing group when `createGroup` is false. */
  readonly groupName: string;
  /**
   * RAM user names of the members: literals, or references such as `user.name` of users in the same
   * stack (so Terraform creates the user before adding it). Order does not matter.
   */
  readonly members: string[];
  /**
   * Where the access applies. At resource-group scope the actions that resource groups ignore are
   * granted to the group by an account-level policy that lists them.
   * @default CrAccessScope.account()
   */
  readonly scope?: CrAccessScope;
  /**
   * Create the RAM user group. False uses an existing group of that name; members and policies this
   * team adds are then attached to it, and nothing else in the group changes.
   * @default true
   */
  readonly createGroup?: boolean;
  /**
   * Prefix of custom policy names.
   * @default `cr-<stack name>`
   */
  readonly policyNamePrefix?: string;
}

/** Props of CrAccessTeam. */
export interface CrAccessTeamProps extends CrAccessTeamPresetProps {
  /** What the team's members may do. */
  readonly access: CrAccess;
}

/**
 * A RAM user group with Container Registry access, and its members. (The presets' first parameter is
 * `parent`, not `scope`, because jsii forbids a positional name that is also a props field.)
 */
export class CrAccessTeam extends Construct {
  /** Developers (CrAccess.developer()): pull, push and manage repositories, best scoped to resource groups. */
  public static developers(parent: Construct, id: string, props: CrAccessTeamPresetProps): CrAccessTeam {
    return new CrAccessTeam(parent, id, { ...props, access: CrAccess.developer() });
  }

  /** Readers (CrAccess.readOnly()): view repositories and pull images. */
  public static readers(parent: Construct, id: string, props: CrAccessTeamPresetProps): CrAccessTeam {
    return new CrAccessTeam(parent, id, { ...props, access: CrAccess.readOnly() });
  }

  /** The group's name; a reference to the group resource when the team created it. */
  public readonly groupName: string;
  /** The group, as the grant's principal. */
  public readonly principal: IRamPrincipal;
  /** The grant to the group (policies and attachments). */
  public readonly grant: CrAccessGrant;

  public constructor(scope: Construct, id: string, props: CrAccessTeamProps) {
    super(scope, id);
    const members = props.members.map((m) => tokenKey(this, m));
    throwViolations(this, teamViolations(props, members));
    const createGroup = props.createGroup ?? true;
    this.groupName = createGroup
      ? new ramGroup.RamGroup(this, 'Group', { groupName: props.groupName }).groupName
      : props.groupName;
    this.principal = RamPrincipal.group(this.groupName);
    // In key order, so the output does not depend on the order of the list.
    const order = props.members.map((_, i) => i).sort((a, b) => (members[a].key < members[b].key ? -1 : 1));
    for (const i of order) {
      new ramUserGroupAttachment.RamUserGroupAttachment(this, memberAttachmentId(members[i]), {
        groupName: this.groupName,
        userName: props.members[i],
      });
    }
    this.grant = new CrAccessGrant(this, 'Grant', { ...props, principal: this.principal });
    CrTeamLedger.of(this).record({
      team: this,
      groupKey: tokenKey(this, props.groupName).key,
      createsGroup: createGroup,
      memberKeys: members.map((m) => m.key),
    });
  }
}

function teamViolations(props: CrAccessTeamProps, members: TokenKey[]): Violation[] {
  const out: Violation[] = [];
  if (!Token.isUnresolved(props.groupName)) {
    for (const problem of nameViolations(props.groupName, GROUP_NAME_RULE)) {
      out.push({
        code: DiagnosticCode.INVALID_NAME,
        message: 'invalid groupName',
        value: props.groupName,
        rule: problem,
        fix: `change it (${GROUP_NAME_RULE.source})`,
      });
    }
  }
  const seen = new Set<string>();
  members.forEach(({ key, fromToken }, i) => {
    if (seen.has(key)) {
      out.push({
        code: DiagnosticCode.DUPLICATE_TEAM_MEMBER,
        message: `member ${i} repeats an earlier one`,
        value: key,
        rule: 'each member is named once per team',
        fix: 'remove the duplicate',
      });
    }
    seen.add(key);
    if (fromToken) return;
    for (const problem of nameViolations(key, USER_NAME_RULE)) {
      out.push({
        code: DiagnosticCode.INVALID_NAME,
        message: `member ${i} is not a RAM user name`,
        value: key,
        rule: problem,
        fix: `pass the user name, not its logon name or display name (${USER_NAME_RULE.source})`,
      });
    }
  });
  return out;
}
