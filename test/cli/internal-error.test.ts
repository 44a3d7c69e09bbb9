/**
 * A bug inside the check (not the user's input) still ends in one line and a distinct status (3),
 * never a stack trace; CR_ACCESS_DEBUG=1 adds the trace for a bug report.
 */
import { ExitCode } from '../../src/cli/main';
import { casePaths } from '../support/check-fixtures';
import { cli } from './run';

jest.mock('../../src/model/check', () => ({
  checkResources: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'key')\n  second line");
  },
}));

afterEach(() => {
  delete process.env.CR_ACCESS_DEBUG;
});

test('an internal error exits 3 with one line naming it, and no stack trace', async () => {
  const r = await cli('check', casePaths('cr-all-gap').cdktf);
  expect(r.code).toBe(ExitCode.INTERNAL);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe(
    "cdktf-alicloud-cr-access: internal error: Cannot read properties of undefined (reading 'key') second line (please report it)\n",
  );
});

test('CR_ACCESS_DEBUG=1 adds the stack trace', async () => {
  process.env.CR_ACCESS_DEBUG = '1';
  const r = await cli('check', casePaths('cr-all-gap').cdktf);
  expect(r.code).toBe(ExitCode.INTERNAL);
  expect(r.stderr).toMatch(/\n\s+at /);
});
