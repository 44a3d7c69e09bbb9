/**
 * `npm run bench:check [-- --resources 50000] [-- --runs 3] [-- --gaps]`: times the CLI's `check` on a large
 * `cdk.tf.json`. The file is the benchmark scenario at 1,000 principals x 50 resource groups, built both
 * ways (the constructs, and the hand-written baseline whose resource-group attachments the check must
 * resolve: custom and system policies, account-level attachments), repeated with renamed logical IDs
 * and names until it holds at least the requested number of resources. Each run is a fresh
 * `node dist/src/cli/bin.js check <file> --format json` process, timed from spawn to exit (module
 * loading, reading, parsing, checking and output). Not a test: the target (under 10 s for 50,000
 * resources) is recorded in BENCHMARKS.md. `--keep FILE` keeps the generated stack (for profiling).
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

function main(): void {
  const wanted = Number(option('--resources', '50000'));
  const runs = Number(option('--runs', '3'));
  const sources = largeStackSources();
  // --gaps: the baseline without its account-level attachments, so every scoped grant of it is a finding.
  if (process.argv.includes('--gaps')) delete sources[1].resource.alicloud_ram_user_policy_attachment;
  const stack = largeStack(sources, wanted);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-check-'));
  const file = path.join(dir, 'cdk.tf.json');
  try {
    fs.writeFileSync(file, JSON.stringify(stack, null, 2));
    const bytes = fs.statSync(file).size;
    const bin = path.join(__dirname, '..', 'src', 'cli', 'bin.js');
    // The child reports its own CPU time (user + system) at exit: unlike wall time, it does not grow
    // when other processes share the machine.
    const hook = writeUsageHook(dir);
    const wall: number[] = [];
    const cpu: number[] = [];
    let report: Json = {};
    for (let r = 0; r < runs; r++) {
      const start = process.hrtime.bigint();
      const child = spawnSync(process.execPath, ['--require', hook, bin, 'check', file, '--format', 'json'], {
        encoding: 'utf8',
        maxBuffer: 1024 * 1024 * 1024,
      });
      wall.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (child.status !== 0 && child.status !== 1) throw new Error(`check failed: ${child.stderr}`);
      cpu.push(Number(/cpu ([\d.]+)/.exec(child.stderr)![1]));
      report = JSON.parse(child.stdout);
    }
    const s = (xs: number[]) => xs.map((t) => (t / 1000).toFixed(2)).join(', ');
    console.log(
      `check on ${count(stack)} resources (${(bytes / 1024 / 1024).toFixed(1)} MiB cdk.tf.json, ${report.attachmentsChecked} resource-group attachments, ${report.findings.length} findings), ${runs} runs: wall median ${(median(wall) / 1000).toFixed(2)} s (${s(wall)}), CPU median ${(median(cpu) / 1000).toFixed(2)} s (${s(cpu)}); ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}, Node ${process.version}`,
    );
  } finally {
    const keep = option('--keep', '');
    if (keep !== '') fs.copyFileSync(file, keep);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
