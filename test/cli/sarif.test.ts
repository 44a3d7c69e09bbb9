/**
 * `--format sarif` validates against the official SARIF 2.1.0 schema (test/fixtures/sarif, with its
 * source), and carries what code scanning needs: a rule per finding code, results with level, message,
 * file and line, and the attachment as a logical location.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { artifactUri } from '../../src/cli/format-sarif';
import { ExitCode } from '../../src/cli/main';
import { CrCatalog, DiagnosticCode } from '../../src/policy';
import { casePaths } from '../support/check-fixtures';
import { validate } from '../support/json-schema';
import { cli } from './run';

const schema = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'),
);

async function sarifOf(...paths: string[]) {
  const r = await cli('check', ...paths, '--format', 'sarif');
  return { code: r.code, sarif: JSON.parse(r.stdout) };
}

test('the validator rejects what the SARIF schema forbids (so a pass means something)', () => {
  expect(validate(schema, { version: '2.1.0', runs: [] })).toEqual([]);
  expect(validate(schema, { version: '2.0.0', runs: [] })).toEqual([
    '/version: "2.0.0" is not one of ["2.1.0"]',
  ]);
  expect(validate(schema, { version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toEqual([
    '/runs/0/tool/driver: missing required "name"',
  ]);
  const result = { message: { text: 'x' }, locations: [{ physicalLocation: { region: { startLine: 0 } } }] };
  expect(
    validate(schema, { version: '2.1.0', runs: [{ tool: { driver: { name: 't' } }, results: [result] }] }),
  ).toEqual([
    '/runs/0/results/0/locations/0/physicalLocation/region/startLine: 0 < 1',
    '/runs/0/results/0/locations/0/physicalLocation: matches none of anyOf',
  ]);
});

test('check --format sarif validates against the SARIF 2.1.0 schema, for every input form and case', async () => {
  for (const c of ['cr-all-gap', 'cr-all-covered', 'readonly-system-rg', 'constructs-only'] as const) {
    const p = casePaths(c);
    const { sarif } = await sarifOf(p.cdktf, p.plan, p.tf);
    expect(validate(schema, sarif)).toEqual([]);
  }
});

test('a finding in SARIF: its rule, level, message, file and line, and the attachment as a logical location', async () => {
  const p = casePaths('cr-all-gap');
  const { code, sarif } = await sarifOf(p.cdktf, p.plan);
  expect(code).toBe(ExitCode.FINDINGS);
  const [run] = sarif.runs;
  expect(run.tool.driver).toMatchObject({
    name: 'cdktf-alicloud-cr-access',
    version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    informationUri: 'https://github.com/cdktf-alicloud-cr-access/cdktf-alicloud-cr-access',
  });
  expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([
    DiagnosticCode.CR_RG_GRANT_GAP,
    DiagnosticCode.CR_RG_GRANT_UNCHECKED,
  ]);
  const [fromStack, fromPlan] = run.results;
  expect(fromStack).toMatchObject({ ruleId: DiagnosticCode.CR_RG_GRANT_GAP, ruleIndex: 0, level: 'error' });
  const line =
    fs
      .readFileSync(p.cdktf, 'utf8')
      .split('\n')
      .findIndex((l) => l.includes('"DevCrAll": {')) + 1;
  expect(fromStack.locations[0].physicalLocation).toEqual({
    artifactLocation: { uri: artifactUri(p.cdktf) },
    region: { startLine: line },
  });
  expect(fromStack.locations[0].logicalLocations).toEqual([
    {
      name: 'alicloud_resource_manager_policy_attachment.DevCrAll',
      fullyQualifiedName: 'alicloud_resource_manager_policy_attachment.DevCrAll',
      kind: 'resource',
    },
    { fullyQualifiedName: 'registry-access/DevCrAll', kind: 'object' },
  ]);
  expect(fromStack.properties.missingActions).toEqual(CrCatalog.bundled().resourceGroupUnsupportedActions);
  // A plan has no line numbers: the result points at the file.
  expect(fromPlan.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: artifactUri(p.plan) } });
});

test('artifact URIs: relative paths stay relative with forward slashes and escapes; absolute ones are file URIs', () => {
  expect(artifactUri(path.join('infra', 'team a', 'main.tf'))).toBe('infra/team%20a/main.tf');
  expect(artifactUri('/work/infra/main.tf')).toBe('file:///work/infra/main.tf');
});
