#!/usr/bin/env node
// The library as users install it, for both flavours built by scripts/package.js (cdktf, and CDK Terrain
// from the same source with the core import switched):
//   1. jsii compiles it with zero errors and zero warnings, and the assembly lists the public constructs;
//   2. the tarball's files are exactly test/fixtures/package-files.txt;
//   3. the tarball installs into a scratch app with the core library and constructs, as a user would;
//   4. running the app as `cdktf synth` does (`node main.js`, on the Node.js running this script)
//      synthesizes a CrReadOnlyUser scoped to two resource groups (one by ID, one created in the stack)
//      whose account-level policy (and the fix's, for a hand-written grant) holds exactly the 37 read
//      actions of the seed, with one copy of constructs;
//      and CrAccessCheck in fix mode completes a hand-written resource-group grant in the same stack;
//   5. the package's command (`bin`, named after the package) checks that stack and finds nothing;
//   6. for CDK Terrain, the real `cdktn synth` CLI, under Node.js 22 (cdktn-cli 0.24 requires >= 22.19
//      and crashes on Node 20), synthesizes the same stack byte for byte.
// Installs use --prefer-offline: packages come from the npm cache when it has them, from the registry
// otherwise. (`npm ci` caches the registry's abbreviated metadata, while `npm install` asks for the full
// documents, another cache entry: --offline failed with ERESOLVE wherever only `npm ci` had filled the
// cache.) .ci/run runs this script with a scratch cache, so CI always proves the cold path.
// Full output of every command: consumer-test.log. UPDATE_PACKAGE_FILES=1 rewrites the expected file list.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT, buildAll, fail } = require('./package');
const { reportFailures, stepRunner } = require('./steps');

const EXPECTED_FILES = path.join(ROOT, 'test', 'fixtures', 'package-files.txt');
const READ_ONLY_EXAMPLE = require(
  path.join(ROOT, 'test', 'fixtures', 'seeds', '002-readonly-account-level-example.json'),
);
const LOG = path.join(ROOT, 'consumer-test.log');
// The CDK Terrain CLI, at the version of the cdktn library we build against, and the Node.js it needs:
// the `node` package on the npm registry installs the official binary (its preinstall script fetches the
// platform package, node-<os>-<arch>, from the registry too).
const CLI_TOOLS = { node: '22.23.3', 'cdktn-cli': require('../package.json').devDependencies.cdktn };
const INSTALL = ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];

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

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

function consumerApp(run, flavour, tarball, tmp) {
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
      `const { CrAccessCheck, CrAccessCheckMode, CrReadOnlyUser } = require('${flavour.name}');`,
      `const { provider, ramUser, resourceManagerPolicyAttachment, resourceManagerResourceGroup } = require('${flavour.name}/lib/generated/alicloud');`,
      'const app = new App();',
      "const stack = new TerraformStack(app, 'consumer');",
      "new provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });",
      "new LocalBackend(stack, { path: 'terraform.consumer.tfstate' });",
      // One group by literal ID, one created in the stack (a token the constructs resolve to a reference).
      "const teamB = new resourceManagerResourceGroup.ResourceManagerResourceGroup(stack, 'TeamB', { resourceGroupName: 'team-b', displayName: 'Team B' });",
      "new CrReadOnlyUser(stack, 'Auditor', { userName: 'auditor', resourceGroupIds: ['rg-aek2teama', teamB.id] });",
      // A grant written by hand without its account-level part: the stack-wide check (an Aspect of this
      // flavour's core library) completes it in fix mode, with the auditor's account-level policy.
      "const legacy = new ramUser.RamUser(stack, 'Legacy', { name: 'legacy' });",
      "new resourceManagerPolicyAttachment.ResourceManagerPolicyAttachment(stack, 'LegacyRead', { policyName: 'AliyunContainerRegistryReadOnlyAccess', policyType: 'System', principalName: legacy.name + '@1234567890123456.onaliyun.com', principalType: 'IMSUser', resourceGroupId: 'rg-aek2legacy' });",
      'CrAccessCheck.applyTo(app, { mode: CrAccessCheckMode.FIX });',
      'app.synth();',
      '',
    ].join('\n'),
  );
  run(`installing ${flavour.name} into the scratch ${flavour.core} app ${dir}`, 'npm', INSTALL, dir);
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

