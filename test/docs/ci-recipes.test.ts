/**
 * The CI recipes of docs/ci.md: the workflow files parse as YAML (js-yaml, already in node_modules through
 * jest), have the shape their CI reads, and every command they run works on the example app. Each
 * recipe runs twice in a scratch folder: with a base commit equal to the pull request, and with a base
 * commit whose payments team lacks bob, so the pull request widens access. Commands that need the
 * network or a CI service (npm ci, git, gh) are not run; the test knows each by name and says why, and an
 * unknown command fails it. docs/ci.md shows the files and the table of what ran (generated blocks).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App } from '../../src/core-lib';
import { PlatformRegistryStack } from '../../examples/platform-stack';
import { cli } from '../cli/run';
import { ROOT, expectDocBlock, fenced } from '../support/doc-blocks';

// js-yaml 3 (a dependency of jest's coverage tooling) has no type declarations here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml: { safeLoad(text: string): any } = require('js-yaml');

const GITHUB = 'docs/ci/github-actions.yml';
const GITLAB = 'docs/ci/gitlab-ci.yml';
const HOOKS = '.pre-commit-hooks.yaml';
const load = (file: string) => yaml.safeLoad(fs.readFileSync(path.join(ROOT, file), 'utf8'));

/** What the CI would put in the environment; STACK is the example's stack. */
const ENV: { [name: string]: string } = {
  STACK: 'platform-registry-access',
  CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
  CI_MERGE_REQUEST_DIFF_BASE_SHA: '0123456789abcdef0123456789abcdef01234567',
  GITHUB_WORKSPACE: '.',
};
const EXPRESSIONS: { [expr: string]: string } = {
  'github.event.pull_request.base.sha': '0123456789abcdef0123456789abcdef01234567',
  'github.event.pull_request.number': '42',
};

/** Shell words of one command line: double quotes, $VAR and ${{ expr }} expansion, one `> file` redirect. */
function words(line: string): { argv: string[]; stdoutTo?: string } {
  const expanded = line
    .replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_m, e: string) => {
      if (!(e in EXPRESSIONS)) throw new Error(`unknown expression ${e} in: ${line}`);
      return EXPRESSIONS[e];
    })
    .replace(/\$([A-Z_]+)/g, (_m, v: string) => {
      if (!(v in ENV)) throw new Error(`unknown variable ${v} in: ${line}`);
      return ENV[v];
    });
  const tokens = [...expanded.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
  const redirect = tokens.indexOf('>');
  if (redirect < 0) return { argv: tokens };
  expect(redirect).toBe(tokens.length - 2);
  return { argv: tokens.slice(0, redirect), stdoutTo: tokens[redirect + 1] };
}

interface Ran {
  readonly command: string;
  readonly outcome: string;
}

type Scenario = 'unchanged' | 'bob joins';

/** The example as a commit would synthesize it: the base commit of "bob joins" lacks bob. */
function synthesizeExample(outdir: string, base: boolean, scenario: Scenario): void {
  const app = new App({ outdir });
  new PlatformRegistryStack(app, 'platform-registry-access', {
    region: 'cn-hangzhou',
    teams: { payments: base && scenario === 'bob joins' ? ['alice'] : ['alice', 'bob'], search: ['carol'] },
    auditors: ['dave'],
  });
  app.synth();
}

const NOT_RUN: { [prefix: string]: string } = {
  'npm ci':
    "installs the app's dependencies from the registry; here the repository's own `npm ci` (.ci/run) stands for it",
  'git worktree add':
    'needs the base commit; the test makes the folder and synthesizes the base version of the example there',
  'git fetch': 'needs the remote; nothing to fetch here',
  'gh pr comment': 'needs GitHub; the test checks that the file it posts exists and is the Markdown diff',
};

