#!/usr/bin/env node
// Synthesizes the example app exactly as `cdktf synth` would, by running cdktf.json's `app` command
// with the environment cdktf sets (output folder), then prints the app's summary of what it grants.

const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const config = JSON.parse(fs.readFileSync(path.join(root, 'cdktf.json'), 'utf8'));
const outdir = path.join(root, 'cdktf.out');
fs.rmSync(outdir, { recursive: true, force: true });
execSync(config.app, {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    CDKTF_OUTDIR: outdir,
    CDKTF_CONTEXT_JSON: JSON.stringify(config.context ?? {}),
    CR_ACCESS_SUMMARY: '1',
  },
});
const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
for (const stack of Object.values(manifest.stacks)) {
  console.log(`wrote ${path.join('cdktf.out', stack.synthesizedStackPath)}`);
}
