/**
 * `--format json`: the report with CheckFinding's field names (documented in the README, "Check
 * existing stacks and Terraform code"), plus the inputs read and, when some could not be, `unreadInputs`
 * (`path`, `message`). Field order is fixed, so the output of
 * one input is byte-identical from run to run.
 */
import { type CheckRun, findingFields } from './run-result';

export function formatJson(run: CheckRun): string {
  const out = {
    inputs: run.inputs,
    ...(run.unread.length === 0 ? {} : { unreadInputs: run.unread }),
    attachmentsChecked: run.report.attachmentsChecked,
    attachmentsOutside: run.report.attachmentsOutside ?? 0,
    findings: run.report.findings.map(findingFields),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
