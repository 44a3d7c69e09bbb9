#!/usr/bin/env node
// The library as users install it, for both flavours built by scripts/package.js (cdktf, and CDK Terrain
// from the same source with the core import switched):
//   1. jsii compiles it with zero errors and zero warnings, and the assembly lists the public constructs;
//   2. the tarball's files are exactly test/fixtures/package-files.txt;
//   3. the tarball installs offline into a scratch app with the core library and constructs, as a user would;
//   4. running the app as `cdktf synth` does synthesizes a CrReadOnlyUser scoped to two resource groups
//      (one by ID, one created in the stack) whose account-level policy holds exactly the 37 read
//      actions of the seed, with one copy of constructs;
//   5. the package's command (`bin`, named after the package) checks that stack and finds nothing.
// Offline: every package comes from the npm cache that `npm ci` filled.
// UPDATE_PACKAGE_FILES=1 rewrites the expected file list.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT, buildAll, fail, run } = require('./package');

const EXPECTED_FILES = path.join(ROOT, 'test', 'fixtures', 'package-files.txt');
const READ_ONLY_EXAMPLE = require(
  path.join(ROOT, 'test', 'fixtures', 'seeds', '002-readonly-account-level-example.json'),
);

function checkFiles(flavour, files) {
  const text = `${files.join('\n')}\n`;
  if (process.env.UPDATE_PACKAGE_FILES === '1' && flavour.core === 'cdktf')
    fs.writeFileSync(EXPECTED_FILES, text);
  const expected = fs.readFileSync(EXPECTED_FILES, 'utf8');
  if (text !== expected) {
    const want = new Set(expected.trim().split('\n'));
    const extra = files.filter((f) => !want.has(f));
    const lacking = [...want].filter((f) => !files.includes(f));
    fail(
      `${flavour.name}: packed files differ from ${path.relative(ROOT, EXPECTED_FILES)}\n  extra: ${extra.join(', ')}\n  missing: ${lacking.join(', ')}`,
    );
  }
}

function consumerApp(flavour, tarball, tmp) {
  const dir = path.join(tmp, `app-${flavour.core}`);
  fs.mkdirSync(dir);
  const deps = { ...flavour.app, [flavour.name]: `file:${tarball}` };
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, dependencies: deps }, null, 2),
  );
  fs.writeFileSync(
    path.join(dir, 'cdktf.json'),
    JSON.stringify({ language: 'typescript', app: 'node main.js' }, null, 2),
  );
  fs.writeFileSync(
    path.join(dir, 'main.js'),
    [
      `const { App, LocalBackend, TerraformStack } = require('${flavour.core}');`,
      `const { CrReadOnlyUser } = require('${flavour.name}');`,
      `const { provider, resourceManagerResourceGroup } = require('${flavour.name}/lib/generated/alicloud');`,
      'const app = new App();',
      "const stack = new TerraformStack(app, 'consumer');",
      "new provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });",
      "new LocalBackend(stack, { path: 'terraform.consumer.tfstate' });",
      // One group by literal ID, one created in the stack (a token the constructs resolve to a reference).
      "const teamB = new resourceManagerResourceGroup.ResourceManagerResourceGroup(stack, 'TeamB', { resourceGroupName: 'team-b', displayName: 'Team B' });",
      "new CrReadOnlyUser(stack, 'Auditor', { userName: 'auditor', resourceGroupIds: ['rg-aek2teama', teamB.id] });",
      'app.synth();',
      '',
    ].join('\n'),
  );
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);
  return dir;
}

function constructsCopies(dir) {
  const found = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (!e.isDirectory() || e.isSymbolicLink()) continue;
      const p = path.join(d, e.name);
      if (e.name === 'constructs' && path.basename(d) === 'node_modules') found.push(p);
      walk(p);
    }
  };
  walk(path.join(dir, 'node_modules'));
  return found;
}

function synthAndCheck(flavour, dir) {
  // What `cdktf synth` does: run cdktf.json's app with the output folder in the environment.
  const outdir = path.join(dir, 'cdktf.out');
  run('sh', ['-c', JSON.parse(fs.readFileSync(path.join(dir, 'cdktf.json'), 'utf8')).app], dir, {
    CDKTF_OUTDIR: outdir,
  });
  const stack = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'consumer', 'cdk.tf.json'), 'utf8'));
  const policies = Object.values(stack.resource.alicloud_ram_policy ?? {});
  if (policies.length !== 1)
    fail(`${flavour.name}: expected one account-level policy, found ${policies.length}`);
  const actions = JSON.parse(policies[0].policy_document)
    .Statement.flatMap((s) => s.Action)
    .sort();
  const expected = [...READ_ONLY_EXAMPLE.Statement[0].Action].sort();
  if (JSON.stringify(actions) !== JSON.stringify(expected)) {
    fail(
      `${flavour.name}: the account-level policy does not hold the seed's ${expected.length} read actions`,
    );
  }
  const groups = Object.values(stack.resource.alicloud_resource_manager_policy_attachment ?? {})
    .map((a) => a.resource_group_id)
    .sort();
  const expectedGroups = ['${alicloud_resource_manager_resource_group.TeamB.id}', 'rg-aek2teama'];
  if (JSON.stringify(groups) !== JSON.stringify(expectedGroups)) {
    fail(
      `${flavour.name}: expected attachments in ${expectedGroups.join(' and ')}, found ${groups.join(', ')}`,
    );
  }
  checkCommand(flavour, dir, outdir);
  const copies = constructsCopies(dir);
  if (copies.length !== 1)
    fail(`${flavour.name}: ${copies.length} copies of constructs in the app:\n  ${copies.join('\n  ')}`);
  return actions.length;
}

/** The package's command, installed under the package's name, checks the synthesized stack: no finding. */
function checkCommand(flavour, dir, outdir) {
  const bin = path.join(dir, 'node_modules', '.bin', flavour.name);
  if (!fs.existsSync(bin)) fail(`${flavour.name}: the command ${flavour.name} is not installed`);
  let report;
  try {
    report = JSON.parse(run(bin, ['check', outdir, '--format', 'json'], dir));
  } catch (e) {
    fail(
      `${flavour.name}: \`${flavour.name} check\` failed on the app's own stack: ${e.stderr || e.message}`,
    );
  }
  if (report.attachmentsChecked !== 2 || report.findings.length !== 0) {
    fail(`${flavour.name}: check expected 2 attachments and no finding, got ${JSON.stringify(report)}`);
  }
}

function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'consumer-'));
  try {
    const started = Date.now();
    for (const { flavour, tarball, files } of buildAll(tmp)) {
      checkFiles(flavour, files);
      const app = consumerApp(flavour, tarball, tmp);
      const actions = synthAndCheck(flavour, app);
      console.log(
        `${flavour.name}: jsii clean, ${files.length} packed files as expected, a ${flavour.core} app synthesized the account-level policy with ${actions} actions, one copy of constructs, \`${flavour.name} check\` found nothing in it (${((Date.now() - started) / 1000).toFixed(1)} s so far)`,
      );
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main();
