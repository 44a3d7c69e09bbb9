/**
 * The benchmark's "everyone everywhere" platform: N principals, each a developer in every one of M
 * resource groups, in teams of T (T = N: one team). Built three ways:
 *   - `per-user`: one ResourceGroupScopedCrDeveloper per principal, scoped to all M groups;
 *   - `team`: one CrAccessTeam.developers per team of T, members given as `user.name` references;
 *   - `team-exclusive`: the same with CrTeamMembership.EXCLUSIVE (one membership resource per team);
 *   - `team-baseline`: the team shape written by hand with the generated bindings (documents written
 *     out beforehand, no engine, no validation).
 * RAM caps an account at USERS_PER_ACCOUNT_MAX users and GROUPS_PER_ACCOUNT_MAX groups, so a platform
 * larger than that is split into the fewest accounts that respect both, one stack per account,
 * whole teams per account; every way uses the same split.
 */
import {
  CrAccess,
  CrAccessScope,
  CrAccessTeam,
  CrTeamMembership,
  GROUPS_PER_ACCOUNT_MAX,
  ResourceGroupScopedCrDeveloper,
  splitBySize,
  splitForResourceGroupScope,
  USERS_PER_ACCOUNT_MAX,
} from '../src';
import * as alicloud from '../src/generated/alicloud';
import { App, TerraformStack } from '../src/core-lib';
import { ACCOUNT_ID } from './scenario';

export interface TeamSize {
  readonly n: number;
  readonly m: number;
  /** Members per team. */
  readonly t: number;
}

export const TEAM_MODES = ['per-user', 'team', 'team-exclusive', 'team-baseline'] as const;
export type TeamMode = (typeof TEAM_MODES)[number];

/** One account's share: principals [from, to), teams of T from principal `from`. */
interface Account {
  readonly name: string;
  readonly from: number;
  readonly to: number;
}

const rgIds = (m: number) => Array.from({ length: m }, (_, g) => `rg-bench${g}`);
const userName = (i: number) => `user-${i}`;
const teamCount = (s: TeamSize) => Math.ceil(s.n / s.t);

export function accounts(s: TeamSize): Account[] {
  const teams = teamCount(s);
  const count = Math.max(
    Math.ceil(s.n / USERS_PER_ACCOUNT_MAX),
    Math.ceil(teams / GROUPS_PER_ACCOUNT_MAX),
    1,
  );
  const teamsPer = Math.ceil(teams / count);
  if (teamsPer * s.t > USERS_PER_ACCOUNT_MAX) throw new Error(`teams of ${s.t} do not fit in accounts`);
  const out: Account[] = [];
  for (let a = 0; a < count; a++) {
    const from = a * teamsPer * s.t;
    const to = Math.min(s.n, from + teamsPer * s.t);
    if (from < to) out.push({ name: count === 1 ? 'bench' : `bench-${a}`, from, to });
  }
  return out;
}

function stackOf(app: App, name: string): TerraformStack {
  const stack = new TerraformStack(app, name);
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  return stack;
}

/** Teams of an account: [first principal, end) per team. */
function teamsOf(account: Account, t: number): [number, number][] {
  const out: [number, number][] = [];
  for (let from = account.from; from < account.to; from += t)
    out.push([from, Math.min(account.to, from + t)]);
  return out;
}

export function buildTeams(mode: 'per-user' | 'team' | 'team-exclusive', s: TeamSize, outdir: string): App {
  const app = new App({ outdir });
  const scope = rgIds(s.m);
  for (const account of accounts(s)) {
    const stack = stackOf(app, account.name);
    if (mode === 'per-user') {
      for (let i = account.from; i < account.to; i++) {
        new ResourceGroupScopedCrDeveloper(stack, `P${i}`, {
          userName: userName(i),
          resourceGroupIds: scope,
          accountId: ACCOUNT_ID,
        });
      }
      continue;
    }
    for (const [from, to] of teamsOf(account, s.t)) {
      const members: string[] = [];
      for (let i = from; i < to; i++) {
        members.push(new alicloud.ramUser.RamUser(stack, `U${i}`, { name: userName(i) }).name);
      }
      CrAccessTeam.developers(stack, `Team${from / s.t}`, {
        groupName: `team-${from / s.t}`,
        members,
        scope: CrAccessScope.resourceGroups(scope),
        accountId: ACCOUNT_ID,
        membership: mode === 'team-exclusive' ? CrTeamMembership.EXCLUSIVE : CrTeamMembership.PER_MEMBER,
      });
    }
  }
  return app;
}

