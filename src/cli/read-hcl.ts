/**
 * Reads a folder of Terraform `.tf` files (one module: the folder's own `.tf` and `.tf.json` files, as
 * Terraform reads them, and the local modules it calls; a single `.tf` file is read alone). HCL is parsed by `@cdktf/hcl2json`, HashiCorp's HCL parser
 * compiled to WebAssembly (offline, no Terraform needed), which gives every expression as a `${...}`
 * string. Literal expressions, such as `jsonencode({...})` of a literal policy document, are then
 * evaluated (hcl-literal.ts); everything else stays an expression, for the check to follow or to report
 * as not checked. Lines come from each block's header (`resource "<type>" "<name>"`) in the file text.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ResourceMode, type TerraformResource } from '../model/terraform';
import { evaluateLiterals } from './hcl-literal';
import { checkNesting, checkTextNesting } from './nesting';
import { InputError, listFolder, oneLine, parseJson, readText, statPath } from './input-error';
import { type Configuration, isTerraformJsonConfig, resourcesOfTerraformJson } from './read-cdktf';

type Json = { [key: string]: unknown };

const BLOCKS: { [block: string]: ResourceMode } = { resource: ResourceMode.MANAGED, data: ResourceMode.DATA };

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** 1-based line of `<block> "<type>" "<name>"` in `text` (labels may be quoted or bare). */
function blockLine(text: string, block: string, type: string, name: string): number | undefined {
  const label = (l: string) => `(?:"${escapeRegExp(l)}"|${escapeRegExp(l)}(?![\\w-]))`;
  const m = new RegExp(`^[ \\t]*${block}[ \\t]+${label(type)}[ \\t]+${label(name)}`, 'm').exec(text);
  if (m === null) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

// hcl2json is loaded on first use: its WebAssembly module costs ~0.4 s, paid only for .tf input.
async function parseHcl(file: string, text: string): Promise<Json> {
  checkTextNesting(file, text);
  const hcl2json: typeof import('@cdktf/hcl2json') = await import('@cdktf/hcl2json');
  try {
    const json = (await withDeadline(file, hcl2json.parse(path.basename(file), text))) as Json;
    checkNesting(file, json);
    return json;
  } catch (e) {
    if (e instanceof InputError) throw e;
    // The parser recurses: a value nested thousands deep overflows its stack before it can say so.
    const why =
      e instanceof RangeError ? 'nests too deeply to parse' : oneLine(String((e as Error).message ?? e));
    throw new InputError(file, `invalid HCL (${why})`);
  }
}

/**
 * The longest one file's parse may take. The parser runs in a WebAssembly Go runtime; if that runtime
 * ever exits (a panic on some input), its pending answer never comes, and without a deadline the run
 * would end silently. Parsing a real file takes milliseconds.
 */
const PARSE_DEADLINE_MS = 30_000;

function withDeadline<T>(file: string, parsing: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new InputError(file, `the HCL parser gave no answer within ${PARSE_DEADLINE_MS / 1000} s`)),
      PARSE_DEADLINE_MS,
    );
  });
  return Promise.race([parsing, deadline]).finally(() => clearTimeout(timer));
}

/** A module's resources (module path set) and its calls to local modules (`[name, source]`). */
interface ModuleFile {
  readonly resources: TerraformResource[];
  readonly calls: [string, string][];
}

/** Calls to modules whose source is a local folder (`./` or `../`); others cannot be read offline. */
function localCalls(moduleBlocks: unknown): [string, string][] {
  if (moduleBlocks === null || typeof moduleBlocks !== 'object') return [];
  return Object.entries(moduleBlocks as Json).flatMap(([name, bodies]) => {
    const source = ((Array.isArray(bodies) ? bodies[0] : bodies) as Json | undefined)?.source;
    return typeof source === 'string' && /^\.\.?\//.test(source) ? [[name, source] as [string, string]] : [];
  });
}

