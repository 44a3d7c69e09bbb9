#!/usr/bin/env node
/** The `cdktf-alicloud-cr-access` command (package.json `bin`); see main.ts. */
import { main } from './main';

void main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code;
});
