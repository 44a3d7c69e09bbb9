/**
 * `npm run bench:wildcard [-- --runs 7] [-- --documents 100000]`: the two figures of issue 18, point 3.
 *   1. Time of `splitForResourceGroupScope` on a document whose one action is of the adversarial family
 *      `cr:*?*?…*Z` at 25, 50, 100 and 200 characters (median of --runs, a fresh catalog each run so
 *      that its match cache does not hide the matching).
 *   2. Heap and RSS added by planning --documents distinct resource-group grants in one process
 *      (`planGrant`, which caches plan bodies), after a forced collection when node runs with
 *      --expose-gc (the npm script does).
 * Not a test: the targets (under 10 ms per split; under 200 MB for 100,000 documents) are recorded in
 * BENCHMARKS.md.
 */
import { planGrant } from '../src/model/grant';
import { CrCatalog, PolicyDocument, splitForResourceGroupScope } from '../src/policy';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** `cr:` then `*?` repeated (one more `?` for an even length), then `*Z`: `length` characters. */
function starQuestion(length: number): string {
  return `cr:${'*?'.repeat(Math.floor((length - 5) / 2))}${length % 2 === 0 ? '?' : ''}*Z`;
}

function freshCatalog(): CrCatalog {
  const bundled = CrCatalog.bundled();
  return CrCatalog.fromActions(bundled.actionNames.map((name) => bundled.lookup(name)!));
}

function splitTimes(runs: number): void {
  console.log('| pattern length | runs | split ms, median (min–max) |');
  console.log('| -: | -: | -: |');
  for (const length of [25, 50, 100, 200]) {
    const document = PolicyDocument.fromObject({
      Version: '1',
      Statement: [{ Effect: 'Allow', Action: [starQuestion(length)], Resource: ['*'] }],
    });
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      const catalog = freshCatalog();
      const start = process.hrtime.bigint();
      splitForResourceGroupScope(document, { catalog });
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    const [min, max] = [Math.min(...times), Math.max(...times)];
    console.log(
      `| ${length} | ${runs} | ${median(times).toFixed(3)} (${min.toFixed(3)}–${max.toFixed(3)}) |`,
    );
  }
}

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc !== undefined) {
    gc();
    gc();
  }
}

function memory(documents: number): void {
  collect();
  const before = process.memoryUsage();
  const start = Date.now();
  for (let i = 0; i < documents; i++) {
    planGrant({
      principal: { principalType: 'IMSUser', principalName: `user-${i}` },
      preset: 'custom',
      isResourceGroupScope: true,
      resourceGroupIds: ['rg-bench'],
      document: PolicyDocument.fromObject({
        Version: '1',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['cr:Get*', 'cr:List*', 'cr:PullRepository'],
            Resource: [`acs:cr:*:*:repository/cri-bench/ns-${i}/*`],
          },
        ],
      }),
    });
  }
  const seconds = (Date.now() - start) / 1000;
  collect();
  const after = process.memoryUsage();
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  console.log(
    `${documents} distinct documents planned in ${seconds.toFixed(1)} s: heap used +${mib(after.heapUsed - before.heapUsed)} MiB, ` +
      `RSS +${mib(after.rss - before.rss)} MiB (RSS ${mib(after.rss)} MiB)` +
      ((globalThis as { gc?: unknown }).gc === undefined ? ' (no --expose-gc: figures include garbage)' : ''),
  );
}

splitTimes(option('--runs', 7));
memory(option('--documents', 100000));
