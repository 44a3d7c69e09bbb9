/**
 * Property tests of the size split (src/policy/size-split.ts) over random documents: catalog actions,
 * repository names of varied lengths, Allow and Deny, Conditions, NotAction and NotResource, and a
 * random maxLength. The oracles do not use the split's code: pairs are expanded from the parts'
 * statements, and the bound and its range are computed from the input's rendering alone.
 */
import * as fc from 'fast-check';
import { CrCatalog, POLICY_DOCUMENT_MAX_LENGTH, PolicyDocument, PolicyStatement } from '../../src/policy';
import { PolicyError } from '../../src/policy/diagnostic';
import {
  type SizeSplit,
  splitBySize,
  splitBySizeWithDiagnostics,
  STABLE_PARTS_FACTOR,
} from '../../src/policy/size-split';

const RUNS = { numRuns: 1000 };
const names = CrCatalog.bundled().actionNames;
const EMPTY_DOCUMENT = '{"Version":"1","Statement":[]}'.length;

/** Repository names of about 45 to 170 characters, each drawn from one number (cheap to generate and shrink). */
const REGIONS = ['*', 'cn-hangzhou', 'ap-southeast-1'];
const repositoryName = fc.nat().map((n) => {
  const account = (n >> 2) % 2 === 0 ? '1234567890123456' : '*';
  const namespace = 'n'.repeat(1 + ((n >> 3) % 30));
  const repository = n.toString(36).padEnd(1 + ((n >> 8) % 90), 'r');
  return `acs:cr:${REGIONS[n % 3]}:${account}:repository/cri-${(n % 9973).toString(36)}/${namespace}/${repository}`;
});
const condition = fc.constantFrom(
  undefined,
  { IpAddress: { 'acs:SourceIp': ['192.0.2.0/24', '198.51.100.0/24'] } },
  { Bool: { 'acs:SecureTransport': ['true'] } },
);
/** NotAction or NotResource in about one statement in ten, when `not` allows them. */
const rarely = (not: boolean) =>
  not ? fc.integer({ min: 0, max: 9 }).map((n) => n === 0) : fc.constant(false);

type RawStatement = Record<string, unknown>;

const rawStatement = (most: { actions: number; resources: number; not: boolean }) =>
  fc
    .record({
      Effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
      actions: fc.subarray(names, { minLength: 1, maxLength: most.actions }),
      resources: fc.array(repositoryName, { minLength: 1, maxLength: most.resources, size: 'max' }),
      notAction: rarely(most.not),
      notResource: rarely(most.not),
      Condition: condition,
    })
    .map(({ Effect, actions, resources, notAction, notResource, Condition }): RawStatement => ({
      Effect,
      [notAction ? 'NotAction' : 'Action']: actions,
      [notResource ? 'NotResource' : 'Resource']: resources,
      ...(Condition === undefined ? {} : { Condition }),
    }));

const documentOf = (statements: RawStatement[]) =>
  PolicyDocument.fromObject({ Version: '1', Statement: statements });

/**
 * What a set of documents grants or denies, as (Effect, action, resource, Condition) units. An Action
 * or Resource item is a unit of its own; a NotAction or NotResource list is one unit, since it must
 * never be cut.
 */
function units(documents: PolicyDocument[]): string[] {
  const out = new Set<string>();
  for (const s of documents.flatMap((d) => d.statements)) {
    const actions = s.notActions.length > 0 ? [`not ${JSON.stringify(s.notActions)}`] : s.actions;
    const resources = s.notResources.length > 0 ? [`not ${JSON.stringify(s.notResources)}`] : s.resources;
    for (const a of actions)
      for (const r of resources) out.add(JSON.stringify([s.effect, a, r, s.conditions]));
  }
  return [...out].sort();
}

const widest = (items: string[]) => Math.max(...items.map((v) => JSON.stringify(v).length));
const listLength = (items: string[]) => JSON.stringify(items).length - 2;
/** A statement's rendering with both lists empty: Effect, key names, brackets and Condition. */
function baseLength(s: PolicyStatement): number {
  const json = s.toJson();
  const lists = ['Action', 'NotAction', 'Resource', 'NotResource'].filter((k) => k in json);
  return JSON.stringify(json).length - lists.reduce((n, k) => n + listLength(json[k] as string[]), 0);
}

/** The smallest piece any exact split must hold: the widest action with the widest resource (Not lists whole). */
function smallestPieceOverLimit(s: PolicyStatement, max: number): boolean {
  const actions = s.notActions.length > 0 ? listLength(s.notActions) : widest(s.actions);
  const resources = s.notResources.length > 0 ? listLength(s.notResources) : widest(s.resources);
  return EMPTY_DOCUMENT + baseLength(s) + actions + resources > max;
}

