/**
 * The large cdk.tf.json the CLI benchmarks read: the benchmark scenario at 1,000 principals x 50
 * resource groups, built both ways (the constructs, and the hand-written baseline whose resource-group
 * attachments the check must resolve: custom and system policies, account-level attachments), repeated
 * with renamed logical IDs and names until it holds at least the requested number of resources.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildBaseline, buildWithConstructs, handWrittenDocuments } from './scenario';

export type Json = { [key: string]: any };

export function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : process.argv[i + 1];
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

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
export function addCopy(out: Json, config: Json, suffix: string): void {
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

export function count(config: Json): number {
  let n = 0;
  for (const block of ['resource', 'data']) {
    for (const byName of Object.values((config[block] ?? {}) as Json)) n += Object.keys(byName).length;
  }
  return n;
}

/** The two sources a large stack is copied from. */
export function largeStackSources(): Json[] {
  const size = { n: 1000, m: 50 };
  return [
    synthesized((dir) => buildWithConstructs(size, dir)),
    synthesized((dir) => buildBaseline(size, dir, handWrittenDocuments(size))),
  ];
}

/** A stack of at least `wanted` resources: copies of the sources, alternately, from copy `first` on. */
export function largeStack(sources: Json[], wanted: number, first = 0): Json {
  const stack: Json = { terraform: sources[0].terraform, provider: sources[0].provider };
  for (let k = first; count(stack) < wanted; k++) addCopy(stack, sources[k % 2], `_c${k}`);
  return stack;
}

/** Writes a hook that reports the child's CPU time and peak memory on stderr at exit. */
export function writeUsageHook(dir: string): string {
  const hook = path.join(dir, 'usage-hook.js');
  fs.writeFileSync(
    hook,
    "process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeSync(2, `\\ncpu ${(u.user + u.system) / 1000}\\nrss ${process.resourceUsage().maxRSS}\\n`); });\n",
  );
  return hook;
}
