/**
 * One measured synthesis in a fresh process (so peak RSS belongs to one run):
 *   node dist/bench/synth-once.js <constructs|baseline> <n> <m> <outdir>
 * Prints one JSON line: synth wall time (build + synth, after module loading), peak RSS, resource
 * counts by type, custom policy count and cdk.tf.json size.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildBaseline, buildWithConstructs, handWrittenDocuments, physicalMinimum } from './scenario';

const [mode, n, m, outdir] = process.argv.slice(2);
const size = { n: Number(n), m: Number(m) };
const documents = handWrittenDocuments(size);

const start = process.hrtime.bigint();
const app = mode === 'baseline' ? buildBaseline(size, outdir, documents) : buildWithConstructs(size, outdir);
app.synth();
const wallMs = Number(process.hrtime.bigint() - start) / 1e6;

const file = path.join(outdir, 'stacks', 'bench', 'cdk.tf.json');
const json = JSON.parse(fs.readFileSync(file, 'utf8'));
const resources: { [type: string]: number } = {};
for (const [type, instances] of Object.entries(json.resource ?? {}))
  resources[type] = Object.keys(instances as object).length;
console.log(
  JSON.stringify({
    mode,
    n: size.n,
    m: size.m,
    wallMs,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    resources,
    resourceCount: Object.values(resources).reduce((a, b) => a + b, 0),
    customPolicies: resources.alicloud_ram_policy ?? 0,
    bytes: fs.statSync(file).size,
    physicalMinimum: physicalMinimum(size, documents),
  }),
);
