/**
 * The policy engine: RAM policy documents, the Container Registry action catalog, wildcard matching,
 * the resource-group split and RAM's size limits. Pure TypeScript: nothing here imports cdktf or
 * constructs (test/policy/purity.test.ts keeps it so).
 */
export * from './action-check';
export * from './catalog/catalog';
export * from './catalog/system-policies';
export * from './diagnostic';
export * from './document';
export * from './effect';
export * from './limits';
export * from './size-split';
export * from './split';
export * from './statement';
export { ACTION_NAMES_CASE_SENSITIVE, actionMatches, resourceMatches } from './wildcard';
