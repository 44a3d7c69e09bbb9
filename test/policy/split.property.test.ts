/**
 * Property tests of the split, the canonical rendering and the size limit, over documents built from
 * catalog actions, wildcards, other services' actions, resources, conditions, Allow and Deny.
 * Wildcard matching is re-implemented here (`oracleMatches`) so the properties do not trust the
 * engine's own matcher.
 */
import * as fc from 'fast-check';
import {
  CrCatalog,
  POLICY_DOCUMENT_MAX_LENGTH,
  PolicyDocument,
  type PolicyStatement,
  splitBySize,
  splitForResourceGroupScope,
} from '../../src/policy';

const RUNS = { numRuns: 1000 };
const catalog = CrCatalog.bundled();
const names = catalog.actionNames;
const unsupported = new Set(catalog.resourceGroupUnsupportedActions);

const oracleCache = new Map<string, boolean>();

function oracleMatches(pattern: string, action: string): boolean {
  const key = `${pattern}\u0000${action}`;
  let hit = oracleCache.get(key);
  if (hit === undefined) {
    hit = globMatches(pattern, action);
    oracleCache.set(key, hit);
  }
  return hit;
}

function globMatches(pattern: string, action: string): boolean {
  // RAM: * any run, ? one character, action names compared without regard to case.
  const p = pattern.toLowerCase();
  const a = action.toLowerCase();
  const memo = new Map<string, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    if (memo.has(key)) return memo.get(key)!;
    let r: boolean;
    if (i === p.length) r = j === a.length;
    else if (p[i] === '*') r = go(i + 1, j) || (j < a.length && go(i, j + 1));
    else r = j < a.length && (p[i] === '?' || p[i] === a[j]) && go(i + 1, j + 1);
    memo.set(key, r);
    return r;
  };
  return go(0, 0);
}

const catalogAction = fc.constantFrom(...names);
const wildcard = fc
  .tuple(catalogAction, fc.integer({ min: 0, max: 1000 }), fc.boolean())
  .map(([name, n, question]) => {
    const cut = 3 + (n % (name.length - 3)); // a position inside the name, after "cr:"
    return question ? `${name.slice(0, cut)}?${name.slice(cut + 1)}` : `${name.slice(0, cut)}*`;
  });
const otherService = fc.constantFrom('ecs:DescribeInstances', 'oss:GetObject', 'vpc:*');
const action = fc.oneof(
  { weight: 5, arbitrary: catalogAction },
  { weight: 3, arbitrary: wildcard },
  { weight: 1, arbitrary: otherService },
);
const resource = fc.constantFrom(
  '*',
  'acs:cr:*:*:repository/cri-1/*',
  'acs:cr:*:*:instance/cri-2',
  'acs:cr:cn-hangzhou:*:namespace/cri-1/team-a',
);
const condition = fc.constantFrom(
  undefined,
  { IpAddress: { 'acs:SourceIp': ['192.0.2.0/24'] } },
  { Bool: { 'acs:MFAPresent': ['true'] } },
);
const statement = fc.record({
  Effect: fc.constantFrom('Allow', 'Allow', 'Allow', 'Deny'),
  Action: fc.array(action, { minLength: 1, maxLength: 8 }),
  Resource: fc.array(resource, { minLength: 1, maxLength: 2 }),
  Condition: condition,
});
const rawDocument = fc.array(statement, { minLength: 1, maxLength: 6 }).map((statements) => ({
  Version: '1',
  Statement: statements.map(({ Condition, ...s }) => (Condition === undefined ? s : { ...s, Condition })),
}));

type Raw = {
  Version: string;
  Statement: { Effect: string; Action: string[]; Resource: string[]; Condition?: object }[];
};