/** Runs the command lines of one job in `workspace`, as its CI would, and reports what each did. */
async function runJob(
  lines: { line: string; cwd?: string }[],
  workspace: string,
  scenario: Scenario,
): Promise<Ran[]> {
  const ran: Ran[] = [];
  const bases = new Set<string>();
  let cwd = workspace;
  for (const { line, cwd: stepDir } of lines) {
    const here = stepDir === undefined ? cwd : path.resolve(workspace, stepDir);
    const { argv, stdoutTo } = words(line);
    const command = argv.join(' ');
    const skipped = Object.keys(NOT_RUN).find((p) => command.startsWith(p));
    if (argv[0] === 'cd') {
      cwd = path.resolve(cwd, argv[1]);
      ran.push({ command: line, outcome: 'run (changes folder)' });
    } else if (command.startsWith('git worktree add')) {
      const dir = path.resolve(here, argv[3]);
      fs.mkdirSync(dir, { recursive: true });
      bases.add(dir);
      ran.push({ command: line, outcome: `not run: ${NOT_RUN['git worktree add']}` });
    } else if (skipped !== undefined) {
      if (skipped === 'gh pr comment') {
        const body = fs.readFileSync(path.join(here, argv[argv.indexOf('--body-file') + 1]), 'utf8');
        expect(body).toMatch(/^### Container Registry access changes\n/);
      }
      ran.push({ command: line, outcome: `not run: ${NOT_RUN[skipped]}` });
    } else if (command.startsWith('npx cdktf synth --output ')) {
      expect(argv).toHaveLength(5);
      synthesizeExample(path.resolve(here, argv[4]), bases.has(here), scenario);
      ran.push({ command: line, outcome: "run: the example app (`cdktf synth` runs cdktf.json's app)" });
    } else if (argv[0] === 'npx' && argv[1] === 'cdktf-alicloud-cr-access') {
      const previous = process.cwd();
      process.chdir(here);
      try {
        const r = await cli(...argv.slice(2));
        expect(r.code === 0 || r.code === 1).toBe(true); // an answer, never a usage or internal error
        expect(r.stderr).toBe('');
        if (stdoutTo !== undefined) fs.writeFileSync(path.resolve(here, stdoutTo), r.stdout);
        ran.push({ command: line, outcome: `run: exit ${r.code}` });
      } finally {
        process.chdir(previous);
      }
    } else {
      throw new Error(`a command the test does not know, so cannot say it works: ${line}`);
    }
  }
  return ran;
}

function githubLines(): { line: string; cwd?: string }[] {
  const workflow = load(GITHUB);
  return workflow.jobs['cr-access'].steps
    .filter((s: any) => s.run !== undefined)
    .map((s: any) => ({ line: String(s.run).trim(), cwd: s['working-directory'] }));
}

function gitlabLines(job: string): { line: string }[] {
  const config = load(GITLAB);
  return [...config[job].script, ...(config[job].after_script ?? [])].map((line: string) => ({ line }));
}

const scratch = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `ci-${name}-`));

/** One row per command and scenario, for docs/ci.md. */
function table(runs: { scenario: Scenario; ran: Ran[] }[]): string {
  const rows = runs[0].ran.map((r, i) => {
    const outcomes = runs.map((s) => s.ran[i].outcome);
    const same = outcomes.every((o) => o === outcomes[0]);
    const cell = same ? outcomes[0] : runs.map((s, j) => `${s.scenario}: ${outcomes[j]}`).join('; ');
    return `| \`${r.command.replace(/\|/g, '\\|')}\` | ${cell} |`;
  });
  return ['| command | here |', '| --- | --- |', ...rows].join('\n');
}

