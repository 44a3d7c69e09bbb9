/**
 * `diff` and `who-can` on an example-like stack: a readers team of two across two resource groups and
 * one resource-group developer, then the same with a third reader. Expected actions come from the
 * catalog, seed 002 and the other members' own access, never from the outputs under test.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as alicloud from '../../src/generated/alicloud';
import { CrAccessScope, CrAccessTeam, CrCatalog, ResourceGroupScopedCrDeveloper } from '../../src';
import { EffectiveAccess } from '../../src/model/effective-access';
import { readSynthesized } from '../../src/model/synthesized';
import { scopeDecisions } from '../../src/model/access-text';
import { AccessDecision } from '../../src/model/access-rules';
import * as readOnlySeed from '../fixtures/seeds/002-readonly-account-level-example.json';
import { newStack } from '../support/stack';
import { synth } from '../support/synth';
import { cli } from './run';

const GROUPS = ['rg-aek2teama', 'rg-aek2teamb'];
const seedReadActions = [...readOnlySeed.Statement[0].Action].sort();

function platform(readers: string[]) {
  const stack = newStack();
  const users = readers.map((name) => new alicloud.ramUser.RamUser(stack, `Reader-${name}`, { name }));
  CrAccessTeam.readers(stack, 'Readers', {
    groupName: 'registry-readers',
    members: users.map((u) => u.name),
    scope: CrAccessScope.resourceGroups(GROUPS),
  });
  new ResourceGroupScopedCrDeveloper(stack, 'Dev', { userName: 'dev', resourceGroupIds: [GROUPS[0]] });
  return stack;
}

let tmp: string;
let before: string;
let after: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'access-'));
  before = path.join(tmp, 'before.tf.json');
  after = path.join(tmp, 'after.tf.json');
  fs.writeFileSync(before, JSON.stringify(synth(platform(['ana', 'bo']))));
  fs.writeFileSync(after, JSON.stringify(synth(platform(['ana', 'bo', 'cy']))));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** What an existing reader may do in a group beyond account scope (the team's resource-group actions). */
function teamGroupActions(rg: string): string[] {
  const resources = readSynthesized(JSON.parse(fs.readFileSync(before, 'utf8')), before);
  return scopeDecisions(EffectiveAccess.of(resources), 'IMSUser:ana', rg).get(AccessDecision.ALLOW) ?? [];
}