/** What `cdktf synth` does: run cdktf.json's app with the output folder in the environment. */
function nodeSynth(run, flavour, dir) {
  const outdir = path.join(dir, 'cdktf.out');
  const app = JSON.parse(fs.readFileSync(path.join(dir, 'cdktf.json'), 'utf8')).app;
  run(`\`${app}\` in the scratch ${flavour.core} app`, 'sh', ['-c', app], dir, { CDKTF_OUTDIR: outdir });
  return outdir;
}

/** Checks the synthesized stack in `outdir`; returns its text and the account-level action count. */
function checkStack(flavour, outdir, how) {
  const file = path.join(outdir, 'stacks', 'consumer', 'cdk.tf.json');
  if (!fs.existsSync(file)) fail(`${flavour.name}: ${how} wrote no ${file}`);
  const text = fs.readFileSync(file, 'utf8');
  const stack = JSON.parse(text);
  // Two account-level policies with the same 37 actions: the grant's (named for its access) and the
  // fix's (named for the hand-written grant it completes). Policies are named from stable keys, so
  // equal documents of different accesses are no longer merged.
  const policies = Object.values(stack.resource.alicloud_ram_policy ?? {});
  if (policies.length !== 2)
    fail(
      `${flavour.name} (${how}): expected two account-level policies (the grant's and the fix's), found ${policies.length}`,
    );
  const expected = [...READ_ONLY_EXAMPLE.Statement[0].Action].sort();
  let actions = [];
  for (const policy of policies) {
    actions = JSON.parse(policy.policy_document)
      .Statement.flatMap((s) => s.Action)
      .sort();
    if (JSON.stringify(actions) !== JSON.stringify(expected)) {
      fail(
        `${flavour.name} (${how}): account-level policy ${policy.policy_name} does not hold the seed's ${expected.length} read actions`,
      );
    }
  }
  const groups = Object.values(stack.resource.alicloud_resource_manager_policy_attachment ?? {})
    .map((a) => a.resource_group_id)
    .sort();
  const expectedGroups = [
    '${alicloud_resource_manager_resource_group.TeamB.id}',
    'rg-aek2legacy',
    'rg-aek2teama',
  ];
  if (JSON.stringify(groups) !== JSON.stringify(expectedGroups)) {
    fail(
      `${flavour.name} (${how}): expected attachments in ${expectedGroups.join(', ')}, found ${groups.join(', ')}`,
    );
  }
  const accountScope = Object.values(stack.resource.alicloud_ram_user_policy_attachment ?? {}).map(
    (a) => a.user_name,
  );
  if (!accountScope.includes('${alicloud_ram_user.Legacy.name}')) {
    fail(
      `${flavour.name} (${how}): CrAccessCheck in fix mode did not attach the account-level policy to the hand-written grant's user (account-scope attachments: ${accountScope.join(', ')})`,
    );
  }
  return { text, actions: actions.length };
}

/**
 * Installs cdktn-cli and Node.js 22 next to the app (not in it: the CLI depends on its own constructs)
 * and runs `cdktn synth` in the app with that Node first on PATH, so the app runs on Node 22 too.
 * Returns the output folder and how long the install and the synth took.
 */
