/**
 * One measured synthesis in a fresh process (so peak RSS belongs to one run):
 *   node dist/bench/synth-once.js <constructs|baseline> <n> <m> <outdir>
 *   node dist/bench/synth-once.js <per-user|team|team-exclusive|team-baseline> <n> <m> <outdir> <team size>
 * Prints one JSON line: synth wall time (build + synth, after module loading), peak RSS, resource
 * counts by type, custom policy count and cdk.tf.json size, summed over the app's stacks.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { App } from '../src/core-lib';
import { buildBaseline, buildWithConstructs, handWrittenDocuments, physicalMinimum } from './scenario';
import {
  buildTeamBaseline,
  buildTeams,
  type TeamMode,
  teamDocuments,
  teamPhysicalMinimum,
} from './teams-scenario';

const [mode, n, m, outdir, t] = process.argv.slice(2);
const size = { n: Number(n), m: Number(m) };
const teams = { ...size, t: Number(t ?? n) };
const documents = mode === 'constructs' || mode === 'baseline' ? handWrittenDocuments(size) : undefined;
const docs = documents === undefined ? teamDocuments() : undefined;

const start = process.hrtime.bigint();
let app: App;
if (mode === 'constructs') app = buildWithConstructs(size, outdir);
else if (mode === 'baseline') app = buildBaseline(size, outdir, documents!);
else if (mode === 'team-baseline') app = buildTeamBaseline(teams, outdir, docs!);
else if (mode === 'per-user' || mode === 'team' || mode === 'team-exclusive')
  app = buildTeams(mode, teams, outdir);
else throw new Error(`unknown mode ${mode}`);
app.synth();
const wallMs = Number(process.hrtime.bigint() - start) / 1e6;

const resources: { [type: string]: number } = {};
let bytes = 0;
const stacksDir = path.join(outdir, 'stacks');
for (const stack of fs.readdirSync(stacksDir).sort()) {
  const file = path.join(stacksDir, stack, 'cdk.tf.json');
  bytes += fs.statSync(file).size;
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const [type, instances] of Object.entries(json.resource ?? {}))
    resources[type] = (resources[type] ?? 0) + Object.keys(instances as object).length;
}
console.log(
  JSON.stringify({
    mode,
    n: size.n,
    m: size.m,
    t: teams.t,
    wallMs,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    resources,
    resourceCount: Object.values(resources).reduce((a, b) => a + b, 0),
    customPolicies: resources.alicloud_ram_policy ?? 0,
    bytes,
    stacks: fs.readdirSync(stacksDir).length,
    physicalMinimum:
      documents !== undefined
        ? physicalMinimum(size, documents)
        : teamPhysicalMinimum(mode as TeamMode, teams, docs!),
  }),
);