describe('diff', () => {
  test('a third member: --fail-on broadening exits 1, naming only the new member with the team actions in each group and the 37 account-level reads', async () => {
    const { code, stdout, stderr } = await cli(
      'diff',
      before,
      after,
      '--fail-on',
      'broadening',
      '--format',
      'json',
    );
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    expect(out.broadening).toBe(true);
    expect(out.principals.map((p: { principal: string }) => p.principal)).toEqual(['IMSUser cy']);
    const [cy] = out.principals;
    expect(cy.change).toBe('added');
    expect(cy.scopes.map((s: { scope: string }) => s.scope)).toEqual(['account', ...GROUPS]);
    expect(cy.scopes[0].gained).toEqual(seedReadActions);
    expect(cy.scopes[0].gained).toHaveLength(37);
    const catalog = CrCatalog.bundled();
    for (const [i, rg] of GROUPS.entries()) {
      const expected = teamGroupActions(rg);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.every((a) => catalog.lookup(a)?.supportsResourceGroup)).toBe(true);
      expect(cy.scopes[i + 1].gained).toEqual(expected);
      for (const field of ['gainedConditional', 'nowAllowed', 'nowConditional', 'lostConditional', 'lost'])
        expect(cy.scopes[i + 1][field]).toEqual([]);
    }
  });

  test('the reverse narrows: exit 0 even with --fail-on broadening, the member removed', async () => {
    const { code, stdout } = await cli('diff', after, before, '--fail-on', 'broadening', '--format', 'json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.broadening).toBe(false);
    expect(out.principals).toHaveLength(1);
    expect(out.principals[0]).toMatchObject({
      principal: 'IMSUser cy',
      change: 'removed',
      broadening: false,
    });
    expect(out.principals[0].scopes[0].lost).toEqual(seedReadActions);
  });

  test('no change: nothing listed, exit 0; the table is the default', async () => {
    const { code, stdout } = await cli('diff', before, before, '--fail-on', 'broadening');
    expect(code).toBe(0);
    expect(stdout).toContain('0 principals with changed access.');
  });

  test('--format markdown gives a table per principal, folded when long', async () => {
    const { code, stdout } = await cli('diff', before, after, '--format', 'markdown');
    expect(code).toBe(0);
    expect(stdout).toContain('| Scope | Change | Actions |');
    expect(stdout).toContain('| account | + allow (37) | `cr:');
    expect(stdout).toContain('<details><summary>IMSUser cy (added, broadening)');
  });

  test.each([
    [['diff', 'only-one.json'], /expected two paths/],
    [['diff', 'a', 'b', '--format', 'sarif'], /--format: unknown value "sarif"/],
    [['diff', 'a', 'b', '--fail-on', 'error'], /--fail-on: unknown value "error"/],
    [
      ['diff', 'nope.json', 'test/fixtures/check/cdktf/cr-all-gap/cdk.tf.json'],
      /nope.json: no such file or directory/,
    ],
  ])('input errors exit 2 with one line: %j', async (argv, message) => {
    const { code, stdout, stderr } = await cli(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('who-can', () => {
  test('cr:PushRepository in the developer group names the developer and no reader', async () => {
    const { code, stdout } = await cli(
      'who-can',
      'cr:PushRepository',
      '--resource-group',
      GROUPS[0],
      after,
      '--format',
      'json',
    );
    expect(code).toBe(0);
    const [input] = JSON.parse(stdout).inputs;
    const names = input.principals.map((p: { principal: string }) => p.principal);
    expect(names).toEqual(['IMSUser dev']);
    expect(input.principals[0].sources[0].attachment).toMatch(
      /^alicloud_resource_manager_policy_attachment\./,
    );
  });

  test('cr:GetUserInfo names every member and the developer, members through the group', async () => {
    const { code, stdout } = await cli('who-can', 'cr:GetUserInfo', after, '--format', 'json');
    expect(code).toBe(0);
    const rows = JSON.parse(stdout).inputs[0].principals as {
      principal: string;
      sources: { viaGroup?: string }[];
    }[];
    const users = rows.map((p) => p.principal).filter((p) => p.startsWith('IMSUser'));
    expect(users).toEqual(['IMSUser ana', 'IMSUser bo', 'IMSUser cy', 'IMSUser dev']);
    const ana = rows.find((r) => r.principal === 'IMSUser ana')!;
    expect(ana.sources[0].viaGroup).toBe('IMSGroup registry-readers');
  });

  test('the table names principal, policy and attachment', async () => {
    const { code, stdout } = await cli('who-can', 'cr:GetUserInfo', before);
    expect(code).toBe(0);
    expect(stdout).toMatch(/principals may perform cr:GetUserInfo in any scope/);
    expect(stdout).toMatch(/^PRINCIPAL +DECISION +SCOPE +POLICY +ATTACHMENT +VIA GROUP$/m);
  });

  test.each([
    [['who-can'], /no action given/],
    [['who-can', 'cr:*', 'x.json'], /not one Container Registry action/],
    [['who-can', 'cr:GetUserInfo'], /no path given/],
    [['who-can', 'cr:GetUserInfo', 'x.json', '--resource-group'], /needs a value/],
  ])('input errors exit 2 with one line: %j', async (argv, message) => {
    const { code, stderr } = await cli(...argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});

test.each(['diff', 'who-can'])('%s --help prints the usage and exits 0', async (command) => {
  const { code, stdout } = await cli(command, '--help');
  expect(code).toBe(0);
  expect(stdout).toContain(`${command} <`);
});
