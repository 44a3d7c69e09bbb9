/**
 * Reads a synthesized cdktf stack: a `cdk.tf.json` file, or a `cdktf.out` folder (every stack its
 * `manifest.json` lists, or else every `stacks/<name>/cdk.tf.json`). cdktf writes Terraform's JSON
 * configuration syntax: `resource.<type>.<name> = {...}` and `data.<type>.<name> = {...}`, where `"//"`
 * holds cdktf's metadata (`metadata.path` is the construct path). Values are kept as written:
 * references are `${...}` strings already.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readSynthesized } from '../model/synthesized';
import type { TerraformResource } from '../model/terraform';
import { InputError, parseJson, readText } from './input-error';

/** One configuration read from a file: its resources are checked together. */
export interface Configuration {
  /** What was read (a file, or a stack's file inside a cdktf.out folder). */
  readonly source: string;
  readonly resources: TerraformResource[];
}

const BLOCKS = ['resource', 'data'];

function isObject(v: unknown): v is { [key: string]: unknown } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** True when `json` looks like Terraform JSON configuration (a `resource` or `data` object). */
export function isTerraformJsonConfig(json: unknown): boolean {
  return isObject(json) && (isObject(json.resource) || isObject(json.data));
}

/**
 * The resources of a parsed `cdk.tf.json`; `text` is the file's text, for line numbers. The shape is
 * checked first (a malformed file is an InputError naming the block), then the model's own reader
 * (readSynthesized: construct paths, the constructs' exclusions comment, the line of each resource's
 * key) reads it.
 */
export function resourcesOfTerraformJson(file: string, json: unknown, text: string): TerraformResource[] {
  if (!isTerraformJsonConfig(json)) {
    throw new InputError(file, 'not a Terraform JSON configuration (no "resource" or "data" object)');
  }
  const config = json as { [block: string]: unknown };
  for (const block of BLOCKS) {
    const types = config[block];
    if (types === undefined) continue;
    if (!isObject(types)) throw new InputError(file, `"${block}" is not an object`);
    for (const [type, byName] of Object.entries(types)) {
      if (!isObject(byName)) throw new InputError(file, `"${block}.${type}" is not an object`);
      for (const [name, body] of Object.entries(byName)) {
        if (!isObject(body)) throw new InputError(file, `"${block}.${type}.${name}" is not an object`);
      }
    }
  }
  return readSynthesized(json, file, text);
}

/** Reads one `cdk.tf.json` file. */
export function readCdkTfJson(file: string): Configuration {
  const text = readText(file);
  return { source: file, resources: resourcesOfTerraformJson(file, parseJson(file, text), text) };
}

/** The stack files of a `cdktf.out` folder, in the manifest's order (or by stack name). */
export function cdktfOutStackFiles(dir: string): string[] {
  const manifestFile = path.join(dir, 'manifest.json');
  if (fs.existsSync(manifestFile)) {
    const manifest = parseJson(manifestFile, readText(manifestFile));
    const stacks = isObject(manifest) ? manifest.stacks : undefined;
    if (!isObject(stacks)) throw new InputError(manifestFile, 'no "stacks" object in the cdktf manifest');
    return Object.entries(stacks).map(([name, stack]) => {
      const synthesized = isObject(stack) ? stack.synthesizedStackPath : undefined;
      if (typeof synthesized !== 'string') {
        throw new InputError(manifestFile, `stack "${name}" has no "synthesizedStackPath"`);
      }
      return path.join(dir, synthesized);
    });
  }
  const stacksDir = path.join(dir, 'stacks');
  const names = fs.existsSync(stacksDir) ? fs.readdirSync(stacksDir).sort() : [];
  return names.map((n) => path.join(stacksDir, n, 'cdk.tf.json')).filter((f) => fs.existsSync(f));
}

/** True when `dir` looks like a cdktf output folder. */
export function isCdktfOut(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'manifest.json')) || cdktfOutStackFiles(dir).length > 0;
}

/** Reads every stack of a `cdktf.out` folder. */
export function readCdktfOut(dir: string): Configuration[] {
  const files = cdktfOutStackFiles(dir);
  if (files.length === 0) throw new InputError(dir, 'the cdktf output folder holds no stack');
  return files.map(readCdkTfJson);
}
