/**
 * The CLI samples of the documentation (README.md and docs/*.md) show the real output of each command,
 * run on the committed fixtures. A test fails when its block is stale; `UPDATE_README=1 npx jest
 * test/cli/readme.test.ts` rewrites the blocks (test/support/doc-blocks.ts).
 */
import { ROOT, expectDocBlock, fenced } from '../support/doc-blocks';
import { cli } from './run';

const BEFORE = 'test/fixtures/check/tf/readonly-system-rg';
const AFTER = 'test/fixtures/docs/diff/push-added';

const EXAMPLES: { [name: string]: string[] } = {
  help: ['--help'],
  'check-table': ['check', 'test/fixtures/check/tf/readonly-system-rg'],
  'check-covered': [
    'check',
    'test/fixtures/check/tf/cr-all-covered',
    'test/fixtures/check/plan/cr-all-covered.json',
  ],
  'check-json': ['check', 'test/fixtures/check/plan/readonly-system-rg.json', '--format', 'json'],
  'check-sarif': ['check', 'test/fixtures/check/cdktf/readonly-system-rg/cdk.tf.json', '--format', 'sarif'],
  explain: ['explain', 'test/fixtures/check/explain/pull-push-tags.json'],
  'diff-text': ['diff', BEFORE, AFTER, '--fail-on', 'broadening'],
  'diff-markdown': ['diff', BEFORE, AFTER, '--format', 'markdown'],
  'diff-narrowing': ['diff', AFTER, BEFORE, '--fail-on', 'broadening'],
  'who-can': ['who-can', 'cr:PushRepository', '--resource-group', 'rg-aek2teama', AFTER],
};

async function block(argv: string[]): Promise<string> {
  const r = await cli(...argv);
  return fenced(
    'console',
    [
      `$ npx cdktf-alicloud-cr-access ${argv.join(' ')}`,
      r.stdout.trimEnd(),
      `$ echo $?`,
      String(r.code),
    ].join('\n'),
  );
}

beforeAll(() => process.chdir(ROOT));

test.each(Object.keys(EXAMPLES))(
  'the documentation shows the current output of the %s example',
  async (name) => {
    expectDocBlock(`cli-example:${name}`, await block(EXAMPLES[name]));
  },
);
