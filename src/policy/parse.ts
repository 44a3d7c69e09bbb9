/**
 * The rules of RAM's policy language (version "1") for permission policies, in one place. Both the
 * JSON parser and the programmatic factories go through `parseStatementData`, so a document built in
 * code obeys exactly the rules of one read from JSON. Every broken rule is collected as a diagnostic
 * (with the path inside the document) before anything is thrown, so one run reports them all.
 *
 * The parsed form is normalized: Action/Resource/Condition values become sorted, de-duplicated
 * arrays. That makes equality and canonical rendering simple and independent of input order.
 */
import { CONDITION_OPERATORS, isConditionOperator } from './conditions';
import { type Diagnostic, DiagnosticCode, quote, Severity } from './diagnostic';
import { Effect } from './effect';
import { withSuggestion } from './suggest';
import { actionKey } from './wildcard';

/** The only policy language version RAM accepts. */
export const POLICY_VERSION = '1';

/** Condition operator → condition key → values. */
export interface ConditionMap {
  readonly [operator: string]: { readonly [key: string]: string[] };
}

/** A statement after validation and normalization. */
export interface StatementData {
  readonly effect: Effect;
  /** True when the statement uses NotAction instead of Action. */
  readonly notAction: boolean;
  readonly actions: string[];
  /** True when the statement uses NotResource instead of Resource. */
  readonly notResource: boolean;
  readonly resources: string[];
  readonly conditions: ConditionMap;
}

const DOCUMENT_KEYS = ['Version', 'Statement'];
const STATEMENT_KEYS = ['Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
const ACTION_FORMAT = /^(?:\*|[A-Za-z0-9*?-]+:[A-Za-z0-9*?_.-]+)$/;
const RESOURCE_FORMAT = /^(?:\*|acs:\S+)$/;
const ACTION_RULE =
  'an action is written "service:Name" (for example "cr:PullRepository"), where "*" and "?" are the only wildcards';
const RESOURCE_RULE = 'a resource is "*" or an Alibaba Cloud resource name starting with "acs:"';

type Sink = Diagnostic[];

/** `key` inside `location` (`Statement[0]` + `Effect`); a standalone statement's location is empty. */
export function at(location: string, key: string): string {
  if (location === '' || key === '') return location === '' ? key : location;
  return key.startsWith('[') ? `${location}${key}` : `${location}.${key}`;
}

function error(sink: Sink, d: Omit<Diagnostic, 'severity'>): void {
  sink.push({ ...d, severity: Severity.ERROR });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sorted by code units, then de-duplicated under `key` (the first spelling in sorted order wins). */
export function sortedUnique(values: Iterable<string>, key: (v: string) => string = (v) => v): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of [...values].sort()) {
    const k = key(v);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(v);
    }
  }
  return out;
}

function checkKeys(
  sink: Sink,
  obj: Record<string, unknown>,
  allowed: string[],
  location: string,
  what: string,
) {
  for (const key of Object.keys(obj)) {
    if (allowed.includes(key)) continue;
    const principal = key === 'Principal';
    error(sink, {
      code: DiagnosticCode.UNKNOWN_POLICY_KEY,
      location,
      message: principal ? `unknown key in ${what}` : withSuggestion(`unknown key in ${what}`, key, allowed),
      value: quote(key),
      rule: `${what} has only the keys ${allowed.join(', ')} (keys are case-sensitive)`,
      fix: principal
        ? 'remove it: Principal belongs in a role trust policy (alicloud_ram_role), not in a permission policy'
        : `remove ${quote(key)} or correct its spelling`,
    });
  }
}