describe('the GitHub Actions workflow', () => {
  test('parses as YAML: a pull_request workflow with the permissions its steps need', () => {
    const workflow = load(GITHUB);
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(workflow.permissions).toEqual({
      contents: 'read',
      'security-events': 'write',
      'pull-requests': 'write',
    });
    const steps = workflow.jobs['cr-access'].steps;
    for (const step of steps)
      expect(typeof step.run === 'string' || typeof step.uses === 'string').toBe(true);
    const upload = steps.find((s: any) => String(s.uses).startsWith('github/codeql-action/upload-sarif@'));
    expect(upload.if).toBe('always()');
    expect(upload.with.sarif_file).toBe('cr-access.sarif');
  });

  test('every command it runs works on the example; the SARIF is valid and the diff fails only when access widens', async () => {
    const runs = [];
    for (const scenario of ['unchanged', 'bob joins'] as const) {
      const workspace = scratch('github');
      const ran = await runJob(githubLines(), workspace, scenario);
      const sarif = JSON.parse(fs.readFileSync(path.join(workspace, 'cr-access.sarif'), 'utf8'));
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.runs[0].results).toEqual([]);
      const diff = fs.readFileSync(path.join(workspace, 'access-diff.md'), 'utf8');
      const diffRun = ran.find((r) => r.command.includes(' diff '))!;
      if (scenario === 'unchanged') {
        expect(diffRun.outcome).toBe('run: exit 0');
      } else {
        expect(diffRun.outcome).toBe('run: exit 1');
        expect(diff).toContain('IMSUser bob (added, broadening)');
      }
      runs.push({ scenario, ran });
    }
    expectDocBlock('ci-commands:github', table(runs));
  });

  test('docs/ci.md shows the workflow file as it is', () => {
    expectDocBlock('ci-file:github', fenced('yaml', fs.readFileSync(path.join(ROOT, GITHUB), 'utf8')));
  });
});

describe('the GitLab CI jobs', () => {
  test('parse as YAML: two merge-request jobs, each with a script', () => {
    const config = load(GITLAB);
    for (const job of ['cr-access-check', 'cr-access-diff']) {
      expect(config[job].rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
      expect(Array.isArray(config[job].script)).toBe(true);
      expect(config[job].artifacts.when).toBe('always');
    }
  });

  test('every command they run works on the example; the diff job fails only when access widens', async () => {
    const runs = [];
    for (const scenario of ['unchanged', 'bob joins'] as const) {
      const ran = [
        ...(await runJob(gitlabLines('cr-access-check'), scratch('gitlab'), scenario)),
        ...(await runJob(gitlabLines('cr-access-diff'), scratch('gitlab'), scenario)),
      ];
      const diffRun = ran.find((r) => r.command.includes(' diff '))!;
      expect(diffRun.outcome).toBe(scenario === 'unchanged' ? 'run: exit 0' : 'run: exit 1');
      runs.push({ scenario, ran });
    }
    expectDocBlock('ci-commands:gitlab', table(runs));
  });

  test('docs/ci.md shows the jobs as they are', () => {
    expectDocBlock('ci-file:gitlab', fenced('yaml', fs.readFileSync(path.join(ROOT, GITLAB), 'utf8')));
  });
});

describe('the pre-commit hook', () => {
  test('parses as YAML with the fields pre-commit requires', () => {
    const hooks = load(HOOKS);
    expect(hooks).toHaveLength(1);
    const [hook] = hooks;
    for (const field of ['id', 'name', 'entry', 'language']) expect(typeof hook[field]).toBe('string');
    expect(hook.language).toBe('system');
    expect(new RegExp(hook.files).test('infra/main.tf')).toBe(true);
    expect(new RegExp(hook.files).test('infra/main.tf.json')).toBe(true);
    expect(new RegExp(hook.files).test('src/main.ts')).toBe(false);
  });

  test('its entry works on .tf folders: exit 1 on a gap, 0 on a covered grant', async () => {
    const [hook] = load(HOOKS);
    const workspace = scratch('pre-commit');
    const outcomes: string[] = [];
    for (const fixture of ['readonly-system-rg', 'cr-all-covered']) {
      const dir = path.join(workspace, fixture);
      fs.cpSync(path.join(ROOT, 'test/fixtures/check/tf', fixture), dir, { recursive: true });
      const entry = hook.entry.replace(/^npx --no-install /, 'npx ');
      const [ran] = await runJob([{ line: `${entry} ${fixture}` }], workspace, 'unchanged');
      outcomes.push(ran.outcome);
    }
    expect(outcomes).toEqual(['run: exit 1', 'run: exit 0']);
  });

  test('docs/ci.md shows the hook file as it is', () => {
    expectDocBlock('ci-file:pre-commit', fenced('yaml', fs.readFileSync(path.join(ROOT, HOOKS), 'utf8')));
  });
});
