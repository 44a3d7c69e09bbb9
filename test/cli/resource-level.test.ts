/**
 * `check` and `explain` report the resource-level silent failure: a custom policy whose Resources
 * can never match an action it names (ACTION_RESOURCE_MISMATCH), with the fix document.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ExitCode } from '../../src/cli/main';
import { DiagnosticCode, PolicyDocument, checkResourceTypes, Severity } from '../../src/policy';
import { cli } from './run';

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-resource-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const DOCUMENT = {
  Version: '1',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['cr:GetInstance', 'cr:PullRepository'],
      Resource: ['acs:cr:*:*:repository/cri-abc/team-a/*'],
    },
  ],
};

function folder(): string {
  const dir = path.join(tmp, 'tf');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'main.tf'),
    [
      'resource "alicloud_ram_policy" "team_a" {',
      '  policy_name     = "team-a-pull"',
      `  policy_document = ${JSON.stringify(JSON.stringify(DOCUMENT))}`,
      '}',
      '',
      'resource "alicloud_ram_user_policy_attachment" "alice" {',
      '  policy_name = alicloud_ram_policy.team_a.policy_name',
      '  policy_type = "Custom"',
      '  user_name   = "alice"',
      '}',
      '',
    ].join('\n'),
  );
  return dir;
}

test('check on a .tf folder: a repository-ARN policy naming cr:GetInstance is a finding with the fix document', async () => {
  const run = await cli('check', folder(), '--format', 'json');
  expect(run.code).toBe(ExitCode.FINDINGS);
  const [finding] = JSON.parse(run.stdout).findings;
  expect(finding).toMatchObject({
    code: DiagnosticCode.ACTION_RESOURCE_MISMATCH,
    severity: Severity.ERROR,
    attachment: 'alicloud_ram_policy.team_a',
    missingActions: ['cr:GetInstance'],
  });
  expect(finding.location.line).toBe(1);
  const fix = PolicyDocument.fromJson(finding.fixDocument);
  expect(fix.toJson()).toEqual(
    PolicyDocument.fromObject({
      Version: '1',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['cr:PullRepository'],
          Resource: ['acs:cr:*:*:repository/cri-abc/team-a/*'],
        },
        { Effect: 'Allow', Action: ['cr:GetInstance'], Resource: ['acs:cr:*:*:instance/cri-abc'] },
      ],
    }).toJson(),
  );
  // The fix document passes the check it came from.
  expect(checkResourceTypes(fix).filter((d) => d.severity === Severity.ERROR)).toEqual([]);
  const table = await cli('check', folder());
  expect(table.stdout).toContain('ACTION_RESOURCE_MISMATCH');
  expect(table.stdout).toContain('cr:GetInstance');
});

test('explain lists the mismatch among its diagnostics', async () => {
  const file = path.join(tmp, 'p.json');
  fs.writeFileSync(file, JSON.stringify(DOCUMENT));
  const json = JSON.parse((await cli('explain', file, '--format', 'json')).stdout);
  expect(json.diagnostics.map((d: { code: string }) => d.code)).toContain(
    DiagnosticCode.ACTION_RESOURCE_MISMATCH,
  );
  expect((await cli('explain', file)).stdout).toMatch(
    /error ACTION_RESOURCE_MISMATCH \[Statement\[0\]\.Action\[0\]\] cr:GetInstance/,
  );
});
