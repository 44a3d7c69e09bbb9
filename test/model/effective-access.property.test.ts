/**
 * The evaluator against a brute force written from src/model/access-rules.ts's header alone (its own
 * glob matcher, its own reading of the resources): random small configurations of users, groups,
 * memberships in both forms, policies with Allow and Deny, Action and NotAction, Resource and
 * NotResource, Conditions, attached at account scope (both attachment types) and in resource groups.
 */
import * as fc from 'fast-check';
import { AccessDecision } from '../../src/model/access-rules';
import { EffectiveAccess } from '../../src/model/effective-access';
import { ResourceMode, type TerraformResource } from '../../src/model/terraform';
import { CrCatalog } from '../../src/policy';

const RUNS = { numRuns: 10_000 };
const ACCOUNT_ID = '1234567890123456';
/** A small catalog: two actions resource groups support, two they ignore. */
const CATALOG = CrCatalog.fromActions([
  { name: 'cr:GetRepository', supportsResourceGroup: true },
  { name: 'cr:PushRepository', supportsResourceGroup: true },
  { name: 'cr:GetUserInfo', supportsResourceGroup: false },
  { name: 'cr:ListInstanceUser', supportsResourceGroup: false },
]);
const RG_UNSUPPORTED = new Set(['cr:getuserinfo', 'cr:listinstanceuser']);
const ACTION_PATTERNS = [
  'cr:*',
  'cr:Get*',
  'cr:get*',
  'cr:PushRepository',
  'cr:getuserinfo',
  'cr:List?nstance*',
  'cr:Unlisted',
  'ecs:*',
];
const RESOURCE_PATTERNS = ['*', 'acs:cr:*:*:instance/cri-a', 'acs:cr:*:*:*'];
const USERS = ['u0', 'u1', 'u2'];
const GROUPS = ['g0', 'g1'];
const RGS = ['rg-1', 'rg-2'];

interface Statement {
  effect: 'Allow' | 'Deny';
  notAction: boolean;
  actions: string[];
  notResource: boolean;
  resources: string[];
  condition: boolean;
}
interface Attachment {
  kind: 'user' | 'group';
  who: number;
  policy: number;
  /** undefined: account scope. */
  rg?: string;
  /** For account scope: the RAM attachment, or a Resource Management one on the account ID. */
  viaResourceManager: boolean;
}
interface Config {
  policies: Statement[][];
  memberships: { user: number; group: number; form: 'membership' | 'attachment' }[];
  attachments: Attachment[];
}

const statement = fc.record({
  effect: fc.constantFrom<'Allow' | 'Deny'>('Allow', 'Allow', 'Deny'),
  notAction: fc.boolean(),
  actions: fc.uniqueArray(fc.constantFrom(...ACTION_PATTERNS), { minLength: 1, maxLength: 2 }),
  notResource: fc.boolean(),
  resources: fc.uniqueArray(fc.constantFrom(...RESOURCE_PATTERNS), { minLength: 1, maxLength: 2 }),
  condition: fc.boolean(),
});
const config: fc.Arbitrary<Config> = fc.record({
  policies: fc.array(fc.array(statement, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 }),
  memberships: fc.array(
    fc.record({
      user: fc.nat(USERS.length - 1),
      group: fc.nat(GROUPS.length - 1),
      form: fc.constantFrom<'membership' | 'attachment'>('membership', 'attachment'),
    }),
    { maxLength: 3 },
  ),
  attachments: fc.array(
    fc.record({
      kind: fc.constantFrom<'user' | 'group'>('user', 'group'),
      who: fc.nat(1),
      policy: fc.nat(2),
      rg: fc.option(fc.constantFrom(...RGS), { nil: undefined }),
      viaResourceManager: fc.boolean(),
    }),
    { maxLength: 4 },
  ),
});

function resource(
  resourceType: string,
  name: string,
  attributes: { [k: string]: unknown },
): TerraformResource {
  return { mode: ResourceMode.MANAGED, resourceType, name, attributes, location: { file: 'random' } };
}

