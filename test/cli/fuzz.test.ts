/**
 * Fuzz of the readers (issue 18.6): whatever a file holds, the CLI ends with exit 0, 1 or 2 and no
 * internal error or stack trace. A few hundred inputs here; `npm run bench:fuzz` runs 100,000.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { fuzzInputs, isCleanAnswer, loadBase, materialize } from '../../bench/fuzz-inputs';
import { cli } from './run';

let tmp: string;
beforeAll(() => {
  // Deep enough that a module source of "../" never reaches a folder holding other files.
  tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cli-fuzz-')), 'a', 'b');
  fs.mkdirSync(tmp, { recursive: true });
});
afterAll(() => fs.rmSync(path.dirname(path.dirname(tmp)), { recursive: true, force: true }));

test('property: every fuzzed input ends in exit 0, 1 or 2 with no internal error or stack trace', async () => {
  const base = loadBase(path.join(__dirname, '..', '..'));
  await fc.assert(
    fc.asyncProperty(fuzzInputs(base), async (input) => {
      const r = await cli(...materialize(tmp, input));
      if (!isCleanAnswer(r.code, r.stderr))
        throw new Error(`${input.kind}: exit ${r.code}: ${r.stderr.slice(0, 500)}`);
    }),
    { numRuns: 300 },
  );
}, 120_000);
