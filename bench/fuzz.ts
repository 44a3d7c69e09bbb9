/**
 * `npm run bench:fuzz [-- --inputs 100000] [-- --seed 1]`: the fuzz of issue 18.6 at full size. Runs
 * the CLI in process on --inputs generated inputs (bench/fuzz-inputs.ts, the same generators as
 * test/cli/fuzz.test.ts) and prints, per kind of input, how many ended in each exit status; any
 * internal error, stack trace or other status is printed with its input and makes the script exit 1.
 * Not a test: the figures (time, peak RSS) are recorded in BENCHMARKS.md.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { main } from '../src/cli/main';
import { type FuzzInput, fuzzInputs, isCleanAnswer, loadBase, materialize } from './fuzz-inputs';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
}

async function run(): Promise<number> {
  const count = option('--inputs', 100_000);
  const seed = option('--seed', 1);
  const root = path.join(__dirname, '..', '..');
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-fuzz-'));
  const dir = path.join(scratch, 'a', 'b');
  fs.mkdirSync(dir, { recursive: true });
  const arbitrary = fuzzInputs(loadBase(root));
  const byKind = new Map<string, Map<number, number>>();
  const failures: string[] = [];
  let peakRss = 0;
  const started = process.hrtime.bigint();
  // Generated in batches, so memory holds one batch of inputs at a time.
  const batch = 1000;
  for (let done = 0; done < count; done += batch) {
    const inputs: FuzzInput[] = fc.sample(arbitrary, {
      numRuns: Math.min(batch, count - done),
      seed: seed + done,
    });
    for (const input of inputs) {
      let stderr = '';
      const code = await main(materialize(dir, input), { out: () => undefined, err: (t) => (stderr += t) });
      const kind = byKind.get(input.kind) ?? new Map<number, number>();
      kind.set(code, (kind.get(code) ?? 0) + 1);
      byKind.set(input.kind, kind);
      if (!isCleanAnswer(code, stderr)) failures.push(`${input.kind}: exit ${code}: ${stderr.slice(0, 300)}`);
    }
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  fs.rmSync(scratch, { recursive: true, force: true });
  console.log('| input kind | inputs | exit 0 | exit 1 | exit 2 | other |');
  console.log('| - | -: | -: | -: | -: | -: |');
  for (const [kind, codes] of [...byKind.entries()].sort()) {
    const n = (c: number) => codes.get(c) ?? 0;
    const total = [...codes.values()].reduce((a, b) => a + b, 0);
    console.log(`| ${kind} | ${total} | ${n(0)} | ${n(1)} | ${n(2)} | ${total - n(0) - n(1) - n(2)} |`);
  }
  console.log(
    `\n${count} inputs (seed ${seed}) in ${seconds.toFixed(1)} s, peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB; ${failures.length} unclean answers.`,
  );
  for (const f of failures.slice(0, 20)) console.log(`  ${f}`);
  return failures.length === 0 ? 0 : 1;
}

void run().then((code) => {
  process.exitCode = code;
});
