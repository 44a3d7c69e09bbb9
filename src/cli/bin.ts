#!/usr/bin/env node
/** The `cdktf-alicloud-cr-access` command (package.json `bin`); see main.ts. */
import { ExitCode, main } from './main';

// Until main answers, the run counts as failed: a promise that never settles (a dead parser runtime)
// must not end the process with status 0, as if the check had passed.
let answered = false;
process.exitCode = ExitCode.INTERNAL;
process.on('beforeExit', () => {
  if (answered) return;
  answered = true;
  process.stderr.write(
    'cdktf-alicloud-cr-access: internal error: the run ended without an answer (please report it)\n',
  );
});

void main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then((code) => {
  answered = true;
  process.exitCode = code;
});
