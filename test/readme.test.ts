/**
 * docs/split.md shows the real synthesized output of a resource-group-scoped CrReadOnlyUser. This test
 * fails when the page is stale; `UPDATE_README=1 npx jest test/readme.test.ts` rewrites the block.
 */
import { CrReadOnlyUser } from '../src';
import { expectDocBlock, fenced } from './support/doc-blocks';
import { newStack } from './support/stack';
import { synth } from './support/synth';

function example(): string {
  const stack = newStack();
  new CrReadOnlyUser(stack, 'Auditor', {
    userName: 'auditor',
    resourceGroupIds: ['rg-aek2teama'],
    accountId: '1234567890123456',
  });
  const { resource } = synth(stack);
  return fenced('json', JSON.stringify({ resource }, null, 2));
}

test('the documentation shows the current synthesized output of a resource-group-scoped CrReadOnlyUser', () => {
  expectDocBlock('split-example', example());
});
