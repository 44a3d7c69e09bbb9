/**
 * `npm run bench [-- --json FILE] [-- --sizes 10x1,100x10] [-- --runs K]`: synthesizes stacks of N
 * principals x M resource groups with the constructs and with the hand-written baseline, alternating
 * runs in fresh processes, and reports medians. Not a test: nothing in `npm test` depends on timings.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

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
}

const DEFAULT_SIZES = ['10x1', '10x10', '10x50', '100x1', '100x10', '100x50', '1000x1', '1000x10', '1000x50'];

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

function runOnce(mode: string, n: number, m: number): Run & { processMs: number } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${mode}-`));
  try {
    const start = process.hrtime.bigint();
    const out = execFileSync(
      process.execPath,
      [path.join(__dirname, 'synth-once.js'), mode, String(n), String(m), outdir],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const processMs = Number(process.hrtime.bigint() - start) / 1e6;
    return { ...JSON.parse(out.trim().split('\n').pop()!), processMs };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function main(): void {
  const sizes = (option('--sizes')?.split(',') ?? DEFAULT_SIZES).map(
    (s) => s.split('x').map(Number) as [number, number],
  );
  const runs = Number(option('--runs') ?? 5);
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
  const jsonFile = option('--json');
  if (jsonFile !== undefined) {
    fs.writeFileSync(
      jsonFile,
      `${JSON.stringify({ machine: { cpus: os.cpus().length, node: process.version }, runs, rows }, null, 2)}\n`,
    );
    console.log(`\nwrote ${jsonFile}`);
  }
}

main();
