/**
 * `--format json`: the report with CheckFinding's field names (documented in the README, "Check
 * existing stacks and Terraform code"), plus the inputs read. Field order is fixed, so the output of
 * one input is byte-identical from run to run.
 */
import { type CheckRun, findingFields } from './run-result';

export function formatJson(run: CheckRun): string {
  const out = {
    inputs: run.inputs,
    attachmentsChecked: run.report.attachmentsChecked,
    attachmentsOutside: run.report.attachmentsOutside ?? 0,
    findings: run.report.findings.map(findingFields),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
