/**
 * `explain <policy.json>`: the resource-group split of one policy document, through the engine's own
 * splitForResourceGroupScope: the document to attach at resource-group scope, the account-level
 * document, the engine's diagnostics, and for each granted catalog action which patterns matched it,
 * where it went and why.
 */
import { DiagnosticCode, formatDiagnostic, PolicyError, Severity } from '../policy/diagnostic';
import { PolicyDocument } from '../policy/document';
import { checkResourceTypes } from '../policy/resource-check';
import { type ResourceGroupSplit, splitForResourceGroupScope } from '../policy/split';
import { table } from './format-table';
import { InputError, readText } from './input-error';

/**
 * The split of the document in `file`, with the actions its Resources can never grant among its
 * diagnostics (resource-check.ts: errors only; its information would repeat on every document); a document the engine rejects is an InputError.
 */
export function explainFile(file: string): ResourceGroupSplit {
  const text = readText(file);
  try {
    return explainDocument(PolicyDocument.fromJson(text));
  } catch (e) {
    if (e instanceof PolicyError) {
      throw new InputError(file, e.diagnostics.map((d) => formatDiagnostic(d)).join(' '));
    }
    throw e;
  }
}

/** The split of one document, as the constructs would split it. */
export function explainDocument(document: PolicyDocument): ResourceGroupSplit {
  const split = splitForResourceGroupScope(document);
  const mismatches = checkResourceTypes(document).filter((d) => d.severity === Severity.ERROR);
  return { ...split, diagnostics: [...split.diagnostics, ...mismatches] };
}

/** True when the document grants no catalog action and says nothing but "another service's action". */
export function grantsNoCrAction(split: ResourceGroupSplit): boolean {
  return (
    split.explanation.length === 0 &&
    split.diagnostics.every((d) => d.code === DiagnosticCode.NON_CR_ACTION_UNCHECKED)
  );
}

/** `systemPolicy`: the name of the system policy explained, when it was one. */
export function explainJson(split: ResourceGroupSplit, systemPolicy?: string): string {
  const out = {
    ...(systemPolicy === undefined ? {} : { systemPolicy }),
    resourceGroupDocument: split.resourceGroupDocument.toJson(),
    accountLevelDocument: split.accountLevelDocument?.toJson() ?? null,
    diagnostics: split.diagnostics,
    explanation: split.explanation,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

export function explainTable(split: ResourceGroupSplit): string {
  const lines = [
    'Resource-group document (attach at resource-group scope):',
    split.resourceGroupDocument.render(),
    '',
  ];
  lines.push('Account-level document (attach at account scope, to the same principal):');
  lines.push(
    split.accountLevelDocument?.render() ?? 'none: every granted catalog action supports resource groups',
  );
  if (split.diagnostics.length > 0) {
    lines.push(
      '',
      'Diagnostics:',
      ...split.diagnostics.map((d) => `  ${d.severity} ${d.code} ${formatDiagnostic(d)}`),
    );
  }
  lines.push('', `Granted catalog actions (${split.explanation.length}):`);
  lines.push(
    ...table([
      ['ACTION', 'STATEMENT', 'MATCHED BY', 'PLACEMENT'],
      ...split.explanation.map((e) => [e.action, String(e.statement), e.matchedBy.join(' '), e.placement]),
    ]).map((l) => `  ${l}`),
  );
  const reasons = [...new Map(split.explanation.map((e) => [e.placement, e.reason])).entries()];
  lines.push('', 'Why:', ...reasons.map(([p, r]) => `  ${p}: ${r}`));
  return `${lines.join('\n')}\n`;
}
