/**
 * Reads a Terraform module folder (its `.tf` and `.tf.json` files, as Terraform reads them, and the
 * local modules it calls) and evaluates it as Terraform does before apply (src/model/hcl/module.ts:
 * variables from tfvars and --var, locals, module arguments, count and for_each, functions). A path to
 * one `.tf` file reads that file's whole module: Terraform's unit is the folder, and an attachment in
 * the module's other files would otherwise be missed (a note says so). HCL is parsed by
 * `@cdktf/hcl2json`, HashiCorp's HCL parser compiled to WebAssembly (offline, no Terraform needed).
 * Lines come from each block's header (`resource "<type>" "<name>"`) in the file text.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { evaluateConfiguration, type ModuleFile, type ModuleTree } from '../model/hcl/module';
import { lineKey, resourceKeyLines } from '../model/json-key-lines';
import { ResourceMode, type TerraformResource } from '../model/terraform';
import { InputError, listFolder, oneLine, parseJson, readText, statPath } from './input-error';
import { checkNesting, checkTextNesting } from './nesting';
import type { Configuration } from './read-cdktf';
import { ignoreCommentsOf } from './tf-ignore-comments';
import { rootVariables, type VariableArgument } from './tf-variables';

type Json = { [key: string]: unknown };

/** Options of the .tf reader. */
export interface TfReadOptions {
  /** --var-file and --var arguments, in command-line order. */
  readonly variables?: readonly VariableArgument[];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** 1-based line of `<block> "<type>" "<name>"` in `text` (labels may be quoted or bare). */
export function blockLine(text: string, block: string, type: string, name: string): number | undefined {
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

interface LoadedFile extends ModuleFile {
  readonly text: string;
}

async function loadFile(file: string): Promise<LoadedFile> {
  const text = readText(file);
  if (file.endsWith('.json')) {
    const body = parseJson(file, text) as Json;
    const lines = resourceKeyLines(text);
    return { file, text, body, lineOf: (block, type, name) => lines.get(lineKey(block, type, name)) };
  }
  const body = await parseHcl(file, text);
  return { file, text, body, lineOf: (block, type, name) => blockLine(text, block, type, name) };
}

/** Calls to modules whose source is a local folder (`./` or `../`); others cannot be read offline. */
function localCalls(body: Json): [string, string][] {
  const blocks = body.module;
  if (blocks === null || typeof blocks !== 'object') return [];
  return Object.entries(blocks as Json).flatMap(([name, bodies]) => {
    const source = ((Array.isArray(bodies) ? bodies[0] : bodies) as Json | undefined)?.source;
    return typeof source === 'string' && /^\.\.?\//.test(source) ? [[name, source] as [string, string]] : [];
  });
}

async function loadTree(
  dir: string,
  files: string[],
  ancestors: string[],
  loaded: LoadedFile[],
): Promise<ModuleTree> {
  const parsed = await Promise.all(files.map(loadFile));
  loaded.push(...parsed);
  const children: { [call: string]: ModuleTree } = {};
  for (const f of parsed) {
    for (const [name, source] of localCalls(f.body)) {
      const child = path.join(path.dirname(f.file), source);
      const where = `${f.file}: module "${name}"`;
      if (!fs.existsSync(child) || !fs.statSync(child).isDirectory()) {
        throw new InputError(where, `its source "${source}" is not a folder`);
      }
      const real = realFolder(where, child);
      if (ancestors.includes(real) || ancestors.length >= MAX_MODULE_DEPTH) {
        throw new InputError(
          where,
          `its source "${source}" calls itself, or modules nest deeper than ${MAX_MODULE_DEPTH}`,
        );
      }
      children[name] = await loadTree(child, tfFiles(child), [...ancestors, real], loaded);
    }
  }
  return { dir, files: parsed, children };
}

/**
 * Reads a module folder (or the folder of a `.tf` file) as one configuration, evaluated (file header),
 * each resource under its module instance path (`module.<name>[key]`), as Terraform addresses it.
 */
export async function readTfFolder(
  dirOrFile: string,
  options: TfReadOptions = {},
): Promise<Configuration & { notes: string[] }> {
  const isDir = statPath(dirOrFile).isDirectory();
  const dir = isDir ? dirOrFile : path.dirname(dirOrFile);
  const files = tfFiles(dir);
  if (files.length === 0) throw new InputError(dirOrFile, 'the folder holds no .tf file');
  const loaded: LoadedFile[] = [];
  const tree = await loadTree(dir, files, [realFolder(dirOrFile, dir)], loaded);
  const variables = await rootVariables(dir, options.variables ?? []);
  const evaluated = evaluateConfiguration(tree, { variables });
  const comments = new Map(loaded.map((f) => [f.file, ignoreCommentsOf(f.text, f.file)]));
  const resources: TerraformResource[] = evaluated.resources.map((r) => {
    const accepted = r.line === undefined ? [] : (comments.get(r.file)?.(r.line) ?? []);
    return {
      mode: r.block === 'data' ? ResourceMode.DATA : ResourceMode.MANAGED,
      resourceType: r.type,
      name: r.name,
      module: r.module,
      attributes: r.attributes,
      location: { file: r.file, line: r.line },
      ...(accepted.length === 0 ? {} : { accepted }),
    };
  });
  const notes = isDir
    ? evaluated.notes
    : [
        `${dirOrFile} was read with the other files of its module (${dir}): Terraform reads a module's folder as one unit`,
        ...evaluated.notes,
      ];
  return { source: dirOrFile, resources, notes };
}