/** The developer documents a careful user would have written out (not timed). */
export interface TeamDocuments {
  readonly scoped: string[];
  readonly account: string[];
}

export function teamDocuments(): TeamDocuments {
  const split = splitForResourceGroupScope(CrAccess.developer().document);
  return {
    scoped: splitBySize(split.resourceGroupDocument).map((d) => d.render()),
    account:
      split.accountLevelDocument === undefined
        ? []
        : splitBySize(split.accountLevelDocument).map((d) => d.render()),
  };
}

export function buildTeamBaseline(s: TeamSize, outdir: string, docs: TeamDocuments): App {
  const app = new App({ outdir });
  const scope = rgIds(s.m);
  for (const account of accounts(s)) {
    const stack = stackOf(app, account.name);
    const policy = (text: string, k: number) =>
      new alicloud.ramPolicy.RamPolicy(stack, `bench-policy-${k}`, {
        policyName: `bench-policy-${k}`,
        policyDocument: text,
        rotateStrategy: 'DeleteOldestNonDefaultVersionWhenLimitExceeded',
      }).policyName;
    const scoped = docs.scoped.map((t, k) => policy(t, k));
    const accountLevel = docs.account.map((t, k) => policy(t, docs.scoped.length + k));
    for (const [from, to] of teamsOf(account, s.t)) {
      const team = from / s.t;
      const group = new alicloud.ramGroup.RamGroup(stack, `G${team}`, { groupName: `team-${team}` })
        .groupName;
      for (let i = from; i < to; i++) {
        const user = new alicloud.ramUser.RamUser(stack, `U${i}`, { name: userName(i) });
        new alicloud.ramUserGroupAttachment.RamUserGroupAttachment(stack, `M${i}`, {
          groupName: group,
          userName: user.name,
        });
      }
      scope.forEach((rg, g) =>
        scoped.forEach((p, k) => {
          new alicloud.resourceManagerPolicyAttachment.ResourceManagerPolicyAttachment(
            stack,
            `Rg${team}-${g}-${k}`,
            {
              policyName: p,
              policyType: 'Custom',
              principalName: `${group}@group.${ACCOUNT_ID}.onaliyun.com`,
              principalType: 'IMSGroup',
              resourceGroupId: rg,
            },
          );
        }),
      );
      accountLevel.forEach((p, k) => {
        new alicloud.ramGroupPolicyAttachment.RamGroupPolicyAttachment(stack, `Acc${team}-${k}`, {
          groupName: group,
          policyName: p,
          policyType: 'Custom',
        });
      });
    }
  }
  return app;
}

/**
 * The smallest resource count of each shape: principals + distinct documents per account, plus
 * per principal (per-user) or per team (team) one attachment per scoped document and resource group
 * and one per account-level document, plus for teams one group and one membership per member (one
 * per team when exclusive).
 */
export function teamPhysicalMinimum(mode: TeamMode, s: TeamSize, docs: TeamDocuments): number {
  const distinct = (docs.scoped.length + docs.account.length) * accounts(s).length;
  const perGrantee = s.m * docs.scoped.length + docs.account.length;
  if (mode === 'per-user') return s.n + distinct + s.n * perGrantee;
  const teams = teamCount(s);
  return s.n + distinct + teams * (1 + perGrantee) + (mode === 'team-exclusive' ? teams : s.n);
}
