/** Smoke test of the benchmark (no timings): both builds of the smallest size synthesize the same resources. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  buildBaseline,
  buildWithConstructs,
  handWrittenDocuments,
  physicalMinimum,
} from '../../bench/scenario';

function counts(build: (outdir: string) => { synth(): void }): Record<string, number> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-smoke-'));
  build(outdir).synth();
  const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'bench', 'cdk.tf.json'), 'utf8'));
  return Object.fromEntries(
    Object.entries(json.resource).map(([t, r]) => [t, Object.keys(r as object).length]),
  );
}

test('the benchmark scenario builds the same resources with the constructs and by hand, at the physical minimum', () => {
  const size = { n: 10, m: 2 };
  const documents = handWrittenDocuments(size);
  const ours = counts((o) => buildWithConstructs(size, o));
  const base = counts((o) => buildBaseline(size, o, documents));
  expect(ours).toEqual(base);
  expect(Object.values(ours).reduce((a, b) => a + b, 0)).toBe(physicalMinimum(size, documents));
});