function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let x = seed;
  for (let i = out.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The same document written in another order: statements, and the items of every list. */
function reordered(statements: RawStatement[], seed: number): RawStatement[] {
  return shuffle(statements, seed).map((s, i) =>
    Object.fromEntries(
      Object.entries(s).map(([k, v]) => [
        k,
        Array.isArray(v) ? shuffle(v as string[], seed + 7919 * (i + 1)) : v,
      ]),
    ),
  );
}

describe('size split properties', () => {
  test('exact and deterministic: every part fits maxLength, the parts together grant and deny exactly the input, shuffled input gives the same parts, and a document is rejected only when a statement has a pair that fits no document', () => {
    fc.assert(
      fc.property(
        fc.array(rawStatement({ actions: 20, resources: 30, not: true }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 250, max: POLICY_DOCUMENT_MAX_LENGTH }),
        fc.integer({ min: 1, max: 2 ** 30 }),
        (statements, max, seed) => {
          const input = documentOf(statements);
          const tooLong = input.statements.flatMap((s, i) => (smallestPieceOverLimit(s, max) ? [i] : []));
          let parts: PolicyDocument[];
          try {
            parts = splitBySize(input, { maxLength: max });
          } catch (e) {
            expect(e).toBeInstanceOf(PolicyError);
            const [d, ...more] = (e as PolicyError).diagnostics;
            expect([d.code, d.location, more]).toEqual([
              'STATEMENT_TOO_LONG',
              `Statement[${tooLong[0]}]`,
              [],
            ]);
            return;
          }
          expect(tooLong).toEqual([]);
          for (const p of parts) expect(p.render().length).toBeLessThanOrEqual(max);
          expect(units(parts)).toEqual(units([input]));
          const again = splitBySize(documentOf(reordered(statements, seed)), { maxLength: max });
          expect(again.map((p) => p.render())).toEqual(parts.map((p) => p.render()));
        },
      ),
      RUNS,
    );
  });

  test("bounded: with r the largest share of maxLength that a statement's Effect, Condition, shorter list and widest item plus the document's own 30 characters take, a document at most (1 - r) / r times maxLength long becomes at least ceil(length / maxLength) and at most STABLE_PARTS_FACTOR times that plus one parts, each within maxLength", () => {
    let over = 0;
    fc.assert(
      fc.property(
        fc.array(rawStatement({ actions: 40, resources: 80, not: false }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1000, max: POLICY_DOCUMENT_MAX_LENGTH }),
        (statements, max) => {
          const input = documentOf(statements);
          const length = input.render().length;
          // Where pieces repeat little (r as in the header of size-split.ts), the fallback is near the minimum.
          const share = Math.max(
            ...input.statements.map(
              (s) =>
                (EMPTY_DOCUMENT +
                  baseLength(s) +
                  Math.min(listLength(s.actions), listLength(s.resources)) +
                  widest([...s.actions, ...s.resources]) +
                  1) /
                max,
            ),
          );
          fc.pre(length / max <= (1 - share) / share);
          const parts = splitBySize(input, { maxLength: max });
          if (length > max) over++;
          for (const p of parts) expect(p.render().length).toBeLessThanOrEqual(max);
          expect(parts.length).toBeGreaterThanOrEqual(Math.ceil(length / max));
          expect(parts.length).toBeLessThanOrEqual(STABLE_PARTS_FACTOR * Math.ceil(length / max) + 1);
        },
      ),
      RUNS,
    );
    expect(over).toBeGreaterThan(RUNS.numRuns / 4);
  });

  test('stable under growth: adding one resource to a long list keeps every part number; with as many parts, at most one part changes; with more parts, no resource moves between existing parts', () => {
    const arn = (i: number, n: number) => `acs:cr:*:*:repository/cri-1/ns/r${i}-`.padEnd(n, 'x');
    let grew = 0;
    let same = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 40, max: 300 }),
        fc.integer({ min: 40, max: 120 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (count, width, extra) => {
          // Grow one resource at a time until a part is added (or 150 steps), so every run sees
          // both kinds of step: growth within the part count and growth past it.
          const names = Array.from({ length: count }, (_, i) => arn(i * 2, width));
          const doc = (list: string[]) =>
            PolicyDocument.of([PolicyStatement.allow(['cr:PullRepository', 'cr:PushRepository'], list)]);
          const byPart = (x: SizeSplit) => new Map(x.parts.map((p, k) => [p, x.documents[k]]));
          const resourcesOf = (d: PolicyDocument) => d.statements.flatMap((st) => st.resources);
          let before = splitBySizeWithDiagnostics(doc(names));
          for (let step = 0; step < 150; step++) {
            const added = arn((extra + step) * 2 + 1, width);
            names.push(added);
            const after = splitBySizeWithDiagnostics(doc(names));
            if (!(before.stable && after.stable && before.documents.length > 1)) {
              before = after;
              continue;
            }
            const old = byPart(before);
            const now = byPart(after);
            for (const part of old.keys()) expect(now.has(part)).toBe(true);
            before = after;
            if (now.size === old.size) {
              same++;
              const changed = [...old].filter(([part, d]) => now.get(part)!.render() !== d.render());
              expect(changed.length).toBeLessThanOrEqual(1);
              continue;
            }
            grew++;
            // Usually one part more; a piece can also tip a second part over at the new count.
            expect(now.size).toBeGreaterThan(old.size);
            for (const [part, d] of old) {
              const kept = new Set([...resourcesOf(d), added]);
              for (const r of resourcesOf(now.get(part)!)) expect(kept.has(r)).toBe(true);
            }
            break;
          }
        },
      ),
      { numRuns: 8 },
    );
    expect(same).toBeGreaterThan(0);
    expect(grew).toBeGreaterThan(0);
  });
});
