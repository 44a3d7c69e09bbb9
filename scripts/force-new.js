#!/usr/bin/env node
// Writes schema/force-new.json: for each resource type in schema/alicloud-provider-schema.json, which
// attributes force a replacement (`ForceNew: true`) at the provider release the schema was transcribed
// from, read from the provider's Go source. Terraform's schema JSON does not carry ForceNew, and the
// compat test (test/compat) needs it to classify a change as replace or update in place.
//
// Usage: node scripts/force-new.js <git dir of aliyun/terraform-provider-alicloud> [--check]
//   The release tag and commit are those of schema/PROVENANCE.md; the script refuses another commit.
//   --check  fail if the committed file differs from what the source gives.
//
// Reading the Go: the `Schema: map[string]*schema.Schema{ ... }` literal of each resource function is
// walked brace by brace (string literals, raw strings and comments skipped); an attribute is ForceNew
// when its own literal (not a nested Elem) has `ForceNew: true`, or when it is built by a helper whose
// literal does (tagsSchemaForceNew). Nested blocks are recorded as `<block>.<attribute>`. A resource with
// `CustomizeDiff` could force a replacement at plan time for other attributes: that is recorded too
// (none of the types here has one at the pinned release).

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const SCHEMA_FILE = path.join(ROOT, 'schema', 'alicloud-provider-schema.json');
const OUT_FILE = path.join(ROOT, 'schema', 'force-new.json');
const TAG = 'v1.289.0';
const COMMIT = '28ee93bc63fa0e5f919a21fc1711bde8c45d7b44';
const REPOSITORY = 'github.com/aliyun/terraform-provider-alicloud';
/** Schema helpers of alicloud/tags.go and what their literal sets (read from that file at TAG). */
const HELPERS = ['tagsSchema', 'tagsSchemaForceNew', 'tagsSchemaComputed'];

function git(gitDir, ...args) {
  return execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
}

