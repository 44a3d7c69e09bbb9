/**
 * The build scripts' failure paragraph (scripts/steps.js): a failed consumer step names what was being
 * done, the command and the command's own error once, points to the full log, and stays short.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

interface Failure {
  what: string;
  command: string;
  cwd: string;
  exit: string;
  stdout: string;
  stderr: string;
  log: string;
}
const STEPS = path.join(__dirname, '..', '..', 'scripts', 'steps.js');
// A typed require: scripts/ is plain JavaScript run by Node, outside the TypeScript build.
const steps = require(STEPS) as {
  SHOWN_LINES: number;
  StepFailed: new (failure: Failure) => Error & { failure: Failure };
  formatFailure: (title: string, failure: Failure) => string;
  stepRunner: (log: string) => (what: string, cmd: string, args: string[], cwd: string) => string;
};

// npm 11's output when the consumer app could not resolve its peers (the failure of issue 12).
const ERESOLVE = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'npm-eresolve-stderr.txt'), 'utf8');
const failure: Failure = {
  what: 'installing cdktf-alicloud-cr-access into the scratch cdktf app /tmp/consumer-1/app-cdktf',
  command: 'npm install --prefer-offline --no-audit --no-fund --loglevel=error',
  cwd: '/tmp/consumer-1/app-cdktf',
  exit: 'exited with status 1',
  stdout: '',
  stderr: ERESOLVE,
  log: '/repo/consumer-test.log',
};
const MAX_LINES = steps.SHOWN_LINES + 5;

function tmpLog(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'steps-test-')), 'steps.log');
}

test('an npm failure paragraph names the step, the command, each npm error line once and the log', () => {
  const text = steps.formatFailure('consumer test', failure);
  const lines = text.split('\n');
  expect(lines.length).toBeLessThanOrEqual(MAX_LINES);
  expect(lines[0]).toBe(`consumer test failed: ${failure.what}.`);
  expect(lines[1]).toBe(`Command: ${failure.command}`);
  expect(lines[lines.length - 1]).toBe(`Full output of every step: ${failure.log}`);
  const npmLines = ERESOLVE.split('\n').filter((l) => /^npm error \S/.test(l));
  const pointers = npmLines.filter((l) => /complete log|full report|_logs\//.test(l));
  expect(pointers.length).toBeGreaterThan(0);
  for (const l of npmLines) {
    const count = lines.filter((shown) => shown === `  ${l}`).length;
    expect([l, count]).toEqual([l, pointers.includes(l) ? 0 : 1]);
  }
});

test("jsii's Node.js support notice is left out; its error line is shown", () => {
  // jsii's stderr when package.json declares a peer range the installed core library does not meet.
  const stderr = fs.readFileSync(
    path.join(__dirname, '..', 'fixtures', 'jsii-wrong-peer-stderr.txt'),
    'utf8',
  );
  const lines = steps.formatFailure('npm run package', { ...failure, stderr }).split('\n');
  const errors = stderr.split('\n').filter((l) => l.startsWith('[ERROR]'));
  expect(errors.length).toBeGreaterThan(0);
  expect(lines.filter((l) => l.trim().startsWith('!!'))).toEqual([]);
  expect(lines.slice(3, -1)).toEqual(errors.map((l) => `  ${l}`));
});

test('a crashed tool shows its error with each stack trace cut to the first frame', () => {
  // cdktn-cli 0.24 run on Node.js 20, which it does not support.
  const stderr = fs.readFileSync(
    path.join(__dirname, '..', 'fixtures', 'cdktn-cli-node20-stderr.txt'),
    'utf8',
  );
  const lines = steps.formatFailure('consumer test', { ...failure, stderr }).split('\n');
  expect(lines.length).toBeLessThanOrEqual(MAX_LINES);
  const isFrame = (l: string) => /^\s+at /.test(l);
  const all = stderr.split('\n');
  const runs: { first: string; length: number }[] = [];
  all.forEach((l, i) => {
    if (!isFrame(l)) return;
    if (i > 0 && isFrame(all[i - 1]!)) runs[runs.length - 1]!.length += 1;
    else runs.push({ first: l, length: 1 });
  });
  expect(runs.length).toBeGreaterThan(0);
  expect(lines.filter(isFrame)).toEqual(runs.map((r) => `  ${r.first}`));
  expect(lines.filter((l) => l.includes('more stack frames'))).toEqual(
    runs.map((r) => `      ... ${r.length - 1} more stack frames`),
  );
  expect(lines).toContain('  TypeError: Li.util.markAsUncloneable is not a function');
  expect(lines).not.toContainEqual(expect.stringContaining('more lines in the log'));
});

test('a long error output is cut to the first lines, with the count of the rest', () => {
  const stderr = Array.from({ length: 100 }, (_, i) => `error line ${i}`).join('\n');
  const lines = steps.formatFailure('consumer test', { ...failure, stderr }).split('\n');
  expect(lines.length).toBeLessThanOrEqual(MAX_LINES);
  expect(lines).toContain('  error line 0');
  expect(lines).not.toContain(`  error line ${steps.SHOWN_LINES}`);
  expect(lines).toContain(`  ... ${100 - steps.SHOWN_LINES} more lines in the log`);
});

test('a failing command throws StepFailed with its exit and output, and the log keeps everything', () => {
  const log = tmpLog();
  const run = steps.stepRunner(log);
  const script = 'console.log("out"); console.error("boom"); process.exit(3)';
  let thrown: unknown;
  try {
    run('a step', process.execPath, ['-e', script], os.tmpdir());
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(steps.StepFailed);
  const { failure: f } = thrown as { failure: Failure };
  expect([f.what, f.exit, f.stderr.trim(), f.stdout.trim()]).toEqual([
    'a step',
    'exited with status 3',
    'boom',
    'out',
  ]);
  expect(f.command).toContain(`'${script}'`);
  const logged = fs.readFileSync(log, 'utf8');
  expect(logged).toContain('=== a step');
  expect(logged).toContain('boom');
  expect(logged).toContain('out');
});

test('a command that cannot start is reported, not thrown as a raw spawn error', () => {
  const run = steps.stepRunner(tmpLog());
  expect(() => run('a missing tool', 'no-such-command-12', [], os.tmpdir())).toThrow(
    expect.objectContaining({
      failure: expect.objectContaining({ exit: 'could not start (ENOENT)' }),
    }),
  );
});

test('reportFailures prints the paragraph without a stack trace and exits with status 1', () => {
  const log = tmpLog();
  const child = `
    const s = require(${JSON.stringify(STEPS)});
    s.reportFailures('consumer test', ${JSON.stringify(log)}, () => {
      s.stepRunner(${JSON.stringify(log)})('a step', process.execPath, ['-e', 'process.exit(2)'], '.');
    });`;
  const result = spawnSync(process.execPath, ['-e', child], { encoding: 'utf8' });
  expect(result.status).toBe(1);
  expect(result.stderr.split('\n')[0]).toBe('consumer test failed: a step.');
  expect(result.stderr).not.toMatch(/^\s+at /m);
});
