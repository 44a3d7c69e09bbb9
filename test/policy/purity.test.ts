import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.join(__dirname, '..', '..', 'src');
const ENGINE = path.join(SRC, 'policy');
const MODEL = path.join(SRC, 'model');
const CLI = path.join(SRC, 'cli');

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

/** Imports of the files under `dir` that reach outside `allowed` folders (node built-ins are fine). */
function importsOutside(dir: string, allowed: string[]): string[] {
  const files = sources(dir);
  expect(files.length).toBeGreaterThan(5);
  return files.flatMap((f) =>
    imports(f)
      .filter((spec) => {
        if (spec.startsWith('node:')) return false;
        if (!spec.startsWith('.')) return true;
        const target = path.resolve(path.dirname(f), spec);
        return !allowed.some((a) => target === a || target.startsWith(a + path.sep));
      })
      .map((spec) => `${path.relative(SRC, f)} imports ${spec}`),
  );
}

test('the policy engine imports nothing but itself and node built-ins (no cdktf, no constructs)', () => {
  expect(importsOutside(ENGINE, [ENGINE])).toEqual([]);
});

test('the grant model and check import only the engine and themselves (no cdktf, no constructs)', () => {
  expect(importsOutside(MODEL, [ENGINE, MODEL])).toEqual([]);
});

test('the command line imports only the model, the engine, itself and the HCL parser (no cdktf, no constructs)', () => {
  expect(
    importsOutside(CLI, [ENGINE, MODEL, CLI]).filter((i) => !i.endsWith(' imports @cdktf/hcl2json')),
  ).toEqual([]);
});

test('the import scanner sees the imports it must forbid', () => {
  const probe = path.join(fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'purity-')), 'p.ts');
  fs.writeFileSync(probe, 'import { App } from \'cdktf\';\nimport { Construct } from "constructs";\n');
  expect(imports(probe)).toEqual(['cdktf', 'constructs']);
});
