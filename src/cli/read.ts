/**
 * Reads what `check` is given, whatever its form, into configurations (each checked on its own, as
 * references only make sense inside one):
 *   - a folder: a cdktf output folder (`manifest.json` or `stacks/<name>/cdk.tf.json`), else a cdktf
 *     stack folder (a `cdk.tf.json` and no `.tf` file), else a folder of `.tf` (and `.tf.json`) files;
 *   - a `.tf` file: that file alone;
 *   - any other file is JSON: a Terraform plan or state (`format_version` with `planned_values`,
 *     `resource_changes` or `values`), or a Terraform JSON configuration such as `cdk.tf.json`
 *     (a `resource` or `data` object).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError, parseJson, readText, statPath } from './input-error';
import { projectHint } from './project-hint';
import {
  type Configuration,
  isCdktfOut,
  isTerraformJsonConfig,
  readCdkTfJson,
  readCdktfOut,
  resourcesOfTerraformJson,
} from './read-cdktf';
import { readTfFolder, type TfReadOptions, tfFiles } from './read-hcl';
import { isPlanJson, resourcesOfPlan } from './read-plan';

/** The input forms `check` reads. */
export enum InputForm {
  CDKTF_OUT = 'cdktf.out folder',
  TERRAFORM_JSON = 'cdk.tf.json',
  PLAN_JSON = 'plan JSON',
  TF = '.tf files',
}

/** A configuration with the form it was read as. */
export interface ReadConfiguration extends Configuration {
  readonly form: InputForm;
  /** What the reader did not evaluate, or read beyond what was asked (.tf input). */
  readonly notes?: string[];
}

async function readFolder(dir: string, tf: TfReadOptions): Promise<ReadConfiguration[]> {
  if (isCdktfOut(dir)) return readCdktfOut(dir).map((c) => ({ ...c, form: InputForm.CDKTF_OUT }));
  const files = tfFiles(dir);
  const stackFile = path.join(dir, 'cdk.tf.json');
  // A cdktf stack folder holds cdk.tf.json and no .tf file; a module may mix .tf and .tf.json files.
  if (!files.some((f) => f.endsWith('.tf')) && fs.existsSync(stackFile)) {
    return [{ ...readCdkTfJson(stackFile), form: InputForm.TERRAFORM_JSON }];
  }
  if (files.length > 0) return [{ ...(await readTfFolder(dir, tf)), form: InputForm.TF }];
  throw new InputError(
    dir,
    `found no .tf files, cdk.tf.json or cdktf output (manifest.json) in this folder${projectHint(dir)}`,
  );
}

function readJsonFile(file: string): ReadConfiguration {
  const text = readText(file);
  const json = parseJson(file, text);
  if (isPlanJson(json))
    return { source: file, resources: resourcesOfPlan(file, json), form: InputForm.PLAN_JSON };
  if (isTerraformJsonConfig(json)) {
    return {
      source: file,
      resources: resourcesOfTerraformJson(file, json, text),
      form: InputForm.TERRAFORM_JSON,
    };
  }
  throw new InputError(
    file,
    'unknown input: neither a Terraform plan in JSON ("format_version" with "planned_values") nor a Terraform JSON configuration such as cdk.tf.json ("resource" or "data")',
  );
}

/** Reads one path given to `check`. */
export async function readInput(p: string, tf: TfReadOptions = {}): Promise<ReadConfiguration[]> {
  if (statPath(p).isDirectory()) return readFolder(p, tf);
  if (p.endsWith('.tf')) return [{ ...(await readTfFolder(p, tf)), form: InputForm.TF }];
  return [readJsonFile(p)];
}
