/**
 * `npm run bench [-- --json FILE] [-- --sizes 10x1,100x10] [-- --team-sizes 1000x50,10000x100x20] [-- --runs K]`:
 *   1. synthesizes stacks of N principals x M resource groups (one group each) with the constructs and
 *      with the hand-written baseline;
 *   2. synthesizes the "everyone everywhere" platform (teams-scenario.ts: N principals, each in all M
 *      groups, teams of T; T defaults to N) per user, with CrAccessTeam (both membership forms), and
 *      as a hand-written team baseline. Without --team-sizes it uses --sizes (one team each) when given, else TEAM_SIZES.
 * Runs alternate in fresh processes; the report gives medians. Not a test: nothing in `npm test`
 * depends on timings.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TEAM_MODES, teamDocuments, teamPhysicalMinimum } from './teams-scenario';

interface Run {
  mode: string;
  n: number;
  m: number;
  wallMs: number;
  peakRssMiB: number;
  resources: { [type: string]: number };
  resourceCount: number;
  customPolicies: number;
  bytes: number;
  physicalMinimum: number;
  stacks: number;
}

type Measured = Run & { processMs: number };

const DEFAULT_SIZES = ['10x1', '10x10', '10x50', '100x1', '100x10', '100x50', '1000x1', '1000x10', '1000x50'];
const TEAM_SIZES = ['10x1', '100x10', '1000x50', '10000x100x20'];
/**
 * Per-user constructs are not run past this many resource-group attachments: at 10,000 x 100 they
 * would be a million resources (see BENCHMARKS.md for what happens when one tries).
 */
const PER_USER_MAX_ATTACHMENTS = 200_000;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

