/**
 * `diff` across input forms: the check fixtures hold each case as cdk.tf.json, a plan in JSON and .tf
 * files, so the same case in two forms must show no change, and two cases in different forms exactly
 * their difference (the 72 account-level actions the covered case adds).
 */
import { CrCatalog } from '../../src/policy';
import { CASES, casePaths } from '../support/check-fixtures';
import { cli } from './run';

const FORMS = ['cdktf', 'plan', 'tf'] as const;
const pairs = CASES.flatMap((c) =>
  FORMS.flatMap((a) => FORMS.filter((b) => b !== a).map((b) => [c, a, b] as const)),
);

test.each(pairs)('%s read as %s and as %s: no change', async (c, a, b) => {
  const { code, stdout } = await cli(
    'diff',
    casePaths(c)[a],
    casePaths(c)[b],
    '--fail-on',
    'broadening',
    '--format',
    'json',
  );
  expect(code).toBe(0);
  expect(JSON.parse(stdout).principals).toEqual([]);
});

test.each(FORMS.flatMap((a) => FORMS.map((b) => [a, b] as const)))(
  'the gap case as %s to the covered case as %s: the user gains the 72 actions at account scope',
  async (a, b) => {
    const { code, stdout } = await cli(
      'diff',
      casePaths('cr-all-gap')[a],
      casePaths('cr-all-covered')[b],
      '--fail-on',
      'broadening',
      '--format',
      'json',
    );
    expect(code).toBe(1);
    const [dev, ...others] = JSON.parse(stdout).principals;
    expect(others).toEqual([]);
    expect(dev.principal).toBe('IMSUser dev');
    expect(dev.scopes).toEqual([
      expect.objectContaining({
        scope: 'account',
        gained: CrCatalog.bundled().resourceGroupUnsupportedActions,
      }),
    ]);
  },
);
