/**
 * docs/testing.md shows the part of this file between the docs markers, as a user's jest test (module
 * names mapped to the published packages, for cdktf and for CDK Terrain): it runs here as written. The
 * tests after the markers hold the page's claims about cdktf and CDK Terrain to the real libraries.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as cdktn from 'cdktn';
import { Construct } from 'constructs';
import { CrReadOnlyUser } from '../../src';
import { expectDocBlock, fenced } from '../support/doc-blocks';

// docs:start
import { AnnotationMetadataEntryType, TerraformStack, Testing } from '../../src/core-lib';
import {
  CrAccessCheck,
  CrAccessReport,
  CrAccessScope,
  CrAccessTeam,
  ResourceGroupScopedCrDeveloper,
} from '../../src';
import * as alicloud from '../../src/generated/alicloud';

// Your stack as your app builds it (import it from your own module instead).
function registryStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'registry-access');
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  new ResourceGroupScopedCrDeveloper(stack, 'Alice', {
    userName: 'alice',
    resourceGroupIds: ['rg-aek2teama'],
  });
  CrAccessTeam.readers(stack, 'Auditors', {
    groupName: 'registry-auditors',
    members: ['dave'],
    scope: CrAccessScope.account(),
  });
  CrAccessCheck.applyTo(stack);
  return stack;
}

/**
 * Synthesizes as `cdktf synth` does: `Testing.synth(stack, true)` runs the validations (the library's
 * whole-stack errors throw there), and an error annotation (the stack check's gaps) fails the test.
 */
function synthStrict(stack: TerraformStack): any {
  const json = Testing.synth(stack, true);
  const errors = stack.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata
        .filter((m) => m.type === AnnotationMetadataEntryType.ERROR)
        .map((m) => `[${c.node.path}] ${m.data}`),
    );
  if (errors.length > 0) throw new Error(errors.join('\n'));
  return JSON.parse(json);
}

test('the registry stack synthesizes without errors', () => {
  expect(() => synthStrict(registryStack())).not.toThrow();
});

test('every principal has the access reviewed in the snapshot', () => {
  const stack = registryStack();
  synthStrict(stack);
  expect(CrAccessReport.effectiveAccessText(stack)).toMatchSnapshot();
});
// docs:end

/** The sample as a user writes it, for one flavour's package names. */
function sample(core: 'cdktf' | 'cdktn'): string {
  const source = fs.readFileSync(__filename, 'utf8');
  const body = source.slice(source.indexOf('// docs:start\n') + 14, source.indexOf('// docs:end'));
  const pkg = `${core}-alicloud-cr-access`;
  return body
    .replace("'../../src/core-lib'", `'${core}'`)
    .replace("'../../src/generated/alicloud'", `'${pkg}/lib/generated/alicloud'`)
    .replace("'../../src'", `'${pkg}'`)
    .replace('as `cdktf synth` does', `as \`${core} synth\` does`);
}

const BLOCKS = { cdktf: 'testing-example:cdktf', cdktn: 'testing-example:cdktn' } as const;

test.each(['cdktf', 'cdktn'] as const)('docs/testing.md shows the sample for %s', (core) => {
  expectDocBlock(BLOCKS[core], fenced('ts', sample(core)));
});

/** Two users of one name: the library reports it in a validation (DUPLICATE_PRINCIPAL_NAME). */
function duplicateUsers(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'registry-access');
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  new CrReadOnlyUser(stack, 'A', { userName: 'ci' });
  new CrReadOnlyUser(stack, 'B', { userName: 'ci' });
  return stack;
}

/** A hand-written grant with a gap: the stack check's error annotation. */
function gap(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'registry-access');
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  new alicloud.resourceManagerPolicyAttachment.ResourceManagerPolicyAttachment(stack, 'Hand', {
    policyName: 'AliyunContainerRegistryReadOnlyAccess',
    policyType: 'System',
    principalName: 'dev@1234567890123456.onaliyun.com',
    principalType: 'IMSUser',
    resourceGroupId: 'rg-aek2teama',
  });
  CrAccessCheck.applyTo(stack);
  return stack;
}

describe('what docs/testing.md says about cdktf', () => {
  test('Testing.synth(stack) runs no validations: a library error passes unseen', () => {
    expect(() => Testing.synth(duplicateUsers())).not.toThrow();
    expect(() => Testing.synth(duplicateUsers(), true)).toThrow(
      /Validation failed[\s\S]*\[registry-access\//,
    );
  });

  test('Testing.synth(stack, true) does not fail on an error annotation; synthStrict does', () => {
    expect(() => Testing.synth(gap(), true)).not.toThrow();
    expect(() => synthStrict(gap())).toThrow(/\[registry-access\/Hand\] .*do not support resource groups/);
  });

  test('app.synth(), what `npx ts-node main.ts` runs, prints no warning: it only writes it to the manifest', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'testing-doc-'));
    const app = new (require('../../src/core-lib').App)({ outdir });
    const stack = new TerraformStack(app, 'registry-access');
    new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
    new ResourceGroupScopedCrDeveloper(stack, 'Alice', {
      userName: 'alice',
      resourceGroupIds: ['rg-aek2teama'],
    });
    new CrReadOnlyUser(stack, 'Ci', { userName: 'ci' });
    stack.node.findChild('Ci').node.addMetadata(AnnotationMetadataEntryType.WARN, 'a warning for the test');
    const writes = [jest.spyOn(process.stdout, 'write'), jest.spyOn(process.stderr, 'write')];
    const logs = (['log', 'warn', 'error', 'info'] as const).map((m) => jest.spyOn(console, m));
    try {
      app.synth();
      for (const spy of [...writes, ...logs]) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of [...writes, ...logs]) spy.mockRestore();
    }
    const manifest = fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8');
    expect(manifest).toContain('a warning for the test');
  });
});

describe('what docs/testing.md says about CDK Terrain (cdktn 0.24)', () => {
  class Failing extends Construct {
    constructor(scope: Construct, id: string) {
      super(scope, id);
      this.node.addValidation({ validate: () => ['a validation error'] });
    }
  }
  const stack = () => {
    const s = new cdktn.TerraformStack(cdktn.Testing.app(), 'registry-access');
    new Failing(s, 'Failing');
    return s;
  };

  test('Testing.synth(stack) runs no validations; Testing.synth(stack, true) does', () => {
    expect(() => cdktn.Testing.synth(stack())).not.toThrow();
    expect(() => cdktn.Testing.synth(stack(), true)).toThrow(/a validation error/);
  });

  test('error annotations use the same metadata type as in cdktf', () => {
    expect(cdktn.AnnotationMetadataEntryType.ERROR).toBe(AnnotationMetadataEntryType.ERROR);
  });
});
