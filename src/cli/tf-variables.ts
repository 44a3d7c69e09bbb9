/**
 * Values of the root module's input variables, in Terraform's order of precedence (Terraform
 * documentation, "Variable definition precedence"; later wins): `terraform.tfvars`,
 * `terraform.tfvars.json`, `*.auto.tfvars` and `*.auto.tfvars.json` in lexical order, then each
 * `--var-file` and `--var name=value` in the order given on the command line.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { evaluateStandalone } from '../model/hcl/module';
import { parseExpression } from '../model/hcl/parse';
import { isUnknown, type Value } from '../model/hcl/value';
import { InputError, parseJson, readText } from './input-error';

/** A variable value or file from the command line, in order. */
export type VariableArgument = { readonly file: string } | { readonly assignment: string };

type Json = { [key: string]: unknown };

async function readVarFile(file: string): Promise<{ [name: string]: Value }> {
  const text = readText(file);
  let body: Json;
  if (file.endsWith('.json')) body = parseJson(file, text) as Json;
  else {
    const hcl2json: typeof import('@cdktf/hcl2json') = await import('@cdktf/hcl2json');
    try {
      body = (await hcl2json.parse(path.basename(file), text)) as Json;
    } catch (e) {
      throw new InputError(file, `invalid HCL (${String((e as Error).message ?? e)})`);
    }
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new InputError(file, 'a variables file holds name = value assignments');
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, evaluateStandalone(v)]));
}

/** `name=value`: the value as an HCL expression when it is one (a number, a list), else the text. */
function assignment(arg: string): [string, Value] {
  const eq = arg.indexOf('=');
  if (eq <= 0) throw new InputError('--var', `expected name=value (value: ${arg})`);
  const text = arg.slice(eq + 1);
  let value: Value = text;
  try {
    const v = evaluateStandalone(`\${${text}}`, parseExpression(text));
    if (!isUnknown(v)) value = v;
  } catch {
    value = text;
  }
  return [arg.slice(0, eq), value];
}

/** The variable files Terraform loads on its own from the root module's folder. */
export function automaticVarFiles(dir: string): string[] {
  const names = fs.readdirSync(dir);
  const auto = names.filter((n) => n.endsWith('.auto.tfvars') || n.endsWith('.auto.tfvars.json')).sort();
  return [...['terraform.tfvars', 'terraform.tfvars.json'].filter((n) => names.includes(n)), ...auto].map(
    (n) => path.join(dir, n),
  );
}

/** The root module's variable values (see the file header). */
export async function rootVariables(
  dir: string,
  args: readonly VariableArgument[],
): Promise<{ [name: string]: Value }> {
  const out: { [name: string]: Value } = {};
  for (const f of automaticVarFiles(dir)) Object.assign(out, await readVarFile(f));
  for (const a of args) {
    if ('file' in a) Object.assign(out, await readVarFile(a.file));
    else {
      const [k, v] = assignment(a.assignment);
      out[k] = v;
    }
  }
  return out;
}
