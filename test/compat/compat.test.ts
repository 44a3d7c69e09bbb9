/**
 * The upgrade contract: within a major version, the same app code never replaces or destroys a
 * resource after an upgrade. The committed baselines (test/compat/baselines) are the synthesized
 * output of the apps in apps.ts; this test synthesizes them with the current code and classifies
 * every difference as `terraform plan` would (plan.ts, schema/force-new.json). A replace or destroy
 * fails with a plan-like list. Re-baselining is explicit: `npm run compat:update` (UPDATE_COMPAT=1).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { broadApp, exampleApp, type Synthesized } from './apps';
import { expectNothingReplacedOrDestroyed, planChanges } from './plan';

const BASELINES = path.join(__dirname, 'baselines');
const UPDATE = process.env.UPDATE_COMPAT === '1';

const apps: [string, () => Synthesized][] = [
  ['example', exampleApp],
  ['broad', broadApp],
];

function baseline(name: string, current: Synthesized): Synthesized {
  const file = path.join(BASELINES, `${name}.json`);
  if (UPDATE) {
    fs.mkdirSync(BASELINES, { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(current, null, 2)}\n`);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function compare(name: string, before: Synthesized, after: Synthesized): void {
  for (const stack of Object.keys(before)) {
    expect(Object.keys(after)).toContain(stack);
    expectNothingReplacedOrDestroyed(`${name} app, stack ${stack}`, planChanges(before[stack], after[stack]));
  }
}

describe('the upgrade contract', () => {
  test.each(apps)('the %s app replaces and destroys nothing against its baseline', (name, build) => {
    const current = build();
    compare(name, baseline(name, current), current);
  });

  test('renaming one custom access fails the contract with a plan-like list of what Terraform would replace', () => {
    const before = baseline('broad', broadApp());
    let message = '';
    try {
      compare('broad', before, broadApp({ renamed: true }));
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split('\n')[0]).toBe(
      'broad app, stack compat-broad: the same app code would replace or destroy 5 resources after this change:',
    );
    expect(message).toMatch(
      /^ {2}- alicloud_ram_policy\.CrAccessPolicies_cr-compat-broad-ci-rg_[0-9A-F]{8}$/m,
    );
    expect(message).toMatch(
      /^ {2}\+ alicloud_ram_policy\.CrAccessPolicies_cr-compat-broad-ci-renamed-rg_[0-9A-F]{8}$/m,
    );
    expect(message).toMatch(
      /^-\/\+ alicloud_resource_manager_policy_attachment\.Ci_rg-compata-0_[0-9A-F]{8} \(forces replacement: policy_name\)$/m,
    );
    expect(message).toMatch(/^Plan: \d+ to add, 0 to change, \d+ to destroy\.$/m);
    expect(message).toContain('npm run compat:update');
  });
});