function runOnce(mode: string, n: number, m: number, t?: number): Run & { processMs: number } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${mode}-`));
  try {
    const start = process.hrtime.bigint();
    const out = execFileSync(
      process.execPath,
      [
        path.join(__dirname, 'synth-once.js'),
        mode,
        String(n),
        String(m),
        outdir,
        ...(t === undefined ? [] : [String(t)]),
      ],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const processMs = Number(process.hrtime.bigint() - start) / 1e6;
    return { ...JSON.parse(out.trim().split('\n').pop()!), processMs };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function main(): void {
  const sizeOption = option('--sizes');
  const sizes = (sizeOption?.split(',') ?? DEFAULT_SIZES).map(
    (s) => s.split('x').map(Number) as [number, number],
  );
  const runs = Number(option('--runs') ?? 5);
  const rows = presetScenario(sizes, runs);
  const teamSizes = (option('--team-sizes')?.split(',') ?? sizeOption?.split(',') ?? TEAM_SIZES).map((s) => {
    const [n, m, t] = s.split('x').map(Number);
    return { n, m, t: t ?? n };
  });
  const teamRows = teamScenario(teamSizes, runs);
  const jsonFile = option('--json');
  if (jsonFile !== undefined) {
    fs.writeFileSync(
      jsonFile,
      `${JSON.stringify({ machine: { cpus: os.cpus().length, node: process.version }, runs, rows, teamRows }, null, 2)}\n`,
    );
    console.log(`\nwrote ${jsonFile}`);
  }
}

function presetScenario(sizes: [number, number][], runs: number) {
  const rows = [];
  for (const [n, m] of sizes) {
    const ours: (Run & { processMs: number })[] = [];
    const base: (Run & { processMs: number })[] = [];
    for (let r = 0; r < runs; r++) {
      ours.push(runOnce('constructs', n, m));
      base.push(runOnce('baseline', n, m));
    }
    const row = {
      n,
      m,
      constructsMs: median(ours.map((x) => x.wallMs)),
      baselineMs: median(base.map((x) => x.wallMs)),
      ratio: median(ours.map((x, i) => x.wallMs / base[i].wallMs)),
      constructsProcessMs: median(ours.map((x) => x.processMs)),
      baselineProcessMs: median(base.map((x) => x.processMs)),
      processRatio: median(ours.map((x, i) => x.processMs / base[i].processMs)),
      constructsRssMiB: Math.max(...ours.map((x) => x.peakRssMiB)),
      baselineRssMiB: Math.max(...base.map((x) => x.peakRssMiB)),
      resources: ours[0].resourceCount,
      baselineResources: base[0].resourceCount,
      physicalMinimum: ours[0].physicalMinimum,
      customPolicies: ours[0].customPolicies,
      bytes: ours[0].bytes,
      baselineBytes: base[0].bytes,
      resourcesByType: ours[0].resources,
    };
    rows.push(row);
    console.log(
      `N=${n} M=${m}: synth ${row.constructsMs.toFixed(0)} vs ${row.baselineMs.toFixed(0)} ms (ratio ${row.ratio.toFixed(2)}), process ${row.constructsProcessMs.toFixed(0)} vs ${row.baselineProcessMs.toFixed(0)} ms (ratio ${row.processRatio.toFixed(2)}), ${row.resources} resources (minimum ${row.physicalMinimum}), ${row.customPolicies} custom policies`,
    );
  }
  console.log('');
  console.log(
    '| N | M | synth ms ours / base | ratio | process ms ours / base | ratio | peak RSS MiB ours / base | resources ours / base / minimum | custom policies | cdk.tf.json bytes ours / base |',
  );
  console.log('| -: | -: | -: | -: | -: | -: | -: | -: | -: | -: |');
  for (const r of rows) {
    console.log(
      `| ${r.n} | ${r.m} | ${r.constructsMs.toFixed(0)} / ${r.baselineMs.toFixed(0)} | ${r.ratio.toFixed(2)} | ${r.constructsProcessMs.toFixed(0)} / ${r.baselineProcessMs.toFixed(0)} | ${r.processRatio.toFixed(2)} | ${r.constructsRssMiB.toFixed(0)} / ${r.baselineRssMiB.toFixed(0)} | ${r.resources} / ${r.baselineResources} / ${r.physicalMinimum} | ${r.customPolicies} | ${r.bytes} / ${r.baselineBytes} |`,
    );
  }
  return rows;
}

function teamScenario(sizes: { n: number; m: number; t: number }[], runs: number) {
  const rows = [];
  for (const { n, m, t } of sizes) {
    const modes = TEAM_MODES.filter((mode) => mode !== 'per-user' || n * m <= PER_USER_MAX_ATTACHMENTS);
    const byMode = new Map<string, Measured[]>(modes.map((mode) => [mode, []]));
    for (let r = 0; r < runs; r++) for (const mode of modes) byMode.get(mode)!.push(runOnce(mode, n, m, t));
    const team = byMode.get('team')!;
    const base = byMode.get('team-baseline')!;
    const perUser = byMode.get('per-user');
    const exclusive = byMode.get('team-exclusive')!;
    const summary = (xs: Measured[] | undefined) =>
      xs === undefined
        ? undefined
        : {
            synthMs: median(xs.map((x) => x.wallMs)),
            processMs: median(xs.map((x) => x.processMs)),
            peakRssMiB: Math.max(...xs.map((x) => x.peakRssMiB)),
            resources: xs[0].resourceCount,
            physicalMinimum: xs[0].physicalMinimum,
            bytes: xs[0].bytes,
            stacks: xs[0].stacks,
            resourcesByType: xs[0].resources,
          };
    const row = {
      n,
      m,
      t,
      perUser: summary(perUser),
      team: summary(team)!,
      teamExclusive: summary(exclusive)!,
      teamBaseline: summary(base)!,
      teamVsBaseline: median(team.map((x, i) => x.wallMs / base[i].wallMs)),
      teamVsPerUser:
        perUser === undefined ? undefined : median(team.map((x, i) => x.wallMs / perUser[i].wallMs)),
      exclusiveVsPerUser:
        perUser === undefined ? undefined : median(exclusive.map((x, i) => x.wallMs / perUser[i].wallMs)),
    };
    rows.push(row);
    console.log(
      `N=${n} M=${m} T=${t}: team ${row.team.synthMs.toFixed(0)} ms, ${row.team.resources} resources; baseline ${row.teamBaseline.synthMs.toFixed(0)} ms (ratio ${row.teamVsBaseline.toFixed(2)}); per user ${row.perUser === undefined ? 'not run' : `${row.perUser.synthMs.toFixed(0)} ms, ${row.perUser.resources} resources (team/per-user ${row.teamVsPerUser!.toFixed(3)})`}`,
    );
  }
  console.log('');
  console.log(
    '| N | M | T | way | stacks | synth ms | process ms | peak RSS MiB | resources / minimum | cdk.tf.json bytes | synth ratio |',
  );
  console.log('| -: | -: | -: | --- | -: | -: | -: | -: | -: | -: | --- |');
  for (const r of rows) {
    const line = (way: string, x: typeof r.perUser, ratio: string) =>
      console.log(
        x === undefined
          ? `| ${r.n} | ${r.m} | ${r.t} | ${way} | | not run | | | ${teamPhysicalMinimum('per-user', r, teamDocuments())} (minimum) | | |`
          : `| ${r.n} | ${r.m} | ${r.t} | ${way} | ${x.stacks} | ${x.synthMs.toFixed(0)} | ${x.processMs.toFixed(0)} | ${x.peakRssMiB.toFixed(0)} | ${x.resources} / ${x.physicalMinimum} | ${x.bytes} | ${ratio} |`,
      );
    line('per-user constructs', r.perUser, '');
    line(
      'CrAccessTeam',
      r.team,
      `${r.teamVsBaseline.toFixed(2)}× baseline${r.teamVsPerUser === undefined ? '' : `, ${r.teamVsPerUser.toFixed(3)}× per-user`}`,
    );
    line(
      'CrAccessTeam, exclusive membership',
      r.teamExclusive,
      r.exclusiveVsPerUser === undefined ? '' : `${r.exclusiveVsPerUser.toFixed(3)}× per-user`,
    );
    line('team baseline (by hand)', r.teamBaseline, '');
  }
  return rows;
}

main();
