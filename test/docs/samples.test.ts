/**
 * The messages shown in docs/errors.md and docs/stack-check.md, produced the way a user meets them: a
 * validation error at synth, a warning or error annotation. A test fails when its block is stale;
 * `UPDATE_README=1 npx jest test/docs/samples.test.ts` rewrites the blocks (test/support/doc-blocks.ts).
 */
import {
  CrAccess,
  CrAccessCheck,
  CrAccessGrant,
  CrAccessScope,
  PolicyDocument,
  PolicyStatement,
  RamPrincipal,
} from '../../src';
import { AnnotationMetadataEntryType, Testing, type TerraformStack } from '../../src/core-lib';
import * as alicloud from '../../src/generated/alicloud';
import { PolicyError } from '../../src/policy/diagnostic';
import { expectDocBlock, fenced } from '../support/doc-blocks';
import { newStack } from '../support/stack';

/** `[path] message`, as cdktf joins a construct's path and its message (`[path location]` for a location). */
function withPath(constructPath: string, text: string): string {
  return text.startsWith('[') ? `[${constructPath} ${text.slice(1)}` : `[${constructPath}] ${text}`;
}

/** The annotations of one level on the stack's constructs after synthesis, with their paths. */
function annotations(stack: TerraformStack, level: AnnotationMetadataEntryType): string[] {
  Testing.synth(stack, true);
  return stack.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata.filter((m) => m.type === level).map((m) => withPath(c.node.path, String(m.data))),
    );
}

const devGrant = (stack: TerraformStack, id: string, actions: string[]) =>
  new CrAccessGrant(stack, id, {
    principal: RamPrincipal.user('dev'),
    access: CrAccess.custom(PolicyDocument.of([PolicyStatement.allow(actions)])),
    scope: CrAccessScope.resourceGroups(['rg-aek2teama']),
  });

test('docs/errors.md shows the current error for a misspelt action', () => {
  const stack = newStack();
  let message = '';
  try {
    devGrant(stack, 'Dev', ['cr:PulRepository']);
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyError);
    message = (e as Error).message;
  }
  expect(message.split('\n')).toHaveLength(1);
  expectDocBlock('error-example:unknown-action', fenced('text', message));
});

test('docs/errors.md shows the current warning for write actions granted at account level', () => {
  const stack = newStack();
  new CrAccessGrant(stack, 'Admins', {
    principal: RamPrincipal.group('registry-admins'),
    access: CrAccess.fullAccess(),
    scope: CrAccessScope.resourceGroups(['rg-aek2teama']),
  });
  const warnings = annotations(stack, AnnotationMetadataEntryType.WARN).filter((w) =>
    w.includes('write-level'),
  );
  expect(warnings).toHaveLength(1);
  expectDocBlock('error-example:write-level', fenced('text', warnings[0]));
});

test('docs/errors.md shows the current warning for an unknown action that passes through', () => {
  const stack = newStack();
  devGrant(stack, 'Dev', ['cr:GetSomethingBrandNew']);
  const warnings = annotations(stack, AnnotationMetadataEntryType.WARN);
  expect(warnings).toHaveLength(1);
  expectDocBlock('error-example:passthrough', fenced('text', warnings[0]));
});

test('docs/stack-check.md shows the current error for a hand-written grant with a gap', () => {
  const stack = newStack();
  new alicloud.resourceManagerPolicyAttachment.ResourceManagerPolicyAttachment(stack, 'DevInTeamA', {
    policyName: 'AliyunContainerRegistryReadOnlyAccess',
    policyType: 'System',
    principalName: 'dev@1234567890123456.onaliyun.com',
    principalType: 'IMSUser',
    resourceGroupId: 'rg-aek2teama',
  });
  CrAccessCheck.applyTo(stack);
  const errors = annotations(stack, AnnotationMetadataEntryType.ERROR);
  expect(errors).toHaveLength(1);
  expectDocBlock('stack-check-example', fenced('text', errors[0]));
});
