/**
 * The tool's name, version and home page, from the installed package's package.json (so the CDK Terrain
 * build reports its own name). Looked up from this file's folder upwards: lib/cli in the package,
 * src/cli in tests, dist/src/cli in the benchmark build.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ToolInfo {
  readonly name: string;
  readonly version: string;
  readonly informationUri: string;
}

let cached: ToolInfo | undefined;

export function toolInfo(): ToolInfo {
  if (cached !== undefined) return cached;
  for (let dir = __dirname, i = 0; i < 5; dir = path.dirname(dir), i++) {
    const file = path.join(dir, 'package.json');
    if (!fs.existsSync(file)) continue;
    const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (typeof pkg.name !== 'string' || !pkg.name.endsWith('-alicloud-cr-access')) continue;
    const repo = String(pkg.repository?.url ?? '')
      .replace(/^git\+/, '')
      .replace(/\.git$/, '');
    cached = { name: pkg.name, version: String(pkg.version), informationUri: repo };
    return cached;
  }
  throw new Error(`package.json of the tool not found above ${__dirname}`);
}
