/**
 * The grant model and the check: pure TypeScript over plain data (imports src/policy only), shared by
 * the constructs (which emit grants as resources), the stack-wide check and the CLI (which read them back).
 */
export type { AcceptedFinding } from './accepted';
export type { Baseline, BaselineEntry } from './baseline';
export * from './check';
export * from './finding';
export * from './fix';
export * from './gap-severity';
export * from './grant';
export * from './report';
export * from './synthesized';
export * from './terraform';