/** The configuration as resources, the way a synthesized stack writes it. */
function resourcesOf(c: Config): TerraformResource[] {
  const out: TerraformResource[] = [];
  USERS.forEach((u) => out.push(resource('alicloud_ram_user', u, { name: u })));
  GROUPS.forEach((g) => out.push(resource('alicloud_ram_group', g, { name: g })));
  c.policies.forEach((statements, i) => {
    const Statement = statements.map((s) => ({
      Effect: s.effect,
      [s.notAction ? 'NotAction' : 'Action']: s.actions,
      [s.notResource ? 'NotResource' : 'Resource']: s.resources,
      ...(s.condition ? { Condition: { IpAddress: { 'acs:SourceIp': ['10.0.0.0/8'] } } } : {}),
    }));
    out.push(
      resource('alicloud_ram_policy', `p${i}`, {
        policy_name: `p${i}`,
        policy_document: JSON.stringify({ Version: '1', Statement }),
      }),
    );
  });
  c.memberships.forEach((m, i) => {
    const user = `\${alicloud_ram_user.${USERS[m.user]}.name}`;
    const group = `\${alicloud_ram_group.${GROUPS[m.group]}.name}`;
    out.push(
      m.form === 'membership'
        ? resource('alicloud_ram_group_membership', `m${i}`, { group_name: group, user_names: [user] })
        : resource('alicloud_ram_user_group_attachment', `m${i}`, { group_name: group, user_name: user }),
    );
  });
  c.attachments.forEach((a, i) => {
    if (a.policy >= c.policies.length) return;
    const name = a.kind === 'user' ? USERS[a.who] : GROUPS[a.who];
    const policy = `\${alicloud_ram_policy.p${a.policy}.policy_name}`;
    if (a.rg === undefined && !a.viaResourceManager) {
      const [type, attr] =
        a.kind === 'user'
          ? ['alicloud_ram_user_policy_attachment', 'user_name']
          : ['alicloud_ram_group_policy_attachment', 'group_name'];
      out.push(resource(type, `a${i}`, { [attr]: name, policy_name: policy, policy_type: 'Custom' }));
    } else {
      out.push(
        resource('alicloud_resource_manager_policy_attachment', `a${i}`, {
          principal_name: `${name}@${ACCOUNT_ID}.onaliyun.com`,
          principal_type: a.kind === 'user' ? 'IMSUser' : 'IMSGroup',
          policy_name: policy,
          policy_type: 'Custom',
          resource_group_id: a.rg ?? ACCOUNT_ID,
        }),
      );
    }
  });
  return out;
}

// ---- The brute force: nothing below uses the evaluator or src/policy's matching. ----

/** `*` any run, `?` one character, case as given. */
function glob(pattern: string, text: string, ignoreCase: boolean): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const t = ignoreCase ? text.toLowerCase() : text;
  const go = (i: number, j: number): boolean => {
    if (i === p.length) return j === t.length;
    if (p[i] === '*') return go(i + 1, j) || (j < t.length && go(i, j + 1));
    return j < t.length && (p[i] === '?' || p[i] === t[j]) && go(i + 1, j + 1);
  };
  return go(0, 0);
}

/** 0 none, 1 in part or under a Condition, 2 fully; the request is every resource (`*`), no Condition. */
function reach(s: Statement, action: string): number {
  const named = s.actions.some((p) => glob(p, action, true));
  if (named === s.notAction) return 0;
  const everything = s.resources.some((p) => glob(p, '*', false));
  const resources = s.notResource ? (everything ? 0 : 1) : everything ? 2 : 1;
  return resources === 0 ? 0 : s.condition ? 1 : resources;
}

function bruteForce(
  c: Config,
  principal: { kind: 'user' | 'group'; index: number },
  rg: string | undefined,
  action: string,
) {
  const groups =
    principal.kind === 'user'
      ? new Set(c.memberships.filter((m) => m.user === principal.index).map((m) => m.group))
      : new Set<number>();
  const held = c.attachments.filter(
    (a) =>
      a.policy < c.policies.length &&
      ((a.kind === principal.kind && a.who === principal.index) ||
        (a.kind === 'group' && principal.kind === 'user' && groups.has(a.who))),
  );
  let allow = 0;
  let deny = 0;
  for (const a of held) {
    if (a.rg !== undefined && (a.rg !== rg || RG_UNSUPPORTED.has(action.toLowerCase()))) continue;
    for (const s of c.policies[a.policy]) {
      const r = reach(s, action);
      if (s.effect === 'Deny') deny = Math.max(deny, r);
      else allow = Math.max(allow, r);
    }
  }
  if (deny === 2) return AccessDecision.DENY;
  if (allow === 2) return deny === 0 ? AccessDecision.ALLOW : AccessDecision.CONDITIONAL;
  return allow === 1 ? AccessDecision.CONDITIONAL : undefined;
}

function universe(c: Config): string[] {
  const attached = new Set(c.attachments.map((a) => a.policy));
  const named = c.policies
    .filter((_, i) => attached.has(i))
    .flat()
    .flatMap((s) => s.actions)
    .filter((a) => a.startsWith('cr:') && !a.includes('*') && !a.includes('?'))
    .filter((a) => !CATALOG.actionNames.some((n) => n.toLowerCase() === a.toLowerCase()));
  return [...CATALOG.actionNames, ...[...new Set(named)].sort()];
}

test('for every principal, scope (account, each group, a group never named) and action, the evaluator decides as the rules do, brute-forced', () => {
  fc.assert(
    fc.property(config, (c) => {
      const model = EffectiveAccess.of(resourcesOf(c), { catalog: CATALOG });
      expect(model.actions).toEqual(universe(c));
      const principals = [
        ...USERS.map((_, index) => ({ kind: 'user' as const, index, key: `IMSUser:${USERS[index]}` })),
        ...GROUPS.map((_, index) => ({ kind: 'group' as const, index, key: `IMSGroup:${GROUPS[index]}` })),
      ];
      for (const p of principals) {
        for (const rg of [undefined, ...RGS, 'rg-never-named']) {
          const decisions = model.decisions(p.key, rg);
          model.actions.forEach((action, i) => {
            const expected = bruteForce(c, p, rg, action);
            if (decisions[i] !== expected)
              throw new Error(`${p.key} ${rg ?? 'account'} ${action}: ${decisions[i]} != ${expected}`);
          });
        }
      }
    }),
    RUNS,
  );
});
