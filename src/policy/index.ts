/**
 * The policy engine: RAM policy documents, the Container Registry action catalog, wildcard matching,
 * the resource-group split and RAM's size limits. Pure TypeScript: nothing here imports cdktf or
 * constructs (test/policy/purity.test.ts keeps it so).
 */
export * from './account-level-writes';
export * from './action-check';
export * from './catalog/catalog';
export * from './catalog/system-policies';
export * from './container-registry-only';
// PolicyError (thrown, with every diagnostic) extends Error, which jsii cannot export; TypeScript users
// import it by its module path, cdktf-alicloud-cr-access/lib/policy/diagnostic.
export { type Diagnostic, DiagnosticCode, Severity, formatDiagnostic } from './diagnostic';
export * from './document';
export * from './effect';
export * from './engine';
export * from './limits';
export * from './listed';
export * from './resource-check';
export * from './resource-placement';
export * from './resource-types';
export * from './size-split';
export * from './split';
export * from './statement';
export { ACTION_NAMES_CASE_SENSITIVE, actionMatches, resourceMatches } from './wildcard';
