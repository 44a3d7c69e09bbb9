/**
 * What to check instead of a cdktf (or CDK Terrain) project folder: the check reads what synth
 * writes, the output folder named by cdktf.json's `output` (cdktf.out by default), not the app's code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const DEFAULT_OUTPUT = 'cdktf.out';

function outputFolder(projectFile: string): string {
  try {
    const output = (JSON.parse(fs.readFileSync(projectFile, 'utf8')) as { output?: unknown }).output;
    return typeof output === 'string' && output !== '' ? output : DEFAULT_OUTPUT;
  } catch {
    return DEFAULT_OUTPUT;
  }
}

/** A sentence to append to "found nothing to check in `dir`", or '' when `dir` is not a cdktf project. */
export function projectHint(dir: string): string {
  const projectFile = path.join(dir, 'cdktf.json');
  if (!fs.existsSync(projectFile)) return '';
  const out = path.join(dir, outputFolder(projectFile));
  const synthesized = fs.existsSync(path.join(out, 'manifest.json'));
  return synthesized
    ? `; it is a cdktf project (cdktf.json): check its synthesized output, ${out}`
    : `; it is a cdktf project (cdktf.json): run \`cdktf synth\` (or \`cdktn synth\`), then check ${out}`;
}
