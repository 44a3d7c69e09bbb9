/** Smoke test of the benchmark (no timings): the ways of each scenario synthesize the resources they should. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  buildBaseline,
  buildWithConstructs,
  handWrittenDocuments,
  physicalMinimum,
} from '../../bench/scenario';
import {
  accounts,
  buildTeamBaseline,
  buildTeams,
  teamDocuments,
  teamPhysicalMinimum,
} from '../../bench/teams-scenario';
import { GROUPS_PER_ACCOUNT_MAX, USERS_PER_ACCOUNT_MAX } from '../../src';

/** Resources by type, summed over the app's stacks. */
function counts(build: (outdir: string) => { synth(): void }): Record<string, number> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-smoke-'));
  build(outdir).synth();
  const out: Record<string, number> = {};
  for (const stack of fs.readdirSync(path.join(outdir, 'stacks'))) {
    const file = path.join(outdir, 'stacks', stack, 'cdk.tf.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const [t, r] of Object.entries(json.resource))
      out[t] = (out[t] ?? 0) + Object.keys(r as object).length;
  }
  return out;
}

const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);

test('the benchmark scenario builds the same resources with the constructs and by hand, at the physical minimum', () => {
  const size = { n: 10, m: 2 };
  const documents = handWrittenDocuments(size);
  const ours = counts((o) => buildWithConstructs(size, o));
  const base = counts((o) => buildBaseline(size, o, documents));
  expect(ours).toEqual(base);
  expect(total(ours)).toBe(physicalMinimum(size, documents));
});

test('the team scenario builds the same resources with CrAccessTeam and by hand, and each way its physical minimum', () => {
  const size = { n: 10, m: 3, t: 4 };
  const docs = teamDocuments();
  const team = counts((o) => buildTeams('team', size, o));
  expect(team).toEqual(counts((o) => buildTeamBaseline(size, o, docs)));
  expect(total(team)).toBe(teamPhysicalMinimum('team', size, docs));
  expect(total(counts((o) => buildTeams('per-user', size, o)))).toBe(
    teamPhysicalMinimum('per-user', size, docs),
  );
});

test('a platform beyond one account is split into the fewest accounts within RAM user and group limits', () => {
  const split = accounts({ n: 10_000, m: 100, t: 20 });
  expect(split.map((a) => [a.name, a.to - a.from])).toEqual([
    ['bench-0', USERS_PER_ACCOUNT_MAX],
    ['bench-1', USERS_PER_ACCOUNT_MAX],
  ]);
  expect(USERS_PER_ACCOUNT_MAX / 20).toBeLessThanOrEqual(GROUPS_PER_ACCOUNT_MAX);
  expect(accounts({ n: 1000, m: 50, t: 1000 }).map((a) => a.name)).toEqual(['bench']);
});
