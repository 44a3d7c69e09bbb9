/**
 * The CLI answers every input (issue 18.4): deep nesting, link loops, dangling links, special files,
 * binary content, byte-order marks and UTF-16, old and future plan formats, one bad path among several,
 * `--help` on every command, and `explain` on an action, a pattern or a system policy name. Every case
 * ends in exit 0, 1 or 2 with one readable line per problem, never a stack trace or exit 3.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ExitCode } from '../../src/cli/main';
import { MAX_NESTING } from '../../src/cli/nesting';
import { CrCatalog, SystemPolicy } from '../../src/policy';
import { casePaths } from '../support/check-fixtures';
import { cli, type CliResult } from './run';

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-robust-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const file = path.join(tmp, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

const gap = casePaths('cr-all-gap');
const gapJson = fs.readFileSync(gap.cdktf, 'utf8');

/** The answer is a clean input error: exit 2, one line per problem, no trace. */
function expectInputError(r: CliResult, message: RegExp, lines = 1): void {
  expect(r.code).toBe(ExitCode.USAGE_OR_INPUT);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(lines);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
}

const nested = (depth: number) => `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;

describe('nesting', () => {
  test('a configuration value nested 6,000 deep is an input error naming where it goes deep', async () => {
    const file = write(
      'deep-attr.json',
      `{"resource":{"alicloud_ram_policy":{"p":{"policy_name":"p","x":${nested(6000)}}}}}`,
    );
    expectInputError(
      await cli('check', file),
      new RegExp(
        `deep-attr\\.json: nests deeper than ${MAX_NESTING} levels \\(at resource\\.alicloud_ram_policy\\.p\\.x\\[0\\]`,
      ),
    );
  });

  test('a Condition value nested 6,000 deep inside a policy document is checked and reported, not a crash', async () => {
    const document = `{"Version":"1","Statement":[{"Effect":"Allow","Action":["cr:*"],"Resource":"*","Condition":{"StringEquals":{"acs:SourceIp":${nested(6000)}}}}]}`;
    const config = JSON.parse(gapJson);
    const policy = Object.values(config.resource.alicloud_ram_policy)[0] as { policy_document: string };
    policy.policy_document = document;
    const r = await cli('check', write('deep-doc.json', JSON.stringify(config)), '--format', 'json');
    expect([ExitCode.OK, ExitCode.FINDINGS]).toContain(r.code);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).findings.length).toBeGreaterThan(0);
    const explained = await cli('explain', write('deep-explain.json', document));
    expectInputError(
      explained,
      /deep-explain\.json: \[Statement\[0\]\.Condition\.StringEquals\.acs:SourceIp\] .*\[\[\[\[\[\[\[\[/,
    );
    expect(explained.stderr.length).toBeLessThan(2000);
  });

  test.each([
    ['brackets', nested(6000)],
    ['parentheses', `${'('.repeat(6000)}1${')'.repeat(6000)}`],
  ])(
    'a .tf value nested 6,000 deep in %s is refused before the HCL parser sees it (deeper, its runtime exits)',
    async (_, value) => {
      const file = write(
        `deep-${_}/main.tf`,
        `resource "alicloud_ram_policy" "p" {\n  policy_name = "p"\n  x = ${value}\n}\n`,
      );
      expectInputError(
        await cli('check', path.dirname(file)),
        /main\.tf: brackets nest deeper than 256 levels \(line 3\); no Terraform configuration nests this deep/,
      );
    },
  );
});

test('after a 20,000-deep .tf, the parser still answers for the next .tf in the same process', async () => {
  const file = write('deeper/main.tf', `locals {\n  x = ${'{a = '.repeat(20000)}1${'}'.repeat(20000)}\n}\n`);
  expect((await cli('check', path.dirname(file))).code).toBe(ExitCode.USAGE_OR_INPUT);
  expect((await cli('check', gap.tf)).code).toBe(ExitCode.FINDINGS);
});

describe('links and special files', () => {
  function tfFolder(name: string): string {
    const dir = path.join(tmp, name);
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(gap.tf, 'main.tf'), path.join(dir, 'main.tf'));
    return dir;
  }

  test('a loop of symbolic links among the .tf files names the link', async () => {
    const dir = tfFolder('loop');
    fs.symlinkSync('b.tf', path.join(dir, 'a.tf'));
    fs.symlinkSync('a.tf', path.join(dir, 'b.tf'));
    expectInputError(await cli('check', dir), /loop\/a\.tf: a loop of symbolic links/);
  });

  test('a dangling link among the .tf files names the link and its target', async () => {
    const dir = tfFolder('dangling');
    fs.symlinkSync('nowhere.tf', path.join(dir, 'extra.tf'));
    expectInputError(
      await cli('check', dir),
      /dangling\/extra\.tf: a symbolic link to "nowhere\.tf", which does not exist/,
    );
  });

  test('a link to a folder that loops back is not followed (Terraform reads one folder per module)', async () => {
    const dir = tfFolder('self');
    fs.symlinkSync('.', path.join(dir, 'self'));
    expect((await cli('check', dir)).code).toBe(ExitCode.FINDINGS);
  });

  test('a path given as a dangling link says so', async () => {
    const link = path.join(tmp, 'gone.json');
    fs.symlinkSync('missing.json', link);
    expectInputError(
      await cli('check', link),
      /gone\.json: a symbolic link to "missing\.json", which does not exist/,
    );
  });

  const fifoTest = process.platform === 'win32' ? test.skip : test;
  fifoTest('a FIFO is refused without opening it (opening would block)', async () => {
    const fifo = path.join(tmp, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    expectInputError(await cli('check', fifo), /pipe\.json: is a FIFO \(named pipe\), not a regular file/);
    const inFolder = tfFolder('with-fifo');
    execFileSync('mkfifo', [path.join(inFolder, 'z.tf')]);
    expectInputError(await cli('check', inFolder), /with-fifo\/z\.tf: is a FIFO/);
  });

  test('a device is refused', async () => {
    if (!fs.existsSync('/dev/zero')) return;
    expectInputError(await cli('check', '/dev/zero'), /\/dev\/zero: is a device, not a regular file/);
  });
});

describe('encodings', () => {
  test('binary content is described by size and first bytes, never echoed', async () => {
    const bytes = Buffer.from([0x1b, 0x5b, 0x32, 0x4a, 0xff, 0xfe, 0x00, 0x9b, 0xc3, 0x28]);
    const r = await cli('check', write('binary.json', bytes));
    expectInputError(
      r,
      /binary\.json: binary content, not text \(10 bytes, not valid UTF-8; first bytes 1b 5b 32 4a ff fe 00 9b\)/,
    );
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\ufffd]/);
  });

  test('NUL characters in otherwise valid UTF-8 make it binary', async () => {
    expectInputError(
      await cli('check', write('nul.json', `{"a":1}\u0000`)),
      /nul\.json: binary content.*NUL characters/,
    );
  });

  test('control characters of a JSON error are escaped, not printed', async () => {
    const r = await cli('check', write('ctl.json', '{"a": \u001b[31m}'));
    expectInputError(r, /ctl\.json: invalid JSON/);
    expect(r.stderr).toContain('\\u001b');
    expect(r.stderr).not.toContain('\u001b');
  });

  const utf16be = (text: string) => {
    const le = Buffer.from(text, 'utf16le');
    for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
    return le;
  };
  test.each([
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(gapJson)])],
    ['UTF-16 LE (PowerShell >)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(gapJson, 'utf16le')])],
    ['UTF-16 BE', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(gapJson)])],
  ])('%s is read like the UTF-8 file', async (name, bytes) => {
    const file = write(`enc-${name.replace(/\W+/g, '-')}.json`, bytes);
    const expected = JSON.parse((await cli('check', gap.cdktf, '--format', 'json')).stdout).findings;
    const r = await cli('check', file, '--format', 'json');
    expect(r.code).toBe(ExitCode.FINDINGS);
    const findings = JSON.parse(r.stdout).findings;
    expect(findings.map((f: { missingActions: string[] }) => f.missingActions)).toEqual(
      expected.map((f: { missingActions: string[] }) => f.missingActions),
    );
  });

  test('a .tf file in UTF-16 with a byte-order mark is read', async () => {
    const text = fs.readFileSync(path.join(gap.tf, 'main.tf'), 'utf8');
    const file = write(
      'tf-utf16/main.tf',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    expect((await cli('check', path.dirname(file))).code).toBe(ExitCode.FINDINGS);
  });
});

describe('plan format versions', () => {
  const plan = JSON.parse(fs.readFileSync(gap.plan, 'utf8'));

  test.each(['0.1', '0.2'])('format %s (Terraform 0.12 to 1.0) is read as 1.x is', async (version) => {
    const file = write(`plan-${version}.json`, JSON.stringify({ ...plan, format_version: version }));
    const expected = JSON.parse((await cli('check', gap.plan, '--format', 'json')).stdout).findings;
    const r = await cli('check', file, '--format', 'json');
    expect(r.code).toBe(ExitCode.FINDINGS);
    expect(JSON.parse(r.stdout).findings.map((f: { missingActions: string[] }) => f.missingActions)).toEqual(
      expected.map((f: { missingActions: string[] }) => f.missingActions),
    );
  });

  test('format 2.0 is an unsupported format_version, not "unknown input"', async () => {
    const file = write('plan-2.json', JSON.stringify({ ...plan, format_version: '2.0' }));
    expectInputError(await cli('check', file), /plan-2\.json: unsupported plan format_version "2\.0"/);
  });
});

describe('several paths', () => {
  test('each bad path reports its own error; the others are still checked; exit 2', async () => {
    const bad = write('bad.json', '{');
    const r = await cli('check', path.join(tmp, 'missing.json'), gap.cdktf, bad);
    expectInputError(r, /missing\.json: no such file or directory\n.*bad\.json: invalid JSON/, 2);
    expect(r.stdout).toContain(`Read 1 resource-group attachment`);
    expect(r.stdout).toContain('CR_RG_GRANT_GAP');
    expect(r.stdout).toContain(
      `Not read (2, see the errors above): ${path.join(tmp, 'missing.json')}, ${bad}.`,
    );
  });

  test('json lists unreadInputs; sarif marks the invocation unsuccessful with one notification per path', async () => {
    const missing = path.join(tmp, 'missing.json');
    const json = JSON.parse((await cli('check', missing, gap.cdktf, '--format', 'json')).stdout);
    expect(json.unreadInputs).toEqual([{ path: missing, message: `${missing}: no such file or directory` }]);
    expect(json.findings.length).toBe(1);
    const sarif = JSON.parse((await cli('check', missing, gap.cdktf, '--format', 'sarif')).stdout);
    const [invocation] = sarif.runs[0].invocations;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toEqual([
      expect.objectContaining({ level: 'error', message: { text: `${missing}: no such file or directory` } }),
    ]);
    expect(sarif.runs[0].results).toHaveLength(1);
  });

  test('when no path can be read, nothing is printed on stdout', async () => {
    const r = await cli('check', path.join(tmp, 'a.json'), path.join(tmp, 'b.json'));
    expectInputError(r, /a\.json: no such file or directory\n.*b\.json: no such file/, 2);
    expect(r.stdout).toBe('');
  });

  test('who-can answers for the readable paths and exits 2; diff reports both unreadable sides', async () => {
    const whoCan = await cli('who-can', 'cr:GetUserInfo', path.join(tmp, 'missing.json'), gap.cdktf);
    expectInputError(whoCan, /missing\.json: no such file/);
    expect(whoCan.stdout).toContain(gap.cdktf);
    const diff = await cli('diff', path.join(tmp, 'x.json'), path.join(tmp, 'y.json'));
    expectInputError(diff, /x\.json: no such file.*\n.*y\.json: no such file/, 2);
  });
});

describe('help', () => {
  test.each(['check', 'explain', 'diff', 'who-can'])(
    '%s --help prints its own usage and exits 0',
    async (command) => {
      for (const argv of [
        [command, '--help'],
        [command, 'x.json', '-h'],
      ]) {
        const r = await cli(...argv);
        expect(r.code).toBe(ExitCode.OK);
        expect(r.stdout).toMatch(new RegExp(`^Usage: cdktf-alicloud-cr-access ${command} `));
        expect(r.stdout).toMatch(/Exit status/);
      }
    },
  );

  test('the overview lists every command and points to per-command help', async () => {
    const { stdout } = await cli('--help');
    for (const command of ['check', 'explain', 'diff', 'who-can'])
      expect(stdout).toContain(`cdktf-alicloud-cr-access ${command} `);
    expect(stdout).toContain('<command> --help');
  });
});

describe('explain subjects', () => {
  const catalog = CrCatalog.bundled();

  test('an action: its resource-group support, access level and sources', async () => {
    const r = await cli('explain', 'cr:GetRepositoryTag');
    expect(r.code).toBe(ExitCode.OK);
    const info = catalog.lookup('cr:GetRepositoryTag')!;
    expect(r.stdout).toMatch(
      new RegExp(
        `cr:GetRepositoryTag +${info.supportsResourceGroup ? 'supported' : 'not supported'} +${info.accessLevel}`,
      ),
    );
    expect(r.stdout).toContain('fine-grained-resource-control-using-resource-groups');
  });

  test('an action a per-API table lists names the table and its APIs; case does not matter', async () => {
    const r = await cli('explain', 'cr:getrepository', '--format', 'json');
    expect(r.code).toBe(ExitCode.OK);
    const [a] = JSON.parse(r.stdout).actions;
    expect(a.action).toBe('cr:GetRepository');
    expect(a.supportsResourceGroup).toBe(catalog.lookup('cr:GetRepository')!.supportsResourceGroup);
    expect(a.authorizationTables.length).toBeGreaterThan(0);
    expect(a.authorizationTables[0].apis).toContain('GetRepository');
  });

  test('a pattern lists every catalog action it matches', async () => {
    const r = await cli('explain', 'cr:Get*Tag*', '--format', 'json');
    expect(JSON.parse(r.stdout).actions.map((a: { action: string }) => a.action)).toEqual(
      catalog.match('cr:Get*Tag*'),
    );
  });

  test('a system policy name (in any case, as RAM compares policy names) explains its published document', async () => {
    const policy = SystemPolicy.CONTAINER_REGISTRY_READ_ONLY_ACCESS;
    const r = await cli('explain', policy.policyName.toLowerCase(), '--format', 'json');
    expect(r.code).toBe(ExitCode.OK);
    const json = JSON.parse(r.stdout);
    expect(json.systemPolicy).toBe(policy.policyName);
    expect(json.accountLevelDocument).not.toBeNull();
  });

  test.each([
    [
      'cr:PulRepository',
      /cr:PulRepository: no such file, and not a Container Registry action the catalog knows\. Did you mean "cr:PullRepository"\?/,
    ],
    [
      'AliyunContainerRegistryReadOnlyAcess',
      /neither a Container Registry action .* Did you mean "AliyunContainerRegistryReadOnlyAccess"\?/,
    ],
    ['ecs:DescribeInstances', /an action of another service: explain describes Container Registry actions/],
    ['cr:Nothing*Here', /cr:Nothing\*Here: matches no Container Registry action/],
  ])('%s is an input error that says what was tried', async (subject, message) => {
    expectInputError(await cli('explain', subject), message);
  });

  test('a document without cr: actions gives one line and exits 0', async () => {
    const file = write(
      'ecs.json',
      '{"Version":"1","Statement":[{"Effect":"Allow","Action":["ecs:*","oss:Get*"],"Resource":"*"}]}',
    );
    const r = await cli('explain', file);
    expect(r.code).toBe(ExitCode.OK);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      `${file}: grants no Container Registry (cr:) action, so resource-group scope loses nothing here and there is nothing to split (this tool decides resource-group support for cr: actions only).`,
    ]);
  });
});

describe('a cdktf project folder', () => {
  test('check . suggests the synthesized output folder', async () => {
    const dir = path.join(tmp, 'project');
    write('project/cdktf.json', '{"app": "node main.js"}');
    expectInputError(
      await cli('check', dir),
      /found no \.tf files.*it is a cdktf project \(cdktf\.json\): run `cdktf synth` \(or `cdktn synth`\), then check .*project\/cdktf\.out/,
    );
    write('project/out/manifest.json', '{"stacks": {}}');
    write('project/cdktf.json', '{"app": "node main.js", "output": "out"}');
    expectInputError(await cli('check', dir), /check its synthesized output, .*project\/out$/m);
  });
});
