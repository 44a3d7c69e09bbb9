// Runs the external commands of the build scripts (jsii, npm, the consumer apps) and turns a failure into
// one short paragraph: what was being done, the command, the command's own error once, and where the full
// output is. Every command's complete output goes to a log file, so the paragraph can stay short and the
// scripts never print their own stack trace.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');

/** Lines of the command's own output shown in a failure paragraph; the log file holds the rest. */
const SHOWN_LINES = 14;

/** A command that exited with an error; `formatFailure` renders it. */
class StepFailed extends Error {
  constructor(failure) {
    super(`${failure.what}: \`${failure.command}\` failed`);
    this.failure = failure;
  }
}

/**
 * The command's own error, once: npm's `npm error` lines without its pointers to debug logs (which
 * may live in a scratch cache that is gone by the time anyone reads them), otherwise the first lines of
 * stderr, or of stdout when stderr has nothing else, with stack traces cut to their first frame.
 */
function errorLines(stdout, stderr) {
  const lines = (text) => text.split('\n').filter((l) => l.trim() !== '');
  const npm = lines(stderr).filter((l) => l.startsWith('npm error'));
  if (npm.length > 0) {
    const pointer = /^npm error (A complete log of this run|For a full report see:|\/.*\.(log|txt)$)/;
    return npm.filter((l) => l.trim() !== 'npm error' && !pointer.test(l));
  }
  // jsii frames a notice about unsupported Node.js versions in `!!` lines on stderr: not the error.
  const err = lines(stderr).filter((l) => !l.startsWith('!!'));
  return collapseStacks(err.length > 0 ? err : lines(stdout));
}

/** A crashed tool's stack trace, cut to its first frame: the message says what went wrong. */
function collapseStacks(lines) {
  const out = [];
  let hidden = 0;
  const flush = () => {
    if (hidden > 0) out.push(`    ... ${hidden} more stack frames`);
    hidden = 0;
  };
  lines.forEach((line, i) => {
    const frame = /^\s+at /;
    if (frame.test(line) && i > 0 && frame.test(lines[i - 1])) {
      hidden += 1;
      return;
    }
    flush();
    out.push(line);
  });
  flush();
  return out;
}

/** The failure paragraph: at most SHOWN_LINES lines of the command's output and five lines of ours. */
function formatFailure(title, { what, command, cwd, exit, stdout, stderr, log }) {
  const error = errorLines(stdout, stderr);
  const shown = error.slice(0, SHOWN_LINES).map((l) => `  ${l}`);
  if (error.length > SHOWN_LINES) shown.push(`  ... ${error.length - SHOWN_LINES} more lines in the log`);
  return [
    `${title} failed: ${what}.`,
    `Command: ${command}`,
    `   (in ${cwd}) ${exit}; its error output:`,
    ...(shown.length > 0 ? shown : ['  (none)']),
    `Full output of every step: ${log}`,
  ].join('\n');
}

/** Quotes an argument the way a shell user would type it, for messages and the log. */
function shellWord(arg) {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}

/** Appends each command and its whole output to `log`; `run` throws StepFailed on a non-zero exit. */
function stepRunner(log) {
  fs.writeFileSync(log, '');
  return function run(what, cmd, args, cwd, env = {}) {
    const command = [cmd, ...args].map(shellWord).join(' ');
    const started = Date.now();
    const result = spawnSync(cmd, args, {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
    });
    const stdout = result.stdout ?? '';
    const stderr = result.stderr ?? '';
    const exit = result.error
      ? `could not start (${result.error.code})`
      : result.signal
        ? `was stopped by ${result.signal}`
        : `exited with status ${result.status}`;
    fs.appendFileSync(
      log,
      `\n=== ${what}\n$ ${command}\n  (in ${cwd}) ${exit} after ${Date.now() - started} ms\n--- stdout\n${stdout}--- stderr\n${stderr}`,
    );
    if (result.status !== 0 || result.error)
      throw new StepFailed({ what, command, cwd, exit, stdout, stderr, log });
    return stdout;
  };
}

/**
 * Runs `main`; a StepFailed or any other error (a failed check throws a plain Error) ends the process
 * with a short message and status 1, the stack going to the log file only.
 */
function reportFailures(title, log, main) {
  try {
    main();
  } catch (error) {
    if (error instanceof StepFailed) {
      console.error(formatFailure(title, error.failure));
    } else {
      fs.appendFileSync(log, `\n=== ${title} failed\n${error && error.stack}\n`);
      console.error(`${title} failed: ${error && error.message}\nFull output of every step: ${log}`);
    }
    process.exit(1);
  }
}

module.exports = { SHOWN_LINES, StepFailed, formatFailure, reportFailures, stepRunner };
