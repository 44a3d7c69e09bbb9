/**
 * The one way tests synthesize a stack: construct validations on (as `cdktf synth` runs them), then
 * the offline schema validator over the result. Returns the parsed `cdk.tf.json` of the stack.
 */
import { type TerraformStack, Testing } from '../../src/core-lib';
import { validateStack } from './schema-validator';

export type SynthesizedStack = any;

export function synth(stack: TerraformStack): SynthesizedStack {
  const text = Testing.synth(stack, true);
  const violations = validateStack(text);
  if (violations.length > 0) {
    throw new Error(`schema violations:\n${violations.map((v) => `  ${v.path}: ${v.message}`).join('\n')}`);
  }
  return JSON.parse(text);
}

/** The messages of cdktf's "Validation failed" error, one per validation error; undefined for any other error. */
export function validationErrorLines(error: unknown): string[] | undefined {
  const list = /Validation failed with the following errors:\n {2}([\s\S]*?)\n\n/.exec(
    (error as Error).message,
  );
  return list === null ? undefined : list[1].split('\n  ');
}

/** Synthesizes `stack` as synth() does and returns its validation errors as cdktf lists them (`[path] text`). */
export function synthErrors(stack: TerraformStack): string[] {
  try {
    synth(stack);
  } catch (e) {
    const lines = validationErrorLines(e);
    if (lines === undefined) throw e;
    return lines;
  }
  return [];
}
