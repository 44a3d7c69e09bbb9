/**
 * `npm run bench:access [-- --resources 50000] [-- --runs 3]`: times the CLI's `diff` of two large
 * `cdk.tf.json` files and `who-can` on one (the stacks of large-stack.ts; the second is the first with
 * one copy fewer at the start and one more at the end, so principals are added and removed and every
 * other principal's access is compared). Each run is a fresh `node dist/src/cli/bin.js` process, timed
 * from spawn to exit; the child reports its CPU time and peak resident memory. Not a test: the targets
 * (diff under 5 s, who-can under 2 s, both under 1 GiB, for 50,000 resources) are in BENCHMARKS.md.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  count,
  type Json,
  largeStack,
  largeStackSources,
  median,
  option,
  writeUsageHook,
} from './large-stack';

function time(
  hook: string,
  args: string[],
  runs: number,
): { wall: number[]; cpu: number[]; rss: number[]; out: Json } {
  const bin = path.join(__dirname, '..', 'src', 'cli', 'bin.js');
  const wall: number[] = [];
  const cpu: number[] = [];
  const rss: number[] = [];
  let out: Json = {};
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    const child = spawnSync(process.execPath, ['--require', hook, bin, ...args], {
      encoding: 'utf8',
      maxBuffer: 1024 * 1024 * 1024,
    });
    wall.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (child.status !== 0 && child.status !== 1) throw new Error(`${args[0]} failed: ${child.stderr}`);
    cpu.push(Number(/cpu ([\d.]+)/.exec(child.stderr)![1]));
    rss.push(Number(/rss (\d+)/.exec(child.stderr)![1]) / 1024);
    out = JSON.parse(child.stdout);
  }
  return { wall, cpu, rss, out };
}

function line(what: string, t: { wall: number[]; cpu: number[]; rss: number[] }): string {
  const s = (xs: number[]) => xs.map((x) => (x / 1000).toFixed(2)).join(', ');
  return `${what}: wall median ${(median(t.wall) / 1000).toFixed(2)} s (${s(t.wall)}), CPU median ${(median(t.cpu) / 1000).toFixed(2)} s (${s(t.cpu)}), peak RSS max ${Math.max(...t.rss).toFixed(0)} MiB`;
}

function main(): void {
  const wanted = Number(option('--resources', '50000'));
  const runs = Number(option('--runs', '3'));
  const sources = largeStackSources();
  const before = largeStack(sources, wanted);
  const after = largeStack(sources, wanted, 1);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-access-'));
  try {
    const files = [path.join(dir, 'before.tf.json'), path.join(dir, 'after.tf.json')];
    fs.writeFileSync(files[0], JSON.stringify(before, null, 2));
    fs.writeFileSync(files[1], JSON.stringify(after, null, 2));
    const hook = writeUsageHook(dir);
    const diff = time(hook, ['diff', ...files, '--format', 'json'], runs);
    const whoCan = time(hook, ['who-can', 'cr:PushRepository', files[0], '--format', 'json'], runs);
    const changed = diff.out.principals.length;
    const may = whoCan.out.inputs[0].principals.length;
    console.log(
      `${line(`diff of ${count(before)} and ${count(after)} resources (${changed} principals changed)`, diff)}\n${line(`who-can cr:PushRepository on ${count(before)} resources (${may} rows)`, whoCan)}\n${runs} runs each; ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}, Node ${process.version}`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
