/**
 * `npm run bench:profile [-- --size 1000x50] [-- --mode constructs|baseline] [-- --runs K]`: CPU-profiles
 * one synthesis per run in a fresh process (node --cpu-prof) and prints where the time goes: the share
 * of each package and the functions with the most self time, averaged over the runs. BENCHMARKS.md's
 * "Where the time goes" comes from this.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : process.argv[i + 1];
}

/** Where a frame's code lives: a package under node_modules, this library, or Node.js itself. */
function owner(url: string): string {
  if (url === '') return 'V8 and Node.js (GC, native)';
  if (url.startsWith('node:')) return 'Node.js internals';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg !== null) return pkg[1];
  if (url.includes('/dist/bench/')) return 'benchmark scenario';
  if (url.includes('/dist/src/generated/')) return 'generated bindings';
  return 'this library';
}

function frame(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file =
    url === '' ? '' : ` ${url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, '')}:${lineNumber + 1}`;
  return `${functionName || '(anonymous)'}${file}`;
}

function main(): void {
  const [n, m] = option('--size', '1000x50').split('x');
  const mode = option('--mode', 'constructs');
  const runs = Number(option('--runs', '3'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-profile-'));
  const selfMs = new Map<string, number>();
  const byOwner = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
  try {
    for (let r = 0; r < runs; r++) {
      const profiles = path.join(dir, `run${r}`);
      execFileSync(process.execPath, [
        '--cpu-prof',
        `--cpu-prof-dir=${profiles}`,
        '--cpu-prof-interval=200',
        path.join(__dirname, 'synth-once.js'),
        mode,
        n,
        m,
        path.join(dir, `out${r}`),
      ]);
      for (const file of fs.readdirSync(profiles)) {
        const profile = JSON.parse(fs.readFileSync(path.join(profiles, file), 'utf8')) as CpuProfile;
        const nodes = new Map(profile.nodes.map((x) => [x.id, x]));
        profile.samples.forEach((id, i) => {
          const node = nodes.get(id)!;
          const ms = profile.timeDeltas[i] / 1000 / runs;
          if (node.callFrame.functionName === '(idle)') return;
          add(selfMs, frame(node), ms);
          add(byOwner, owner(node.callFrame.url), ms);
        });
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const total = [...byOwner.values()].reduce((a, b) => a + b, 0);
  console.log(`${mode}, N=${n} M=${m}: ${total.toFixed(0)} ms of CPU per process (mean of ${runs} runs)\n`);
  console.log('| share | ms | where |\n| -: | -: | --- |');
  for (const [where, ms] of [...byOwner].sort((a, b) => b[1] - a[1]))
    console.log(`| ${((100 * ms) / total).toFixed(0)}% | ${ms.toFixed(0)} | ${where} |`);
  console.log('\n| self ms | function |\n| -: | --- |');
  for (const [fn, ms] of [...selfMs].sort((a, b) => b[1] - a[1]).slice(0, 15))
    console.log(`| ${ms.toFixed(0)} | \`${fn}\` |`);
}

main();
