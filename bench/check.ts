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
import { buildBaseline, buildWithConstructs, handWrittenDocuments } from './scenario';

type Json = { [key: string]: any };

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : process.argv[i + 1];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

function synthesized(build: (outdir: string) => { synth(): void }): Json {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-check-'));
  try {
    build(dir).synth();
    return JSON.parse(fs.readFileSync(path.join(dir, 'stacks', 'bench', 'cdk.tf.json'), 'utf8'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Names that identify a principal or a policy: renamed per copy, so copies do not merge. */
const NAME_ATTRIBUTES: { [type: string]: string } = {
  alicloud_ram_user: 'name',
  alicloud_ram_group: 'group_name',
  alicloud_ram_policy: 'policy_name',
};

/** One more copy of `config`'s resources under `out`, every logical ID and name suffixed. */
function addCopy(out: Json, config: Json, suffix: string): void {
  const rename = (v: unknown): unknown => {
    if (typeof v === 'string')
      return v.replace(/\$\{((?:data\.)?[a-z0-9_]+)\.([\w-]+)\./g, `\${$1.$2${suffix}.`);
    if (Array.isArray(v)) return v.map(rename);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rename(x)]));
    }
    return v;
  };
  for (const block of ['resource', 'data']) {
    for (const [type, byName] of Object.entries((config[block] ?? {}) as Json)) {
      const target = ((out[block] ??= {})[type] ??= {});
      for (const [name, body] of Object.entries(byName as Json)) {
        const copy = rename(body) as Json;
        const nameAttribute = NAME_ATTRIBUTES[type];
        if (nameAttribute !== undefined && typeof copy[nameAttribute] === 'string') {
          copy[nameAttribute] = `${copy[nameAttribute]}${suffix}`;
        }
        target[`${name}${suffix}`] = copy;
      }
    }
  }
}

function count(config: Json): number {
  let n = 0;
  for (const block of ['resource', 'data']) {
    for (const byName of Object.values((config[block] ?? {}) as Json)) n += Object.keys(byName).length;
  }
  return n;
}

function main(): void {
  const wanted = Number(option('--resources', '50000'));
  const runs = Number(option('--runs', '3'));
  const size = { n: 1000, m: 50 };
  const sources = [
    synthesized((dir) => buildWithConstructs(size, dir)),
    synthesized((dir) => buildBaseline(size, dir, handWrittenDocuments(size))),
  ];
  const stack: Json = { terraform: sources[0].terraform, provider: sources[0].provider };
  // --gaps: the baseline without its account-level attachments, so every scoped grant of it is a finding.
  if (process.argv.includes('--gaps')) delete sources[1].resource.alicloud_ram_user_policy_attachment;
  for (let k = 0; count(stack) < wanted; k++) addCopy(stack, sources[k % 2], `_c${k}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-check-'));
  const file = path.join(dir, 'cdk.tf.json');
  try {
    fs.writeFileSync(file, JSON.stringify(stack, null, 2));
    const bytes = fs.statSync(file).size;
    const bin = path.join(__dirname, '..', 'src', 'cli', 'bin.js');
    // The child reports its own CPU time (user + system) at exit: unlike wall time, it does not grow
    // when other processes share the machine.
    const hook = path.join(dir, 'cpu-hook.js');
    fs.writeFileSync(
      hook,
      "process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeSync(2, `\\ncpu ${(u.user + u.system) / 1000}\\n`); });\n",
    );
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
