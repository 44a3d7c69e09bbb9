import * as fs from 'node:fs';
import * as path from 'node:path';

const ENGINE = path.join(__dirname, '..', '..', 'src', 'policy');

function sources(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .filter((f) => f.endsWith('.ts'));
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|require\(|import\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

test('the policy engine imports nothing but itself and node built-ins (no cdktf, no constructs)', () => {
  const files = sources(ENGINE);
  expect(files.length).toBeGreaterThan(5);
  const outside = files.flatMap((f) =>
    imports(f)
      .filter((spec) => {
        if (spec.startsWith('node:')) return false;
        if (!spec.startsWith('.')) return true;
        return !path.resolve(path.dirname(f), spec).startsWith(ENGINE);
      })
      .map((spec) => `${path.relative(ENGINE, f)} imports ${spec}`),
  );
  expect(outside).toEqual([]);
});

test('the import scanner sees the imports it must forbid', () => {
  const probe = path.join(fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'purity-')), 'p.ts');
  fs.writeFileSync(probe, 'import { App } from \'cdktf\';\nimport { Construct } from "constructs";\n');
  expect(imports(probe)).toEqual(['cdktf', 'constructs']);
});