function cliSynth(run, dir, tmp) {
  const tools = path.join(tmp, 'cdktn-cli');
  fs.mkdirSync(tools);
  fs.writeFileSync(
    path.join(tools, 'package.json'),
    JSON.stringify({ name: 'cdktn-cli-tools', private: true, dependencies: CLI_TOOLS }, null, 2),
  );
  // The node package's preinstall script fetches the binary: scripts must run even if a user's npmrc
  // turns them off. cdktn-cli's engine warning (we install it from Node 20) is expected.
  const what = `installing cdktn-cli ${CLI_TOOLS['cdktn-cli']} and Node.js ${CLI_TOOLS.node} in ${tools}`;
  let started = Date.now();
  run(what, 'npm', [...INSTALL, '--ignore-scripts=false'], tools);
  const installed = seconds(started);
  const bin = path.join(tools, 'node_modules', '.bin');
  const node = path.join(bin, 'node');
  const version = run('the Node.js 22 binary', node, ['--version'], tools).trim();
  if (version !== `v${CLI_TOOLS.node}`) fail(`${node} is ${version}, expected v${CLI_TOOLS.node}`);
  const cliPackage = path.join(tools, 'node_modules', 'cdktn-cli');
  const cli = path.join(cliPackage, require(path.join(cliPackage, 'package.json')).bin.cdktn);
  const outdir = path.join(dir, 'cdktn.out');
  started = Date.now();
  run(
    `\`cdktn synth\` on Node.js ${version} in the scratch cdktn app`,
    node,
    [cli, 'synth', '--output', outdir],
    dir,
    {
      PATH: `${bin}${path.delimiter}${process.env.PATH}`,
      CHECKPOINT_DISABLE: '1',
      CI: '1',
    },
  );
  return { outdir, installed, synthesized: seconds(started) };
}

/** The package's command, installed under the package's name, checks the synthesized stack: no finding. */
function checkCommand(run, flavour, dir, outdir) {
  const bin = path.join(dir, 'node_modules', '.bin', flavour.name);
  if (!fs.existsSync(bin)) fail(`${flavour.name}: the command ${flavour.name} is not installed`);
  const what = `\`${flavour.name} check\` on the scratch ${flavour.core} app's stack`;
  const report = JSON.parse(run(what, bin, ['check', outdir, '--format', 'json'], dir));
  if (report.attachmentsChecked !== 3 || report.findings.length !== 0) {
    fail(`${flavour.name}: check expected 3 attachments and no finding, got ${JSON.stringify(report)}`);
  }
}

function main() {
  const run = stepRunner(LOG);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'consumer-'));
  try {
    let started = Date.now();
    const built = buildAll(run, tmp);
    console.log(`jsii built and packed ${built.length} packages, no warning (${seconds(started)})`);
    for (const { flavour, tarball, files } of built) {
      started = Date.now();
      checkFiles(flavour, files);
      const app = consumerApp(run, flavour, tarball, tmp);
      const installed = seconds(started);
      const outdir = nodeSynth(run, flavour, app);
      const viaNode = checkStack(flavour, outdir, 'node main.js');
      checkCommand(run, flavour, app, outdir);
      const copies = constructsCopies(app);
      if (copies.length !== 1)
        fail(`${flavour.name}: ${copies.length} copies of constructs in the app:\n  ${copies.join('\n  ')}`);
      console.log(
        `${flavour.name}: ${files.length} packed files as expected, installed into a ${flavour.core} app (${installed}), \`node main.js\` on Node.js ${process.version} synthesized the account-level policy with ${viaNode.actions} actions, one copy of constructs (${seconds(started)})`,
      );
      if (flavour.core !== 'cdktn') continue;
      const cli = cliSynth(run, app, tmp);
      const viaCli = checkStack(flavour, cli.outdir, 'cdktn synth');
      if (viaCli.text !== viaNode.text)
        fail(`${flavour.name}: \`cdktn synth\` on Node.js 22 wrote a different stack from \`node main.js\``);
      console.log(
        `${flavour.name}: \`cdktn synth\` (cdktn-cli ${CLI_TOOLS['cdktn-cli']}, Node.js ${CLI_TOOLS.node}) synthesized the same stack byte for byte (${cli.synthesized}; installing the CLI and Node.js: ${cli.installed})`,
      );
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

reportFailures('consumer test', LOG, main);
