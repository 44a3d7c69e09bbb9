/**
 * The default output: one table row per finding, then each finding in full (message, principal,
 * resource group, policy, the missing actions, rule, fix and the account-level document that closes
 * the gap), then a one-line summary.
 */
import type { CheckFinding } from '../model/finding';
import { DiagnosticCode, Severity } from '../policy/diagnostic';
import type { CheckRun } from './run-result';

/** Columns padded to their widest cell; the last column is not padded. */
export function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  '));
}

/** Words joined by `, `, wrapped at `width` characters, each line indented. */
export function wrap(words: string[], indent: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line === '' ? w : `${line}, ${w}`;
    if (line !== '' && indent.length + next.length > width) {
      lines.push(`${indent}${line},`);
      line = w;
    } else line = next;
  }
  if (line !== '') lines.push(`${indent}${line}`);
  return lines;
}

export function where(f: CheckFinding): string {
  return f.location.line === undefined ? f.location.file : `${f.location.file}:${f.location.line}`;
}

function details(f: CheckFinding, n: number): string[] {
  const out = [`${n}. ${f.severity} ${f.code} ${f.attachment}`, `   at ${where(f)}`];
  if (f.location.constructPath !== undefined) out.push(`   construct ${f.location.constructPath}`);
  out.push(`   ${f.message}`);
  out.push(`   principal: ${f.principal}`);
  if (f.resourceGroupId !== undefined) out.push(`   resource group: ${f.resourceGroupId}`);
  if (f.policyName !== undefined) out.push(`   policy: ${f.policyName}`);
  if (f.missingActions.length > 0) {
    out.push(`   missing actions (${f.missingActions.length}):`);
    out.push(...wrap(f.missingActions, '     '));
  }
  out.push(`   Rule: ${f.rule}`);
  out.push(`   Fix: ${f.fix}`);
  if (f.fixDocument !== undefined && !f.fix.includes(f.fixDocument))
    out.push(`   account-level document: ${f.fixDocument}`);
  return out;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function formatTable(run: CheckRun): string {
  const { attachmentsChecked } = run.report;
  const all = run.report.findings;
  const findings = all.filter((f) => f.accepted === undefined);
  const accepted = all.filter((f) => f.accepted !== undefined);
  const outside = run.report.attachmentsOutside ?? 0;
  const notChecked = all.filter((f) => f.code === DiagnosticCode.CR_RG_GRANT_UNCHECKED).length;
  const resources = run.inputs.reduce((a, i) => a + i.resources, 0);
  const lines = [
    `Read ${count(attachmentsChecked, 'resource-group attachment')} among ${count(resources, 'resource')} in ${run.inputs
      .map((i) => `${i.source} (${i.form})`)
      .join(
        ', ',
      )}: ${attachmentsChecked - outside - notChecked} checked, ${outside} outside Container Registry, ${notChecked} not checked.`,
    ...run.inputs.flatMap((i) => (i.notes ?? []).map((n) => `Note: ${n}`)),
  ];
  if (run.unread.length > 0) {
    lines.push(
      `Not read (${run.unread.length}, see the errors above): ${run.unread.map((u) => u.path).join(', ')}.`,
    );
  }
  if (findings.length > 0) {
    lines.push('');
    lines.push(
      ...table([
        ['SEVERITY', 'CODE', 'WHERE', 'ATTACHMENT', 'MISSING'],
        ...findings.map((f) => [f.severity, f.code, where(f), f.attachment, String(f.missingActions.length)]),
      ]),
    );
    findings.forEach((f, i) => lines.push('', ...details(f, i + 1)));
  }
  const by = (s: Severity) => findings.filter((f) => f.severity === s).length;
  lines.push('');
  lines.push(
    findings.length === 0
      ? 'No findings.'
      : `${count(findings.length, 'finding')}: ${count(by(Severity.ERROR), 'error')}, ${count(by(Severity.WARNING), 'warning')}, ${by(Severity.INFO)} information.`,
  );
  if (accepted.length > 0) {
    lines.push(`${count(accepted.length, 'accepted finding')} (not counted above):`);
    for (const f of accepted)
      lines.push(
        `  ${f.code} ${f.attachment}: ${f.accepted!.reason} (${f.accepted!.kind} ${f.accepted!.source}${f.accepted!.until === undefined ? '' : `, until ${f.accepted!.until}`})`,
      );
  }
  return `${lines.join('\n')}\n`;
}
