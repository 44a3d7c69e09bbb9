/**
 * The props a construct cannot do without, checked before anything reads them. TypeScript enforces
 * them; JavaScript (and jsii languages passing null) does not, and would otherwise end in a TypeError
 * without the construct path. Every construct of this library calls `requireProps` first.
 */
import type { IConstruct } from 'constructs';
import { DiagnosticCode } from '../policy';
import { throwViolations, type Violation } from './errors';

/** What a required prop holds. */
export type PropKind = 'string' | 'string list' | 'object';

/** `resourceGroupIds` of the resource-group preset constructs. */
export const RESOURCE_GROUP_IDS = {
  kind: 'string list',
  example: "resourceGroupIds: ['rg-aek2teama']",
} as const;

function article(kind: PropKind): string {
  return kind === 'object' ? 'an object' : `a ${kind}`;
}

/** A wrong value, briefly: objects by their kind, not their content. */
function shown(value: unknown): unknown {
  if (Array.isArray(value))
    return value.every((x) => typeof x !== 'object') ? value : 'a list of non-strings';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'function') return 'a function';
  return value;
}

const IS: { [k in PropKind]: (v: unknown) => boolean } = {
  string: (v) => typeof v === 'string',
  'string list': (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'),
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
};

/**
 * Throws, with the construct path, one error listing every required prop of `props` that is missing
 * or of the wrong kind. Each prop's `example` shows how to give it, for the fix (e.g. `CrAccess.readOnly()`).
 */
export function requireProps(
  scope: IConstruct,
  props: unknown,
  required: { [prop: string]: { kind: PropKind; example: string } },
): void {
  const given = (typeof props === 'object' && props !== null ? props : {}) as Record<string, unknown>;
  const out: Violation[] = [];
  for (const [prop, { kind, example }] of Object.entries(required)) {
    const value = given[prop];
    if (value === undefined || value === null) {
      out.push({
        code: DiagnosticCode.MISSING_REQUIRED_PROP,
        message: `the required prop ${prop} is missing`,
        rule: `${prop} is ${article(kind)}, and the construct cannot be built without it`,
        fix: `pass ${prop}, e.g. ${example}`,
      });
    } else if (!IS[kind](value)) {
      out.push({
        code: DiagnosticCode.INVALID_PROP_TYPE,
        message: `${prop} is not ${article(kind)}`,
        value: shown(value),
        rule: `${prop} is ${article(kind)}`,
        fix: `pass ${prop} as ${article(kind)}, e.g. ${example}`,
      });
    }
  }
  throwViolations(scope, out);
}