/** The resources of one `.tf` file, in module `module` (undefined: the root module). */
export async function readTfFile(file: string, module?: string): Promise<ModuleFile> {
  const text = readText(file);
  const parsed = await parseHcl(file, text);
  const out: TerraformResource[] = [];
  for (const [block, mode] of Object.entries(BLOCKS)) {
    const types = parsed[block];
    if (types === undefined || types === null || typeof types !== 'object') continue;
    for (const [type, byName] of Object.entries(types as Json)) {
      for (const [name, bodies] of Object.entries(byName as Json)) {
        // hcl2json gives each block as a list of bodies; a resource block has exactly one.
        const body = (Array.isArray(bodies) ? bodies[0] : bodies) as Json;
        out.push({
          mode,
          resourceType: type,
          name,
          module,
          attributes: evaluateLiterals(body ?? {}) as Json,
          location: { file, line: blockLine(text, block, type, name) },
        });
      }
    }
  }
  return { resources: out, calls: localCalls(parsed.module) };
}

/** A `.tf.json` file (Terraform's JSON syntax, read like cdk.tf.json), in module `module`. */
function readTfJsonFile(file: string, module?: string): ModuleFile {
  const text = readText(file);
  const json = parseJson(file, text) as Json;
  const resources = isTerraformJsonConfig(json) ? resourcesOfTerraformJson(file, json, text) : [];
  return { resources: resources.map((r) => ({ ...r, module })), calls: localCalls(json?.module) };
}

/**
 * The `.tf` and `.tf.json` files of a folder, sorted (Terraform reads them all as one module). A
 * folder with such a name is skipped, as Terraform skips it; a link that leads nowhere or loops is an
 * InputError naming it, since Terraform could not read that module either.
 */
export function tfFiles(dir: string): string[] {
  return listFolder(dir)
    .filter((f) => f.endsWith('.tf') || f.endsWith('.tf.json'))
    .sort()
    .map((f) => path.join(dir, f))
    .filter((f) => !statPath(f).isDirectory());
}

function realFolder(where: string, dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch (e) {
    throw new InputError(where, `its source cannot be resolved (${(e as Error).message})`);
  }
}

/** Local modules nest at most this deep (Terraform has no limit; this stops a module calling itself). */
const MAX_MODULE_DEPTH = 16;

async function readModule(
  files: string[],
  module: string | undefined,
  ancestors: string[],
): Promise<TerraformResource[]> {
  const resources: TerraformResource[] = [];
  for (const f of files) {
    const read = f.endsWith('.json') ? readTfJsonFile(f, module) : await readTfFile(f, module);
    resources.push(...read.resources);
    for (const [name, source] of read.calls) {
      const dir = path.join(path.dirname(f), source);
      const where = `${f}: module "${name}"`;
      if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
        throw new InputError(where, `its source "${source}" is not a folder`);
      }
      const real = realFolder(where, dir);
      if (ancestors.includes(real) || ancestors.length >= MAX_MODULE_DEPTH) {
        throw new InputError(
          where,
          `its source "${source}" calls itself, or modules nest deeper than ${MAX_MODULE_DEPTH}`,
        );
      }
      const child = `${module === undefined ? '' : `${module}.`}module.${name}`;
      resources.push(...(await readModule(tfFiles(dir), child, [...ancestors, real])));
    }
  }
  return resources;
}

/**
 * Reads a folder of `.tf` files (or one `.tf` file) as one configuration, with the local modules it
 * calls (`source = "./..."`), each resource under its module path (`module.<name>`), as Terraform
 * addresses it. Module arguments are not evaluated: inside a module, a value passed in by a variable
 * stays `${var.<name>}`.
 */
export async function readTfFolder(dirOrFile: string): Promise<Configuration> {
  const isDir = statPath(dirOrFile).isDirectory();
  const files = isDir ? tfFiles(dirOrFile) : [dirOrFile];
  if (files.length === 0) throw new InputError(dirOrFile, 'the folder holds no .tf file');
  const root = realFolder(dirOrFile, isDir ? dirOrFile : path.dirname(dirOrFile));
  return { source: dirOrFile, resources: await readModule(files, undefined, [root]) };
}
