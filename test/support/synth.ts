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
