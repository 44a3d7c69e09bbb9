/**
 * The apps whose synthesized output is the upgrade contract (test/compat/compat.test.ts): the example
 * app, and a broad app that uses every construct, both team membership forms, each preset, named and
 * unnamed custom accesses, a size-split document, account-level exclusions and the stack check in fix
 * mode. `renamed` renames one custom access, so a test can show what the contract catches.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildApp } from '../../examples/main';
import {
  CrAccess,
  CrAccessCheck,
  CrAccessCheckMode,
  CrAccessGrant,
  CrAccessScope,
  CrAccessTeam,
  CrReadOnlyUser,
  CrTeamMembership,
  PolicyDocument,
  PolicyStatement,
  RamPrincipal,
  ResourceGroupScopedCrDeveloper,
  ResourceGroupScopedCrReadOnly,
} from '../../src';
import { App, TerraformStack, Testing } from '../../src/core-lib';
import * as alicloud from '../../src/generated/alicloud';

/** Synthesized stacks by name, without cdktf's `//` metadata (it names the cdktf version). */
export type Synthesized = { [stack: string]: any };

function synthesized(app: App): Synthesized {
  const out: Synthesized = {};
  for (const stack of app.node.children.filter(TerraformStack.isStack)) {
    const { '//': _metadata, ...rest } = JSON.parse(Testing.synth(stack as TerraformStack, true));
    out[stack.node.id] = rest;
  }
  return out;
}

export function exampleApp(): Synthesized {
  return synthesized(buildApp(fs.mkdtempSync(path.join(os.tmpdir(), 'compat-example-'))));
}

const ACCOUNT_ID = '1234567890123456';
const arn = (i: number) => `acs:cr:*:*:repository/cri-compat/team/service-${i}`.padEnd(80, 'x');

export function broadApp(options: { renamed?: boolean } = {}): Synthesized {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'compat-broad-')) });
  const stack = new TerraformStack(app, 'compat-broad');
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  const groups = ['rg-compata', 'rg-compatb'];
  const common = { accountId: ACCOUNT_ID };
  new CrReadOnlyUser(stack, 'Auditor', { userName: 'auditor', ...common });
  new CrReadOnlyUser(stack, 'Viewer', { userName: 'viewer', resourceGroupIds: [groups[0]], ...common });
  new ResourceGroupScopedCrDeveloper(stack, 'Alice', {
    userName: 'alice',
    resourceGroupIds: groups,
    ...common,
  });
  new ResourceGroupScopedCrReadOnly(stack, 'Ops', {
    principal: RamPrincipal.group('ops'),
    resourceGroupIds: [groups[1]],
  });
  new CrAccessGrant(stack, 'Admin', {
    principal: RamPrincipal.role('registry-admin'),
    access: CrAccess.fullAccess(),
    scope: CrAccessScope.resourceGroups([groups[0]]),
    excludeWriteActionsFromAccountLevel: true,
    ...common,
  });
  new CrAccessGrant(stack, 'Lead', { principal: RamPrincipal.user('lead'), access: CrAccess.developer() });
  CrAccessTeam.developers(stack, 'Builders', {
    groupName: 'builders',
    members: ['bob', 'carol'],
    scope: CrAccessScope.resourceGroups([groups[1]]),
    ...common,
  });
  CrAccessTeam.readers(stack, 'Readers', {
    groupName: 'readers',
    members: ['dave', 'erin'],
    membership: CrTeamMembership.EXCLUSIVE,
  });
  const ci = PolicyDocument.of([
    PolicyStatement.allow([
      'cr:GetAuthorizationToken',
      'cr:PullRepository',
      'cr:PushRepository',
      'cr:GetRepositoryTag',
    ]),
  ]);
  new CrAccessGrant(stack, 'Ci', {
    principal: RamPrincipal.role('ci'),
    access: CrAccess.custom(ci, { name: options.renamed === true ? 'ci-renamed' : 'ci' }),
    scope: CrAccessScope.resourceGroups(groups),
    ...common,
  });
  new CrAccessGrant(stack, 'Scanner', {
    principal: RamPrincipal.user('scanner'),
    access: CrAccess.custom(
      PolicyDocument.of([PolicyStatement.allow(['cr:GetRepository', 'cr:ListRepository'])]),
    ),
  });
  const names = Array.from({ length: 150 }, (_, i) => arn(i));
  new CrAccessGrant(stack, 'Puller', {
    principal: RamPrincipal.user('puller'),
    access: CrAccess.custom(
      PolicyDocument.of([PolicyStatement.allow(['cr:GetRepositoryTag', 'cr:PullRepository'], names)]),
      { name: 'puller' },
    ),
    scope: CrAccessScope.resourceGroups([groups[0]]),
    ...common,
  });
  // A hand-written resource-group grant that lacks its account-level part: the check in fix mode adds it.
  const user = new alicloud.ramUser.RamUser(stack, 'Legacy', { name: 'legacy' });
  new alicloud.resourceManagerPolicyAttachment.ResourceManagerPolicyAttachment(stack, 'LegacyInA', {
    policyName: 'AliyunContainerRegistryReadOnlyAccess',
    policyType: 'System',
    principalName: `${user.name}@${ACCOUNT_ID}.onaliyun.com`,
    principalType: 'IMSUser',
    resourceGroupId: groups[0],
  });
  CrAccessCheck.applyTo(stack, { mode: CrAccessCheckMode.FIX });
  return synthesized(app);
}