/** `text` with string literals, raw strings and comments blanked (same length), so braces can be counted. */
function blankStrings(text) {
  let out = '';
  for (let i = 0; i < text.length;) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (c === '/' && text[i + 1] === '*') {
      const stop = text.indexOf('*/', i + 2) + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === '"' || c === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += c === '"' && text[j] === '\\' ? 2 : 1;
      out += c + ' '.repeat(j - i - 1) + c;
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Index of the brace closing the one at `open` (in blanked text). */
function closing(blank, open) {
  let depth = 0;
  for (let i = open; i < blank.length; i++) {
    if (blank[i] === '{') depth++;
    else if (blank[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`unbalanced braces at ${open}`);
}

/** Whether the literal between `from` and `to` sets `ForceNew: true` outside its nested braces. */
function ownForceNew(text, blank, from, to) {
  let depth = 0;
  for (let i = from; i < to; i++) {
    if (blank[i] === '{') depth++;
    else if (blank[i] === '}') depth--;
    else if (depth === 0 && blank.startsWith('ForceNew', i)) {
      return /^ForceNew\s*:\s*true/.test(text.slice(i, i + 40));
    }
  }
  return false;
}

/** Attributes of the schema map whose `{` is at `open`: name -> ForceNew, nested blocks as `a.b`. */
function attributes(text, blank, open, helpers, prefix = '') {
  const end = closing(blank, open);
  const out = {};
  const entry = /"([a-z0-9_]+)"\s*:\s*/g;
  let i = open + 1;
  while (i < end) {
    entry.lastIndex = i;
    const m = entry.exec(text);
    if (m === null || m.index >= end) break;
    const name = prefix + m[1];
    const valueAt = m.index + m[0].length;
    if (text[valueAt] === '{' || text.startsWith('&schema.Schema{', valueAt)) {
      const brace = text.indexOf('{', valueAt);
      const stop = closing(blank, brace);
      out[name] = ownForceNew(text, blank, brace + 1, stop);
      const elem = /Elem\s*:\s*&schema\.Resource\s*\{/g;
      elem.lastIndex = brace;
      const nested = elem.exec(text);
      if (nested !== null && nested.index < stop) {
        const map = text.indexOf('map[string]*schema.Schema{', nested.index);
        Object.assign(out, attributes(text, blank, text.indexOf('{', map), helpers, `${name}.`));
      }
      i = stop + 1;
    } else {
      const call = /^([A-Za-z0-9_]+)\(\)/.exec(text.slice(valueAt));
      if (call === null || !(call[1] in helpers)) {
        throw new Error(
          `${name}: value is neither a literal nor a known helper: ${text.slice(valueAt, valueAt + 60)}`,
        );
      }
      out[name] = helpers[call[1]];
      i = valueAt + call[0].length;
    }
  }
  return out;
}

/** ForceNew of each helper in alicloud/tags.go. */
function readHelpers(gitDir) {
  const text = git(gitDir, 'show', `${COMMIT}:alicloud/tags.go`);
  const blank = blankStrings(text);
  const out = {};
  for (const name of HELPERS) {
    const at = text.indexOf(`func ${name}() *schema.Schema {`);
    if (at < 0) continue;
    const literal = text.indexOf('&schema.Schema{', at);
    const brace = text.indexOf('{', literal);
    out[name] = ownForceNew(text, blank, brace + 1, closing(blank, brace));
  }
  return out;
}

/** The Go file of each resource type, from the constructor names in alicloud/provider.go. */
function resourceFiles(gitDir, types) {
  const provider = git(gitDir, 'show', `${COMMIT}:alicloud/provider.go`);
  const out = {};
  for (const type of types) {
    const m = new RegExp(`"${type}":\\s*([A-Za-z0-9_]+)\\(\\)`).exec(provider);
    if (m === null) throw new Error(`${type} is not in ResourcesMap of alicloud/provider.go`);
    const constructor = m[1];
    const hits = git(
      gitDir,
      'grep',
      '-l',
      '-F',
      `func ${constructor}() *schema.Resource {`,
      COMMIT,
      '--',
      'alicloud/',
    );
    const file = hits
      .trim()
      .split('\n')[0]
      .slice(COMMIT.length + 1);
    out[type] = { file, constructor };
  }
  return out;
}

function extract(gitDir) {
  const tagCommit = git(gitDir, 'rev-list', '-n1', TAG).trim();
  if (tagCommit !== COMMIT) throw new Error(`${TAG} is ${tagCommit} here, not ${COMMIT}`);
  const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8'));
  const types = Object.keys(Object.values(schema.provider_schemas)[0].resource_schemas).sort();
  const helpers = readHelpers(gitDir);
  const result = {};
  for (const [type, { file, constructor }] of Object.entries(resourceFiles(gitDir, types))) {
    const text = git(gitDir, 'show', `${COMMIT}:${file}`);
    const blank = blankStrings(text);
    const fn = text.indexOf(`func ${constructor}() *schema.Resource {`);
    const body = text.slice(fn, closing(blank, text.indexOf('{', fn)));
    const map = text.indexOf('Schema: map[string]*schema.Schema{', fn);
    const attrs = attributes(text, blank, text.indexOf('{', map), helpers);
    result[type] = {
      file,
      forceNew: Object.keys(attrs)
        .filter((a) => attrs[a])
        .sort(),
      inPlace: Object.keys(attrs)
        .filter((a) => !attrs[a])
        .sort(),
      customizeDiff: /CustomizeDiff\s*:/.test(blankStrings(body)),
    };
  }
  return result;
}

function render(resources) {
  const data = {
    '//': 'Generated by scripts/force-new.js from the provider Go source; do not edit. See schema/PROVENANCE.md.',
    source: {
      repository: REPOSITORY,
      tag: TAG,
      commit: COMMIT,
      rule: 'an attribute is listed in forceNew when its schema literal (or the schema helper that builds it) sets ForceNew: true; inPlace lists the others; customizeDiff says whether the resource has a CustomizeDiff that could force a replacement at plan time',
    },
    resources,
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

function main() {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const gitDir = args.find((a) => a !== '--check');
  if (gitDir === undefined) {
    console.error('usage: force-new.js <git dir of aliyun/terraform-provider-alicloud> [--check]');
    process.exit(2);
  }
  const text = render(extract(gitDir));
  if (check) {
    if (fs.readFileSync(OUT_FILE, 'utf8') !== text) {
      console.error(`${path.relative(ROOT, OUT_FILE)} differs from the provider source; run without --check`);
      process.exit(1);
    }
    console.log(`${path.relative(ROOT, OUT_FILE)} matches ${TAG}`);
    return;
  }
  fs.writeFileSync(OUT_FILE, text);
  console.log(`wrote ${path.relative(ROOT, OUT_FILE)} from ${TAG} (${COMMIT})`);
}

main();
