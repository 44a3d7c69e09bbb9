/**
 * Checks over every team of a stack, run as a validation at synth time (a stack is taken to deploy
 * into one account):
 *   - the RAM user groups the stack creates stay within GROUPS_PER_ACCOUNT_MAX, and no group is
 *     created by two teams;
 *   - no member is in more than GROUPS_PER_USER_MAX teams (created or existing groups alike, since
 *     RAM counts every group a user is in);
 *   - no team names one user twice once references are resolved (`alice` and `user.name` of a user
 *     named alice; repeats of one literal or reference are refused when the team is created).
 * Members are compared as identities.ts resolves them. What members are granted through their teams
 * is checked by CrAccessLedger, with direct grants, under one rule (`memberships`).
 * Policies per group are the per-principal limits that CrAccessLedger already checks for every grant.
 * Each finding is reported by the validation of the construct it is about (a team, or the stack for
 * the account-wide count), so `cdktf synth` prints that construct's path once, before the message.
 */
import { Construct, type IConstruct } from 'constructs';
import { TerraformStack } from '../core-lib';
import {
  DiagnosticCode,
  formatDiagnostic,
  GROUPS_PER_ACCOUNT_MAX,
  GROUPS_PER_USER_MAX,
  listed,
  RAM_LIMITS_SOURCE,
} from '../policy';
import { toDiagnostic, type Violation } from './errors';
import { StackIdentities } from './identities';
import { type DuplicateRules, duplicateViolations } from './name-list';
import { tokenKey } from './token-key';

const LEDGER_ID = 'CrTeamLedger';

/** A team's member list names each user once. */
export const MEMBER_DUPLICATES: DuplicateRules = {
  item: 'member',
  duplicateCode: DiagnosticCode.DUPLICATE_TEAM_MEMBER,
  duplicateRule: 'each member is named once per team',
};

interface TeamRecord {
  readonly team: Construct;
  /** The team's grant to its group. */
  readonly grant: IConstruct;
  /** The group, as token-key.ts keys the name the user gave. */
  readonly groupKey: string;
  readonly createsGroup: boolean;
  /** Members as given (literals or references). */
  readonly members: string[];
}

/** A team's members and the grant they receive through it. */
export interface TeamMembership {
  readonly team: IConstruct;
  readonly grant: IConstruct;
  readonly members: string[];
}

/** The stack's record of teams. */
export class CrTeamLedger extends Construct {
  public static of(scope: Construct): CrTeamLedger {
    const stack = TerraformStack.of(scope);
    return (
      (stack.node.tryFindChild(LEDGER_ID) as CrTeamLedger | undefined) ?? new CrTeamLedger(stack, LEDGER_ID)
    );
  }

  /** The stack's team ledger, if it has teams. */
  public static find(stack: TerraformStack): CrTeamLedger | undefined {
    return stack.node.tryFindChild(LEDGER_ID) as CrTeamLedger | undefined;
  }

  private readonly records: TeamRecord[] = [];
  private findings?: { owner: IConstruct; violation: Violation }[];

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    const stack = TerraformStack.of(scope);
    stack.node.addValidation({ validate: () => this.errorsOf(stack) });
  }

  public record(entry: TeamRecord): void {
    this.records.push(entry);
    this.findings = undefined;
    entry.team.node.addValidation({ validate: () => this.errorsOf(entry.team) });
  }

  /** Every team's members and grant, in creation order. */
  public memberships(): TeamMembership[] {
    return this.records.map(({ team, grant, members }) => ({ team, grant, members }));
  }

  private errorsOf(owner: IConstruct): string[] {
    this.findings ??= this.check();
    return this.findings
      .filter((f) => f.owner === owner)
      .map((f) => formatDiagnostic(toDiagnostic(f.violation)));
  }

  private check(): { owner: IConstruct; violation: Violation }[] {
    const errors: { owner: IConstruct; violation: Violation }[] = [];
    const describe = (owner: IConstruct, violation: Violation) => ({ owner, violation });
    const creators = new Map<string, TeamRecord[]>();
    for (const r of this.records.filter((x) => x.createsGroup)) {
      const list = creators.get(r.groupKey);
      if (list === undefined) creators.set(r.groupKey, [r]);
      else list.push(r);
    }
    for (const [group, rs] of creators) {
      if (rs.length < 2) continue;
      errors.push(
        describe(rs[1].team, {
          code: DiagnosticCode.DUPLICATE_GROUP,
          message: `RAM user group ${group} is created by ${rs.length} teams (teams: ${rs.map((r) => r.team.node.path).join(', ')})`,
          value: group,
          rule: 'a group name is unique in the account, so one team creates it',
          fix: 'give the other teams createGroup: false, or different group names',
        }),
      );
    }
    if (creators.size > GROUPS_PER_ACCOUNT_MAX) {
      const paths = [...creators.values()].map((rs) => rs[0].team.node.path);
      errors.push(
        describe(TerraformStack.of(this), {
          code: DiagnosticCode.GROUP_QUOTA_EXCEEDED,
          message: `the stack's teams would create ${creators.size} RAM user groups (${listed(paths, 'teams')})`,
          value: creators.size,
          rule: `an account has at most ${GROUPS_PER_ACCOUNT_MAX} RAM user groups, not adjustable (${RAM_LIMITS_SOURCE})`,
          fix: 'merge teams that grant the same access, or deploy the teams into several accounts (one stack each)',
        }),
      );
    }

    const identities = StackIdentities.of(TerraformStack.of(this));
    const teamsByMember = new Map<string, TeamRecord[]>();
    for (const r of this.records) {
      const keys = r.members.map((m) => ({ key: identities.key(m), given: tokenKey(r.team, m).key }));
      for (const v of duplicateViolations(keys, MEMBER_DUPLICATES)) errors.push(describe(r.team, v));
      for (const m of new Set(keys.map((k) => k.key))) {
        const list = teamsByMember.get(m);
        if (list === undefined) teamsByMember.set(m, [r]);
        else list.push(r);
      }
    }
    for (const [member, rs] of [...teamsByMember.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const groups = new Set(rs.map((r) => r.groupKey));
      if (groups.size <= GROUPS_PER_USER_MAX) continue;
      errors.push(
        describe(rs[GROUPS_PER_USER_MAX].team, {
          code: DiagnosticCode.GROUP_QUOTA_EXCEEDED,
          message: `RAM user ${member} would be in ${groups.size} RAM user groups (teams: ${rs.map((r) => `${r.team.node.path} (${r.groupKey})`).join(', ')})`,
          value: member,
          rule: `a RAM user is in at most ${GROUPS_PER_USER_MAX} RAM user groups, not adjustable (${RAM_LIMITS_SOURCE}); groups outside this stack count too`,
          fix: 'remove the user from teams it does not need, or merge teams that grant the same access',
        }),
      );
    }
    return errors;
  }
}