/** Validates a whole document; returns its statements (empty when there are errors). */
export function parseDocumentData(input: unknown, sink: Sink): StatementData[] {
  let doc = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch (e) {
      error(sink, {
        code: DiagnosticCode.INVALID_POLICY_JSON,
        location: '',
        message: 'the policy document is not valid JSON',
        value: (e as Error).message,
        rule: 'a policy document is a JSON object',
        fix: 'correct the JSON syntax at the position named',
      });
      return [];
    }
  }
  if (!isPlainObject(doc)) {
    error(sink, {
      code: DiagnosticCode.INVALID_POLICY_JSON,
      location: '',
      message: 'the policy document is not a JSON object',
      value: quote(doc),
      rule: 'a policy document is a JSON object with the keys Version and Statement',
      fix: 'write {"Version": "1", "Statement": [...]}',
    });
    return [];
  }
  checkKeys(sink, doc, DOCUMENT_KEYS, '', 'a policy document');
  if (doc.Version !== POLICY_VERSION) {
    error(sink, {
      code: DiagnosticCode.UNSUPPORTED_VERSION,
      location: 'Version',
      message:
        doc.Version === undefined
          ? 'the policy document has no Version'
          : 'unsupported policy language version',
      value: doc.Version === undefined ? undefined : quote(doc.Version),
      rule: `RAM policy documents use "Version": "${POLICY_VERSION}" (a string)`,
      fix: `set "Version": "${POLICY_VERSION}"`,
    });
  }
  const statements = doc.Statement;
  if (!Array.isArray(statements) || statements.length === 0) {
    error(sink, {
      code: DiagnosticCode.EMPTY_STATEMENT_LIST,
      location: 'Statement',
      message:
        statements === undefined
          ? 'the policy document has no Statement'
          : 'Statement is not a non-empty list',
      value: statements === undefined ? undefined : quote(statements),
      rule: 'a policy document has a Statement list with at least one statement',
      fix: 'add "Statement": [{"Effect": "Allow", "Action": [...], "Resource": [...]}]',
    });
    return [];
  }
  const before = sink.length;
  const parsed = statements.map((raw, i) => parseStatementData(raw, `Statement[${i}]`, sink));
  return sink.length > before ? [] : (parsed as StatementData[]);
}

/**
 * Validates one statement; returns undefined when it has errors (which are added to `sink`). Locations
 * are relative to `location`: `Statement[0]` in a document, empty for a statement on its own.
 */
export function parseStatementData(raw: unknown, location: string, sink: Sink): StatementData | undefined {
  const before = sink.length;
  if (!isPlainObject(raw)) {
    error(sink, {
      code: DiagnosticCode.INVALID_POLICY_JSON,
      location,
      message: 'a statement is not a JSON object',
      value: quote(raw),
      rule: 'each entry of Statement is an object with Effect, Action and Resource',
      fix: 'write the statement as {"Effect": "Allow", "Action": [...], "Resource": [...]}',
    });
    return undefined;
  }
  checkKeys(sink, raw, STATEMENT_KEYS, location, 'a statement');
  const effect = parseEffect(raw.Effect, location, sink);
  const actions = parseExclusive(raw, 'Action', 'NotAction', location, sink, {
    bothCode: DiagnosticCode.ACTION_AND_NOT_ACTION,
    missingCode: DiagnosticCode.MISSING_ACTION,
    emptyCode: DiagnosticCode.EMPTY_ACTION_LIST,
    formatCode: DiagnosticCode.INVALID_ACTION_FORMAT,
    format: ACTION_FORMAT,
    rule: ACTION_RULE,
    example: '"cr:GetRepository"',
    formatFix: (v) =>
      v.includes(':')
        ? 'write it as service:Name without spaces or other punctuation'
        : `prefix the service code, e.g. "cr:${v}"`,
  });
  const resources = parseExclusive(raw, 'Resource', 'NotResource', location, sink, {
    bothCode: DiagnosticCode.RESOURCE_AND_NOT_RESOURCE,
    missingCode: DiagnosticCode.MISSING_RESOURCE,
    emptyCode: DiagnosticCode.EMPTY_RESOURCE_LIST,
    formatCode: DiagnosticCode.INVALID_RESOURCE_FORMAT,
    format: RESOURCE_FORMAT,
    rule: RESOURCE_RULE,
    example: '"*"',
    formatFix: () => 'use "*" or a name like "acs:cr:*:*:repository/<instance-id>/<namespace>/<repository>"',
  });
  const conditions = parseConditions(raw.Condition, at(location, 'Condition'), sink);
  if (sink.length > before || effect === undefined || actions === undefined || resources === undefined) {
    return undefined;
  }
  return {
    effect,
    notAction: actions.negated,
    actions: sortedUnique(actions.values, actionKey),
    notResource: resources.negated,
    resources: sortedUnique(resources.values),
    conditions,
  };
}

function parseEffect(value: unknown, location: string, sink: Sink): Effect | undefined {
  const effects = [Effect.ALLOW, Effect.DENY] as string[];
  if (typeof value === 'string' && effects.includes(value)) return value as Effect;
  error(sink, {
    code: DiagnosticCode.INVALID_EFFECT,
    location: at(location, 'Effect'),
    message:
      value === undefined
        ? 'the statement has no Effect'
        : withSuggestion('invalid Effect', typeof value === 'string' ? value : '', effects),
    value: value === undefined ? undefined : quote(value),
    rule: 'every statement has "Effect": "Allow" or "Effect": "Deny" (case-sensitive)',
    fix: 'set "Effect" to "Allow" or "Deny"',
  });
  return undefined;
}

interface ExclusiveRules {
  readonly bothCode: DiagnosticCode;
  readonly missingCode: DiagnosticCode;
  readonly emptyCode: DiagnosticCode;
  readonly formatCode: DiagnosticCode;
  readonly format: RegExp;
  readonly rule: string;
  readonly example: string;
  readonly formatFix: (value: string) => string;
}

