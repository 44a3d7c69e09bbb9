/**
 * CrAccessTeam: Container Registry access granted once to a RAM user group, and people added to the
 * group. Resources grow with people plus groups, not people times resource groups: the grant's
 * resource-group attachments and account-level policy go to the group (CrAccessGrant with an
 * IMSGroup principal), and the members are added in one of two ways (CrTeamMembership):
 *   - PER_MEMBER (default): one alicloud_ram_user_group_attachment per member, the resource the
 *     provider recommends. A join or a leave creates or destroys that member's attachment, nothing
 *     else, and members added to the group outside the stack are left alone.
 *   - EXCLUSIVE: one alicloud_ram_group_membership listing every member, so a join or a leave is one
 *     in-place update and the team costs one resource fewer per member. The provider deprecated it in
 *     1.267.0 in favour of alicloud_ram_user_group_attachment ("will be removed in the future", a
 *     warning on every plan), and it owns the whole member list: its read lists every user of the
 *     group (DescribeRamGroupMembership pages through ListUsersForGroup), so it removes members added
 *     elsewhere, and its deletion removes every listed user. Hence only for a group the team creates.
 * Sources: aliyun/terraform-provider-alicloud v1.289.0, alicloud/resource_alicloud_ram_group_membership.go,
 * alicloud/service_alicloud_ram.go, website/docs/r/ram_group_membership.html.markdown.
 */
import { Construct } from 'constructs';
import { Token } from '../core-lib';
import { ramGroup, ramGroupMembership, ramUserGroupAttachment } from '../generated/alicloud';
import {
  type Diagnostic,
  DiagnosticCode,
  GROUP_NAME_RULE,
  nameViolations,
  Severity,
  USER_NAME_RULE,
} from '../policy';
import { quote } from '../policy/diagnostic';
import { CrAccess } from './access';
import type { AccountOptions } from './account';
import { annotate, throwViolations, type Violation } from './errors';
import { CrAccessGrant, type CrSplitOptions } from './grant';
import { nameListViolations } from './name-list';
import { memberAttachmentId } from './naming';
import { type IRamPrincipal, RamPrincipal } from './principal';
import type { CrAccessScope } from './scope';
import { requireProps } from './required-props';
import { CrTeamLedger, MEMBER_DUPLICATES } from './team-ledger';
import { type TokenKey, tokenKey } from './token-key';

/** How a team adds its members to the group. */
export enum CrTeamMembership {
  /** One alicloud_ram_user_group_attachment per member (the provider's recommendation). */
  PER_MEMBER = 'per-member',
  /**
   * One alicloud_ram_group_membership that owns the group's whole member list (deprecated by the
   * provider; only for a group the team creates).
   */
  EXCLUSIVE = 'exclusive',
}

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
   * How members are added. EXCLUSIVE is one resource for the whole list (one in-place update per join
   * or leave, one resource fewer per member), but the provider has deprecated it and it removes any
   * member added outside the stack; it requires `createGroup` and at least one member.
   * @default CrTeamMembership.PER_MEMBER
   */
  readonly membership?: CrTeamMembership;
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
    requireProps(this, props, {
      groupName: { kind: 'string', example: "groupName: 'registry-readers'" },
      members: { kind: 'string list', example: "members: ['alice', user.name]" },
      access: { kind: 'object', example: 'access: CrAccess.readOnly()' },
    });
    const members = props.members.map((m) => tokenKey(this, m));
    throwViolations(this, teamViolations(props, members));
    const createGroup = props.createGroup ?? true;
    this.groupName = createGroup
      ? new ramGroup.RamGroup(this, 'Group', { groupName: props.groupName }).groupName
      : props.groupName;
    this.principal = RamPrincipal.group(this.groupName);
    // In key order, so the output does not depend on the order of the list.
    const order = props.members.map((_, i) => i).sort((a, b) => (members[a].key < members[b].key ? -1 : 1));
    if (props.membership === CrTeamMembership.EXCLUSIVE) {
      new ramGroupMembership.RamGroupMembership(this, 'Members', {
        groupName: this.groupName,
        userNames: order.map((i) => props.members[i]),
      });
    } else {
      for (const i of order) {
        new ramUserGroupAttachment.RamUserGroupAttachment(this, memberAttachmentId(members[i]), {
          groupName: this.groupName,
          userName: props.members[i],
        });
      }
    }
    this.grant = new CrAccessGrant(this, 'Grant', { ...props, principal: this.principal });
    CrTeamLedger.of(this).record({
      team: this,
      grant: this.grant,
      groupKey: tokenKey(this, props.groupName).key,
      createsGroup: createGroup,
      members: props.members,
    });
    if (members.length === 0)
      annotate(this, [emptyTeamWarning(tokenKey(this, props.groupName).key, createGroup)]);
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
  if (props.membership === CrTeamMembership.EXCLUSIVE && props.createGroup === false) {
    out.push({
      code: DiagnosticCode.CONFLICTING_PROPS,
      message: 'membership EXCLUSIVE is set on an existing group (createGroup: false)',
      value: props.groupName,
      rule: "an exclusive membership owns the group's whole member list and would remove the members added elsewhere",
      fix: 'use CrTeamMembership.PER_MEMBER for an existing group, or let the team create the group',
    });
  }
  if (props.membership === CrTeamMembership.EXCLUSIVE && members.length === 0) {
    out.push({
      code: DiagnosticCode.CONFLICTING_PROPS,
      message: 'membership EXCLUSIVE is set on a team without members',
      value: [],
      rule: 'alicloud_ram_group_membership needs at least one user name, and reads as deleted when the group is empty',
      fix: 'add members, or use CrTeamMembership.PER_MEMBER',
    });
  }
  out.push(
    ...nameListViolations(members, {
      ...MEMBER_DUPLICATES,
      invalidCode: DiagnosticCode.INVALID_NAME,
      invalidMessage: 'is not a RAM user name',
      rule: USER_NAME_RULE,
      invalidFix: `pass the user name, not its logon name or display name (${USER_NAME_RULE.source})`,
    }),
  );
  return out;
}

/** A team without members grants its access to nobody (yet): allowed, since members may join later. */
function emptyTeamWarning(groupName: string, createsGroup: boolean): Diagnostic {
  return {
    code: DiagnosticCode.EMPTY_TEAM,
    severity: Severity.WARNING,
    location: '',
    message: 'the team has no members',
    value: quote([]),
    rule: createsGroup
      ? `the team's access reaches only members of its group, and the group it creates (${groupName}) starts empty`
      : `the team's access reaches only the members of ${groupName} added outside this stack`,
    fix: 'add members, or remove the team if nobody needs its access',
  };
}
