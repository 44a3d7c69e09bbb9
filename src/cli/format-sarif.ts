/**
 * `--format sarif`: SARIF 2.1.0 (OASIS), as code-scanning tools read it (GitHub code scanning shows a
 * result on the file and line of its `physicalLocation`). One rule per finding code of the check; one
 * result per finding, with the attachment's file, its line when the reader knows it, and the
 * attachment's address and construct path as logical locations. The missing actions and the
 * account-level document that closes the gap are in the result's `properties`.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CheckFinding } from '../model/finding';
import { DiagnosticCode, Severity } from '../policy/diagnostic';
import type { CheckRun } from './run-result';
import { toolInfo } from './tool-info';

export const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

const RULES: { id: DiagnosticCode; name: string; short: string; full: string; level: string }[] = [
  {
    id: DiagnosticCode.CR_RG_GRANT_GAP,
    name: 'ResourceGroupGrantGap',
    short: 'A resource-group grant silently lacks the Container Registry actions resource groups ignore',
    full: 'A policy attached at resource-group scope has no effect for the cr: actions that do not support resource-group authorization. Unless the principal is granted them at account level, it lacks them, and nothing in the policy shows it.',
    level: 'error',
  },
  {
    id: DiagnosticCode.CR_RG_GRANT_UNCHECKED,
    name: 'ResourceGroupGrantUnchecked',
    short: 'A resource-group grant could not be checked',
    full: 'The policy document of a resource-group attachment could not be worked out from the configuration (a policy created elsewhere, or an expression that is not a literal), so it was not checked.',
    level: 'note',
  },
];

const LEVELS: { [s in Severity]: string } = {
  [Severity.ERROR]: 'error',
  [Severity.WARNING]: 'warning',
  [Severity.INFO]: 'note',
};

/** A file path as a SARIF artifact URI: relative paths stay relative (to the checkout), with `/`. */
export function artifactUri(file: string): string {
  if (path.isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(path.sep).join('/').split('/').map(encodeURIComponent).join('/');
}

function result(f: CheckFinding): { [key: string]: unknown } {
  const ruleIndex = RULES.findIndex((r) => r.id === f.code);
  const logicalLocations: { [key: string]: string }[] = [
    { name: f.attachment, fullyQualifiedName: f.attachment, kind: 'resource' },
  ];
  if (f.location.constructPath !== undefined) {
    logicalLocations.push({ fullyQualifiedName: f.location.constructPath, kind: 'object' });
  }
  const properties: { [key: string]: unknown } = { principal: f.principal, missingActions: f.missingActions };
  if (f.principalType !== undefined) properties.principalType = f.principalType;
  if (f.principalName !== undefined) properties.principalName = f.principalName;
  if (f.resourceGroupId !== undefined) properties.resourceGroupId = f.resourceGroupId;
  if (f.policyName !== undefined) properties.policyName = f.policyName;
  if (f.fixDocument !== undefined) properties.fixDocument = f.fixDocument;
  return {
    ruleId: f.code,
    ...(ruleIndex < 0 ? {} : { ruleIndex }),
    level: LEVELS[f.severity],
    message: { text: `${f.message}. Rule: ${f.rule}. Fix: ${f.fix}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(f.location.file) },
          ...(f.location.line === undefined ? {} : { region: { startLine: f.location.line } }),
        },
        logicalLocations,
      },
    ],
    properties,
    ...(f.accepted === undefined
      ? {}
      : {
          suppressions: [
            {
              kind: f.accepted.kind === 'comment' ? 'inSource' : 'external',
              justification: f.accepted.reason,
            },
          ],
        }),
  };
}

/**
 * Paths that could not be read, as SARIF 2.1.0 has a tool report its own failures: an unsuccessful
 * invocation (`executionSuccessful: false`) with one `toolExecutionNotifications` entry per path,
 * so a reader sees the run as incomplete rather than clean.
 */
function unreadInvocation(run: CheckRun): object {
  return {
    executionSuccessful: false,
    toolExecutionNotifications: run.unread.map((u) => ({
      level: 'error',
      message: { text: u.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(u.path) } } }],
    })),
  };
}

export function formatSarif(run: CheckRun): string {
  const tool = toolInfo();
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            informationUri: tool.informationUri,
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.name,
              shortDescription: { text: r.short },
              fullDescription: { text: r.full },
              helpUri: `${tool.informationUri}#check-existing-stacks-and-terraform-code`,
              defaultConfiguration: { level: r.level },
            })),
          },
        },
        results: run.report.findings.map(result),
        ...(run.unread.length === 0 ? {} : { invocations: [unreadInvocation(run)] }),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
