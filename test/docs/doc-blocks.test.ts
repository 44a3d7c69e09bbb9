/**
 * Every generated block of the documentation names a test that produces it (test/support/doc-blocks.ts):
 * a block no test writes would be a hand-written sample that silently goes stale.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, docMarkers } from '../support/doc-blocks';

const markers = docMarkers();

test('the documentation has generated blocks', () => {
  expect(markers.length).toBeGreaterThan(10);
});

test.each(markers.map((m) => [m.name, m.page, m.generatedBy]))(
  'the block %s of %s is produced by %s, which exists and names it',
  (name, page, generatedBy) => {
    const file = path.join(ROOT, generatedBy);
    expect(fs.existsSync(file)).toBe(true);
    const source = fs.readFileSync(file, 'utf8');
    // The block's name, or for the CLI table its key after the `cli-example:` prefix the test adds.
    const key = name.replace(/^cli-example:/, '');
    expect(source.includes(`'${name}'`) || source.includes(`'${key}'`) || source.includes(`${key}:`)).toBe(
      true,
    );
    expect(markers.filter((m) => m.name === name)).toHaveLength(1);
    const text = fs.readFileSync(path.join(ROOT, page), 'utf8');
    expect(text.indexOf(`<!-- ${name}:end -->`)).toBeGreaterThan(text.indexOf(`<!-- ${name}:start`));
  },
);
