#!/usr/bin/env node
// Builds the packages users install, from one source tree: the cdktf package (this repository, compiled
// by jsii) and the CDK Terrain package (the same source with src/core-lib.ts importing `cdktn`, renamed
// cdktn-alicloud-cr-access). Each is compiled with jsii (failing on any warning) and packed.
//   node scripts/package.js        writes both tarballs to dist-packages/ (full output: package.log)
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { reportFailures, stepRunner } = require('./steps');

const ROOT = path.resolve(__dirname, '..');
const PUBLIC_CONSTRUCTS = [
  'CrAccessGrant',
  'CrAccessTeam',
  'CrReadOnlyUser',
  'ResourceGroupScopedCrDeveloper',
  'ResourceGroupScopedCrReadOnly',
];
const rootPackage = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const dev = rootPackage.devDependencies;

const FLAVOURS = [
  {
    core: 'cdktf',
    name: rootPackage.name,
    peers: rootPackage.peerDependencies,
    app: { cdktf: dev.cdktf, constructs: dev.constructs },
  },
  {
    core: 'cdktn',
    name: rootPackage.name.replace(/^cdktf-/, 'cdktn-'),
    peers: { cdktn: `^${dev.cdktn}`, constructs: `>=${dev.constructs} <10.8.0` },
    app: { cdktn: dev.cdktn, constructs: dev.constructs },
  },
];

/** A failed check: the caller's reportFailures prints the message alone. */
function fail(message) {
  throw new Error(message);
}

/** A copy of the package whose core-library module imports `core`. */
function flavourSource(flavour, tmp) {
  if (flavour.core === 'cdktf') return ROOT;
  const dir = path.join(tmp, `pkg-${flavour.core}`);
  fs.mkdirSync(dir);
  fs.cpSync(path.join(ROOT, 'src'), path.join(dir, 'src'), { recursive: true });
  for (const f of ['README.md', 'LICENSE']) fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const core = path.join(dir, 'src', 'core-lib.ts');
  fs.writeFileSync(
    core,
    fs.readFileSync(core, 'utf8').replace("export * from 'cdktf';", `export * from '${flavour.core}';`),
  );
  // The command is named after the package: `cdktn-alicloud-cr-access` in the CDK Terrain package.
  const bin = { [flavour.name]: rootPackage.bin[rootPackage.name] };
  const pkg = { ...rootPackage, name: flavour.name, bin, peerDependencies: flavour.peers, scripts: {} };
  pkg.devDependencies = { [flavour.core]: dev[flavour.core], constructs: dev.constructs, jsii: dev.jsii };
  pkg.jsii = {
    ...pkg.jsii,
    targets: { python: { distName: flavour.name, module: flavour.name.replace(/-/g, '_') } },
  };
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  return dir;
}

function compileAndPack(run, flavour, dir, tmp) {
  const jsii = path.join(ROOT, 'node_modules', 'jsii', 'bin', 'jsii');
  // jsii never removes output: a file compiled from a since-deleted source would otherwise be packed.
  fs.rmSync(path.join(dir, 'lib'), { recursive: true, force: true });
  run(
    `jsii build of ${flavour.name}`,
    process.execPath,
    [jsii, '--generate-tsconfig', 'tsconfig.jsii.json', '--fail-on-warnings'],
    dir,
  );
  const assembly = JSON.parse(fs.readFileSync(path.join(dir, '.jsii'), 'utf8'));
  const missing = PUBLIC_CONSTRUCTS.filter((c) => assembly.types[`${flavour.name}.${c}`] === undefined);
  if (missing.length > 0) fail(`${flavour.name}: the jsii assembly lacks ${missing.join(', ')}`);
  const [packed] = JSON.parse(
    run(`npm pack of ${flavour.name}`, 'npm', ['pack', '--json', '--pack-destination', tmp], dir),
  );
  return { tarball: path.join(tmp, packed.filename), files: packed.files.map((f) => f.path).sort() };
}

/** Compiles and packs every flavour into `destination`, running commands with `run` (see steps.js). */
function buildAll(run, destination) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'package-'));
  try {
    return FLAVOURS.map((flavour) => ({
      flavour,
      ...compileAndPack(run, flavour, flavourSource(flavour, work), destination),
    }));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

module.exports = { FLAVOURS, ROOT, buildAll, fail };

if (require.main === module) {
  const log = path.join(ROOT, 'package.log');
  reportFailures('npm run package', log, () => {
    const destination = path.join(ROOT, 'dist-packages');
    fs.rmSync(destination, { recursive: true, force: true });
    fs.mkdirSync(destination);
    for (const { flavour, tarball, files } of buildAll(stepRunner(log), destination)) {
      console.log(`${flavour.name}: ${path.relative(ROOT, tarball)} (${files.length} files)`);
    }
  });
}