function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let x = Math.abs(seed) + 1;
  for (let i = out.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const sameScope = (a: PolicyStatement, b: PolicyStatement) =>
  JSON.stringify([a.resources, a.notResources, a.conditions]) ===
  JSON.stringify([b.resources, b.notResources, b.conditions]);
const matchesAny = (s: PolicyStatement, a: string) => s.actions.some((p) => oracleMatches(p, a));
const deniedEverywhere = (doc: PolicyDocument, a: string) =>
  doc.statements.some(
    (d) =>
      d.effect === 'Deny' &&
      d.resources.includes('*') &&
      Object.keys(d.conditions).length === 0 &&
      matchesAny(d, a),
  );

describe('split properties', () => {
  test('nothing lost: every action the input allows is allowed at resource-group scope or by the account-level document', () => {
    fc.assert(
      fc.property(rawDocument, (raw) => {
        const input = PolicyDocument.fromObject(raw);
        const { resourceGroupDocument, accountLevelDocument } = splitForResourceGroupScope(input);
        expect(resourceGroupDocument.isSameAs(input)).toBe(true);
        const accountAllows = (accountLevelDocument?.statements ?? []).filter((s) => s.effect === 'Allow');
        const lost: string[] = [];
        for (const s of input.statements.filter((st) => st.effect === 'Allow')) {
          for (const a of names.filter((n) => unsupported.has(n) && matchesAny(s, n))) {
            if (deniedEverywhere(input, a)) continue;
            if (!accountAllows.some((t) => sameScope(s, t) && t.actions.includes(a))) lost.push(a);
          }
        }
        expect(lost).toEqual([]);
      }),
      RUNS,
    );
  });

  test('nothing added: account-level Allows list only unsupported actions the input allowed, explicitly, with the same Resource and Condition', () => {
    fc.assert(
      fc.property(rawDocument, (raw) => {
        const input = PolicyDocument.fromObject(raw);
        const account = splitForResourceGroupScope(input).accountLevelDocument;
        const inputOf = (effect: string) => input.statements.filter((s) => s.effect === effect);
        const granted = new Set<string>();
        const added: string[] = [];
        for (const t of account?.statements ?? []) {
          for (const a of t.actions) {
            if (/[*?]/.test(a)) added.push(`${a}: a wildcard`);
            if (!unsupported.has(a)) added.push(`${a}: supports resource groups`);
            if (!inputOf(t.effect).some((s) => sameScope(s, t) && matchesAny(s, a))) {
              added.push(`${t.effect} ${a}: no input statement with the same scope matches it`);
            }
            if (t.effect === 'Allow') granted.add(a);
          }
        }
        for (const t of (account?.statements ?? []).filter((s) => s.effect === 'Deny')) {
          for (const a of t.actions.filter((x) => !granted.has(x)))
            added.push(`Deny ${a}: not granted at account level`);
        }
        expect(added).toEqual([]);
      }),
      RUNS,
    );
  });

  test('determinism: shuffling statements, actions and resources gives byte-identical output', () => {
    fc.assert(
      fc.property(rawDocument, fc.integer({ min: 1, max: 2 ** 30 }), (raw: Raw, seed) => {
        const shuffled: Raw = {
          Version: '1',
          Statement: shuffle(raw.Statement, seed).map((s, i) => ({
            ...s,
            Action: shuffle(s.Action, seed + i),
            Resource: shuffle(s.Resource, seed + 7919 * i),
          })),
        };
        const a = splitForResourceGroupScope(PolicyDocument.fromObject(raw));
        const b = splitForResourceGroupScope(PolicyDocument.fromObject(shuffled));
        expect(b.resourceGroupDocument.render()).toBe(a.resourceGroupDocument.render());
        expect(b.accountLevelDocument?.render()).toBe(a.accountLevelDocument?.render());
      }),
      RUNS,
    );
  });
});

describe('rendering and size properties', () => {
  const bigDocument = fc.array(statement, { minLength: 1, maxLength: 40 }).map((statements) => ({
    Version: '1',
    Statement: statements.map(({ Condition, ...s }) => (Condition === undefined ? s : { ...s, Condition })),
  }));

  test('parse(render(d)) round-trips', () => {
    fc.assert(
      fc.property(rawDocument, (raw) => {
        const d = PolicyDocument.fromObject(raw);
        expect(PolicyDocument.fromJson(d.render()).render()).toBe(d.render());
        expect(PolicyDocument.fromJson(d.render()).toJson()).toEqual(d.toJson());
      }),
      RUNS,
    );
  });

  test('every document after the size split is within the limit and together they grant exactly the input', () => {
    const facts = (docs: PolicyDocument[]) =>
      docs
        .flatMap((d) =>
          d.statements.flatMap((s) =>
            s.actions.flatMap((a) => s.resources.map((r) => JSON.stringify([s.effect, a, r, s.conditions]))),
          ),
        )
        .sort();
    fc.assert(
      fc.property(bigDocument, fc.integer({ min: 300, max: POLICY_DOCUMENT_MAX_LENGTH }), (raw, max) => {
        const d = PolicyDocument.fromObject(raw);
        const parts = splitBySize(d, { maxLength: max });
        for (const p of parts) expect(p.render().length).toBeLessThanOrEqual(max);
        expect([...new Set(facts(parts))]).toEqual([...new Set(facts([d]))]);
        const all = splitForResourceGroupScope(d).accountLevelDocument;
        for (const p of all === undefined ? [] : splitBySize(all)) {
          expect(p.render().length).toBeLessThanOrEqual(POLICY_DOCUMENT_MAX_LENGTH);
        }
      }),
      RUNS,
    );
  });
});
