/**
 * The resource-level silent failure in Terraform code (issue 21): a custom policy whose only Resource
 * is a repository ARN, listing actions authorized against the instance or against no resource, is a
 * finding of `check` with the document that grants them where they take effect.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiagnosticCode } from '../../src';
import { cli } from './run';

const REPOSITORY_ARN = 'acs:cr:*:*:repository/cri-abc/team-a/*';

function folder(actions: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-resource-level-'));
  const document = JSON.stringify({
    Version: '1',
    Statement: [{ Effect: 'Allow', Action: actions, Resource: [REPOSITORY_ARN] }],
  });
  fs.writeFileSync(
    path.join(dir, 'main.tf'),
    `resource "alicloud_ram_policy" "team_a_images" {
  policy_name     = "team-a-images"
  policy_document = jsonencode(${document})
}

resource "alicloud_ram_user_policy_attachment" "ci" {
  policy_name = alicloud_ram_policy.team_a_images.policy_name
  policy_type = "Custom"
  user_name   = "ci"
}
`,
  );
  return dir;
}

describe('check on a repository-ARN policy', () => {
  test('cr:GetInstance and cr:GetAuthorizationToken on a repository ARN: a finding naming them, with a fix that grants them where RAM authorizes them', async () => {
    const dir = folder([
      'cr:PullRepository',
      'cr:PushRepository',
      'cr:GetInstance',
      'cr:GetAuthorizationToken',
    ]);
    const r = await cli('check', dir, '--format', 'json');
    expect(r.code).toBe(1);
    const [finding, ...others] = JSON.parse(r.stdout).findings;
    expect(others).toEqual([]);
    expect(finding.code).toBe(DiagnosticCode.ACTION_RESOURCE_MISMATCH);
    expect(finding.attachment).toBe('alicloud_ram_policy.team_a_images');
    expect(finding.missingActions).toEqual(['cr:GetAuthorizationToken', 'cr:GetInstance']);
    const fix = JSON.parse(finding.fixDocument);
    const resourcesOf = (action: string) =>
      fix.Statement.filter((s: any) => s.Action.includes(action)).flatMap((s: any) => s.Resource);
    expect(resourcesOf('cr:PullRepository')).toEqual([REPOSITORY_ARN]);
    expect(resourcesOf('cr:GetInstance')).toEqual(['acs:cr:*:*:instance/cri-abc']);
    // Its request resource is documented both as none and as the instance's repository resource.
    expect(resourcesOf('cr:GetAuthorizationToken')).toContain('*');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the same policy with only repository actions: no finding', async () => {
    const dir = folder(['cr:PullRepository', 'cr:PushRepository']);
    const r = await cli('check', dir, '--format', 'json');
    expect([r.code, JSON.parse(r.stdout).findings]).toEqual([0, []]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
