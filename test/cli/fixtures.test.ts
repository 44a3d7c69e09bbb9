/**
 * The committed acceptance fixtures (test/fixtures/check/) are what test/support/check-fixtures.ts
 * derives from the engine and the constructs today. `UPDATE_FIXTURES=1 npx jest test/cli/fixtures.test.ts`
 * rewrites them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, fixtureFiles } from '../support/check-fixtures';

test('the committed check fixtures are the ones derived from the engine and the constructs', () => {
  const stale: string[] = [];
  for (const [file, text] of fixtureFiles()) {
    const full = path.join(FIXTURES, file);
    const current = fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : undefined;
    if (current === text) continue;
    if (process.env.UPDATE_FIXTURES === '1') {
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, text);
    } else stale.push(file);
  }
  expect(stale).toEqual([]);
});
