#!/usr/bin/env node
// Writes API.md, the API reference, from the jsii assembly with jsii-docgen (the generator Construct
// Hub uses), so the reference is exactly the public API jsii exports: what other languages see, with
// the doc comments and `@default`s of the source. The assembly is compiled first (`npm run compile`),
// so API.md always describes the current source.
//
// Usage: node scripts/api-docs.js [--check]
//   --check  fail (exit 1) when the committed API.md differs from a fresh generation.

const childProcess = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const API_MD = path.join(ROOT, 'API.md');

function parseArgs(argv) {
  const args = { check: false };
  for (const arg of argv) {
    if (arg === '--check') args.check = true;
    else throw new Error(`unknown argument ${arg}; usage: api-docs.js [--check]`);
  }
  return args;
}

/** Compiles the assembly (.jsii) with the package's own compile script; its output only on failure. */
function compileAssembly() {
  const run = childProcess.spawnSync('npm', ['run', '--silent', 'compile'], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    throw new Error(`npm run compile failed (exit ${run.status}): API.md needs the jsii assembly`);
  }
}

async function render() {
  const { Documentation, Language } = require('jsii-docgen');
  const docs = await Documentation.forProject(ROOT);
  try {
    const markdown = await docs.toMarkdown({ language: Language.TYPESCRIPT, allSubmodules: true });
    return markdown.render();
  } finally {
    await docs.cleanup();
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  compileAssembly();
  const fresh = await render();
  if (!args.check) {
    fs.writeFileSync(API_MD, fresh);
    return;
  }
  const committed = fs.existsSync(API_MD) ? fs.readFileSync(API_MD, 'utf8') : '';
  if (committed !== fresh) {
    process.stderr.write('API.md is not the reference of the current public API: run `npm run docs:api`\n');
    process.exit(1);
  }
}

main().catch((e) => {
  process.stderr.write(`api-docs: ${e.message}\n`);
  process.exit(1);
});
