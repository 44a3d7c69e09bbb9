#!/usr/bin/env node
// Generates the alicloud provider bindings in src/generated/alicloud from the committed schema, with
// the code path `cdktf get` uses (TerraformProviderGenerator + CodeMaker), so the bindings match what a
// user's own `cdktf get` would give. Like `cdktf get`, it generates for a provider constraint, here
// `aliyun/alicloud@~> <schema release>`, as a user would list in cdktf.json's terraformProviders; that
// is what makes stacks declare `required_providers.alicloud` with source `aliyun/alicloud` and the
// schema's release as version (generateProviderBindingsFromSchema's generateAll() would give the
// long registry address instead). We call the generator class directly: the package index also
// loads jsii-pacmak, which TypeScript-only generation never uses.
// One deliberate difference from `cdktf get`, applied here and nowhere else: the generated
// `import * as cdktf from 'cdktf'` is rewritten to our one core-library module (src/core-lib.ts), so
// the whole package switches between cdktf and CDK Terrain in one place. `--core-import <module>`
// overrides the target (e.g. `cdktn`) for a build that needs it.
//
// Usage: node scripts/gen-bindings.js [--check] [--core-import <module>]
//   --check  generate into a temporary folder and fail if it differs from the committed bindings.

// @cdktf/commons probes `terraform version` when it loads and reports failures to HashiCorp's
// checkpoint service: nothing here may leave the machine, and the probe needs no CLI configuration.
process.env.CHECKPOINT_DISABLE = '1';
process.env.TF_CLI_CONFIG_FILE = '/dev/null';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const SCHEMA_FILE = path.join(ROOT, 'schema', 'alicloud-provider-schema.json');
const OUT_DIR = path.join(ROOT, 'src', 'generated', 'alicloud');
const CORE_MODULE = path.join(ROOT, 'src', 'core-lib');
const PROVIDER_SOURCE = 'aliyun/alicloud';

function parseArgs(argv) {
  const args = { check: false, coreImport: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--check') args.check = true;
    else if (argv[i] === '--core-import') args.coreImport = argv[++i];
    else
      throw new Error(
        `unknown argument ${argv[i]}; usage: gen-bindings.js [--check] [--core-import <module>]`,
      );
  }
  return args;
}

/** `~> X.Y.Z`: the release the schema was transcribed from, and its patch releases. */
function versionConstraint(schema) {
  const versions = Object.values(schema.provider_versions ?? {});
  if (versions.length !== 1)
    throw new Error(`schema must name exactly one provider version, found ${versions.length}`);
  return `~> ${versions[0]}`;
}

async function generate(schema, targetDir) {
  const {
    TerraformProviderGenerator,
  } = require('@cdktf/provider-generator/lib/get/generator/provider-generator');
  const { CodeMaker } = require('codemaker');
  const { ConstructsMakerProviderTarget, TerraformProviderConstraint, LANGUAGES } = require('@cdktf/commons');
  const code = new CodeMaker();
  const generator = new TerraformProviderGenerator(code, schema);
  const constraint = new TerraformProviderConstraint(`${PROVIDER_SOURCE}@${versionConstraint(schema)}`);
  generator.generate(new ConstructsMakerProviderTarget(constraint, LANGUAGES[0]));
  await code.save(targetDir);
  return path.join(targetDir, 'providers', 'alicloud');
}

function listFiles(dir, prefix = '') {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
    )
    .sort();
}

function rewriteCoreImport(dir, coreImport) {
  for (const rel of listFiles(dir).filter((f) => f.endsWith('.ts'))) {
    const file = path.join(dir, rel);
    const target =
      coreImport ??
      path
        .relative(path.dirname(path.join(OUT_DIR, rel)), CORE_MODULE)
        .split(path.sep)
        .join('/');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(
      file,
      text.replace("import * as cdktf from 'cdktf';", `import * as cdktf from '${target}';`),
    );
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'alicloud-bindings-'));
  try {
    const generated = await generate(schema, tmp);
    rewriteCoreImport(generated, args.coreImport);
    if (args.check) {
      const want = listFiles(generated);
      const have = listFiles(OUT_DIR);
      const differ = [...new Set([...want, ...have])].filter((f) => {
        const a = path.join(generated, f);
        const b = path.join(OUT_DIR, f);
        return !fs.existsSync(a) || !fs.existsSync(b) || !fs.readFileSync(a).equals(fs.readFileSync(b));
      });
      if (differ.length > 0) {
        console.error(`src/generated/alicloud is out of date with schema/ (${differ.length} files differ):`);
        for (const f of differ.sort()) console.error(`  ${f}`);
        console.error('Run `npm run gen` and commit the result; never edit generated files by hand.');
        process.exit(1);
      }
      console.log(`bindings up to date (${want.length} files)`);
      return;
    }
    fs.rmSync(OUT_DIR, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(OUT_DIR), { recursive: true });
    fs.cpSync(generated, OUT_DIR, { recursive: true });
    console.log(`wrote ${listFiles(OUT_DIR).length} files to ${path.relative(ROOT, OUT_DIR)}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