/** Action/NotAction and Resource/NotResource: exactly one of the pair, a non-empty list of well-formed names. */
function parseExclusive(
  raw: Record<string, unknown>,
  key: string,
  notKey: string,
  location: string,
  sink: Sink,
  rules: ExclusiveRules,
): { negated: boolean; values: string[] } | undefined {
  const has = raw[key] !== undefined;
  const hasNot = raw[notKey] !== undefined;
  if (has && hasNot) {
    error(sink, {
      code: rules.bothCode,
      location,
      message: `the statement has both ${key} and ${notKey}`,
      rule: `a statement has exactly one of ${key} and ${notKey}`,
      fix: `keep one: ${key} lists what the statement covers, ${notKey} covers everything except what it lists`,
    });
    return undefined;
  }
  if (!has && !hasNot) {
    error(sink, {
      code: rules.missingCode,
      location,
      message: `the statement has neither ${key} nor ${notKey}`,
      rule: `a statement of a permission policy has ${key} or ${notKey}`,
      fix: `add "${key}": [${rules.example}]`,
    });
    return undefined;
  }
  const negated = hasNot;
  const name = negated ? notKey : key;
  const value = raw[name];
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0) {
    error(sink, {
      code: rules.emptyCode,
      location: at(location, name),
      message: `${name} is not a non-empty list`,
      value: quote(value),
      rule: `${name} is a string or a non-empty list of strings`,
      fix: `list at least one value, e.g. [${rules.example}], or remove the statement`,
    });
    return undefined;
  }
  const values: string[] = [];
  list.forEach((v, i) => {
    if (typeof v === 'string' && rules.format.test(v)) {
      values.push(v);
      return;
    }
    error(sink, {
      code: rules.formatCode,
      location: typeof value === 'string' ? at(location, name) : at(location, `${name}[${i}]`),
      message: `malformed ${name} value`,
      value: quote(v),
      rule: rules.rule,
      fix: typeof v === 'string' ? rules.formatFix(v) : `write it as a string, e.g. ${rules.example}`,
    });
  });
  return values.length === list.length ? { negated, values } : undefined;
}

function parseConditions(value: unknown, location: string, sink: Sink): ConditionMap {
  if (value === undefined) return {};
  const conditionRule =
    'Condition maps an operator (such as StringEquals) to condition keys, each with a value or a non-empty list of values';
  if (!isPlainObject(value) || Object.keys(value).length === 0) {
    error(sink, {
      code: DiagnosticCode.INVALID_CONDITION,
      location,
      message: 'Condition is not a non-empty object',
      value: quote(value),
      rule: conditionRule,
      fix: 'write e.g. {"IpAddress": {"acs:SourceIp": ["192.0.2.0/24"]}} or remove Condition',
    });
    return {};
  }
  const out: Record<string, Record<string, string[]>> = {};
  for (const operator of Object.keys(value).sort()) {
    const block = value[operator];
    if (!isConditionOperator(operator)) {
      error(sink, {
        code: DiagnosticCode.INVALID_CONDITION,
        location: at(location, operator),
        message: withSuggestion('unknown condition operator', operator, CONDITION_OPERATORS),
        value: quote(operator),
        rule: `RAM condition operators are ${CONDITION_OPERATORS.join(', ')}`,
        fix: 'use one of the operators named in the rule (they are case-sensitive)',
      });
      continue;
    }
    if (!isPlainObject(block) || Object.keys(block).length === 0) {
      error(sink, {
        code: DiagnosticCode.INVALID_CONDITION,
        location: at(location, operator),
        message: 'a condition operator has no condition keys',
        value: quote(block),
        rule: conditionRule,
        fix: `write e.g. {"${operator}": {"acs:SourceIp": ["192.0.2.0/24"]}}`,
      });
      continue;
    }
    const keys: Record<string, string[]> = {};
    for (const key of Object.keys(block).sort()) {
      const raw = block[key];
      const list = Array.isArray(raw) ? raw : [raw];
      const ok = list.length > 0 && list.every((v) => ['string', 'number', 'boolean'].includes(typeof v));
      if (!ok) {
        error(sink, {
          code: DiagnosticCode.INVALID_CONDITION,
          location: at(location, `${operator}.${key}`),
          message: 'a condition key has no usable value',
          value: quote(raw),
          rule: conditionRule,
          fix: 'give a string, number or boolean, or a non-empty list of them',
        });
        continue;
      }
      keys[key] = sortedUnique(list.map((v) => String(v)));
    }
    out[operator] = keys;
  }
  return out;
}
