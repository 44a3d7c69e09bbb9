/**
 * The resource-group split. A policy attached at resource-group scope has no effect for the actions
 * that do not support resource-group authorization. For a document meant for that scope, the split
 * returns the document to attach there (unchanged) and, when needed, an account-level document that
 * restores exactly what the resource-group attachment silently drops. Rules:
 *
 * 1. Allow statements: the catalog actions that do not support resource groups and that the
 *    statement's Action patterns match are listed explicitly (never as a wildcard) in an account-level
 *    Allow statement with the same Resource and Condition. Statements with equal Resource and
 *    Condition share one account-level statement. Nothing else is granted at account level.
 * 2. An Allow with NotAction or NotResource cannot be split safely (its complement would have to be
 *    granted account-wide): error NOT_ACTION_AT_RESOURCE_GROUP_SCOPE.
 * 3. Deny statements keep holding where the grant now applies (fail closed): each Deny that matches
 *    account-level actions is carried to the account-level document, restricted to those actions, with
 *    its own Resource/NotResource and Condition. A Deny is not widened to actions the split does not
 *    grant, because at account scope it would also cut into the principal's other policies.
 *    An action named by an unconditional Deny on "*" is not granted at all (DENIED).
 * 4. Patterns of other services pass through at resource-group scope with a warning
 *    (NON_CR_ACTION_UNCHECKED): their resource-group support is not in the catalog. So do `cr:`
 *    actions and wildcards the catalog does not know (action-check.ts): the list of actions without
 *    resource-group support is complete in the catalog, so they are, by that list, supported there.
 * 5. Write-level actions that land at account level are named in a warning
 *    (ACCOUNT_LEVEL_WRITE_ACTION, account-level-writes.ts). The caller may exclude named actions, or all write-level ones,
 *    from the account-level document; the default is the faithful split.
 * All errors are collected and thrown once as a PolicyError.
 */
import { type ActionCheckOptions, checkActions } from './action-check';
import { accountLevelWriteDiagnostic } from './account-level-writes';
import { AccessLevel, CrCatalog } from './catalog/catalog';
import { type Diagnostic, DiagnosticCode, quote, Severity, throwIfErrors } from './diagnostic';
import { PolicyDocument } from './document';
import { Effect } from './effect';
import { listed } from './listed';
import { type StatementData, sortedUnique } from './parse';
import { PatternService, patternService } from './patterns';
import { actionMatches } from './wildcard';

/** Where the split put a granted catalog action. */
export enum Placement {
  /** Granted by the resource-group attachment. */
  RESOURCE_GROUP = 'resource-group',
  /** Granted by the account-level policy. */
  ACCOUNT_LEVEL = 'account-level',
  /** Dropped on request (excludeFromAccountLevel / excludeWriteActionsFromAccountLevel). */
  EXCLUDED = 'excluded',
  /** Dropped because an unconditional Deny on "*" in the same document names it. */
  DENIED = 'denied',
}

/** Why one catalog action ended up where it did. */
export interface ActionPlacement {
  /** The catalog action. */
  readonly action: string;
  /** Index of the Allow statement (in canonical order) that granted it. */
  readonly statement: number;
  /** The patterns of that statement that match it. */
  readonly matchedBy: string[];
  readonly placement: Placement;
  readonly reason: string;
}

/** What the split leaves out of the account-level document (also the stack check's options). */
export interface AccountLevelExclusions {
  /**
   * Actions without resource-group support to leave out of the account-level document, so they are
   * not granted at all. Each must be such an action, spelled as in the catalog.
   * @default - none: the faithful split
   */
  readonly excludeFromAccountLevel?: string[];
  /**
   * Leave every write-level action out of the account-level document.
   * @default false
   */
  readonly excludeWriteActionsFromAccountLevel?: boolean;
}

/** Options of the split. */
export interface ResourceGroupSplitOptions extends ActionCheckOptions, AccountLevelExclusions {}

/** The result of a split. */
export interface ResourceGroupSplit {
  /** The document to attach at resource-group scope (the input, canonical). */
  readonly resourceGroupDocument: PolicyDocument;
  /** The document to attach at account scope; absent when no granted action needs it. */
  readonly accountLevelDocument?: PolicyDocument;
  /** Warnings and information (errors are thrown). */
  readonly diagnostics: Diagnostic[];
  /** For every catalog action granted: which patterns matched it, where it went, and why. */
  readonly explanation: ActionPlacement[];
}

const REASONS: { [p in Placement]: string } = {
  [Placement.RESOURCE_GROUP]:
    'supports resource-group authorization; granted by the resource-group attachment',
  [Placement.ACCOUNT_LEVEL]:
    'does not support resource-group authorization; granted by the account-level policy with the same Resource and Condition',
  [Placement.EXCLUDED]:
    'does not support resource-group authorization and was excluded from the account-level policy on request; not granted',
  [Placement.DENIED]:
    'does not support resource-group authorization, and an unconditional Deny on "*" in the same document names it; not granted',
};

function statementMatches(s: StatementData, action: string): boolean {
  const hit = s.actions.some((p) => actionMatches(p, action));
  return s.notAction ? !hit : hit;
}

/** Splits a document meant for resource-group scope; see the file header for the rules. */
export function splitForResourceGroupScope(
  document: PolicyDocument,
  options: ResourceGroupSplitOptions = {},
): ResourceGroupSplit {
  const catalog = options.catalog ?? CrCatalog.bundled();
  const diagnostics = checkActions(document, options);
  const statements = document._statements;
  statements.forEach((s, i) => {
    if (s.effect !== Effect.ALLOW || (!s.notAction && !s.notResource)) return;
    const element = s.notAction ? 'NotAction' : 'NotResource';
    diagnostics.push({
      code: DiagnosticCode.NOT_ACTION_AT_RESOURCE_GROUP_SCOPE,
      severity: Severity.ERROR,
      location: `Statement[${i}].${element}`,
      message: `an Allow statement with ${element} cannot be split for resource-group scope`,
      value: quote(s.actions.length > 0 && s.notAction ? s.actions : s.resources),
      rule: `actions without resource-group support must be granted at account level, and granting the complement of ${element} account-wide would grant far more than intended`,
      fix: `list the allowed ${s.notAction ? 'actions in Action' : 'resources in Resource'} instead, and use a Deny statement for what must be excluded`,
    });
  });
  const { excluded, errors } = exclusions(options.excludeFromAccountLevel ?? [], catalog);
  diagnostics.push(...errors);
  throwIfErrors(diagnostics);

  const deniedEverywhere = statements.filter(
    (s) =>
      s.effect === Effect.DENY &&
      !s.notResource &&
      s.resources.includes('*') &&
      Object.keys(s.conditions).length === 0,
  );
  const explanation: ActionPlacement[] = [];
  const accountAllows = new Map<string, StatementData>();
  statements.forEach((s, si) => {
    if (s.effect !== Effect.ALLOW) return;
    const placed: { [p in Placement]: string[] } = {
      [Placement.RESOURCE_GROUP]: [],
      [Placement.ACCOUNT_LEVEL]: [],
      [Placement.EXCLUDED]: [],
      [Placement.DENIED]: [],
    };
    const matchedBy = new Map<string, string[]>();
    for (const pattern of s.actions) {
      for (const action of catalog.match(pattern))
        matchedBy.set(action, [...(matchedBy.get(action) ?? []), pattern]);
      const service = patternService(pattern);
      if (service !== PatternService.CR) {
        diagnostics.push(unchecked(si, s.actions.indexOf(pattern), pattern, service));
      }
    }
    for (const action of [...matchedBy.keys()].sort()) {
      const info = catalog.lookup(action)!;
      let placement = Placement.RESOURCE_GROUP;
      if (!info.supportsResourceGroup) {
        const write = info.accessLevel === AccessLevel.WRITE;
        if (excluded.has(action) || (write && options.excludeWriteActionsFromAccountLevel === true)) {
          placement = Placement.EXCLUDED;
        } else if (deniedEverywhere.some((d) => statementMatches(d, action))) {
          placement = Placement.DENIED;
        } else {
          placement = Placement.ACCOUNT_LEVEL;
        }
      }
      placed[placement].push(action);
      explanation.push({
        action,
        statement: si,
        matchedBy: matchedBy.get(action)!,
        placement,
        reason: REASONS[placement],
      });
    }
    const moved = placed[Placement.ACCOUNT_LEVEL];
    if (moved.length > 0) {
      const key = JSON.stringify([s.resources, s.conditions]);
      const group = accountAllows.get(key);
      accountAllows.set(key, { ...s, actions: sortedUnique([...(group?.actions ?? []), ...moved]) });
    }
    diagnostics.push(...placementDiagnostics(si, placed, catalog));
  });

  const granted = new Set([...accountAllows.values()].flatMap((s) => s.actions));
  const accountDenies = statements
    .filter((s) => s.effect === Effect.DENY)
    .map((d) => ({
      ...d,
      notAction: false,
      actions: [...granted].filter((a) => statementMatches(d, a)).sort(),
    }))
    .filter((d) => d.actions.length > 0);
  const accountLevelDocument =
    accountAllows.size === 0
      ? undefined
      : PolicyDocument._fromData([...accountAllows.values(), ...accountDenies]);
  return { resourceGroupDocument: document, accountLevelDocument, diagnostics, explanation };
}

/**
 * The catalog actions named by `excludeFromAccountLevel`, and an error (INVALID_EXCLUSION) for each
 * name that is not a catalog action without resource-group support.
 */
export function exclusions(
  names: readonly string[],
  catalog: CrCatalog,
): { excluded: Set<string>; errors: Diagnostic[] } {
  const excluded = new Set<string>();
  const errors: Diagnostic[] = [];
  names.forEach((name, i) => {
    const info = catalog.lookup(name);
    if (info !== undefined && !info.supportsResourceGroup) {
      excluded.add(info.name);
      return;
    }
    errors.push({
      code: DiagnosticCode.INVALID_EXCLUSION,
      severity: Severity.ERROR,
      location: `excludeFromAccountLevel[${i}]`,
      message:
        info === undefined
          ? 'the excluded action is not in the Container Registry catalog'
          : 'the excluded action supports resource groups, so it never lands at account level',
      value: quote(name),
      rule: 'only catalog actions without resource-group support can be excluded from the account-level policy',
      fix: 'name one of the actions listed by CrCatalog.bundled().resourceGroupUnsupportedActions, spelled as there',
    });
  });
  return { excluded, errors };
}

function unchecked(si: number, ai: number, pattern: string, service: PatternService): Diagnostic {
  return {
    code: DiagnosticCode.NON_CR_ACTION_UNCHECKED,
    severity: Severity.WARNING,
    location: `Statement[${si}].Action[${ai}]`,
    message:
      service === PatternService.ANY
        ? 'the pattern may match actions of other services, whose resource-group support is not checked'
        : 'an action of another service; its resource-group support is not checked',
    value: quote(pattern),
    rule: 'only Container Registry (cr:) actions are split; other actions pass through at resource-group scope unchanged',
    fix: "check that service's resource-group support, or grant it at account scope in a separate grant",
  };
}

function placementDiagnostics(
  si: number,
  placed: { [p in Placement]: string[] },
  catalog: CrCatalog,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const location = `Statement[${si}]`;
  const moved = placed[Placement.ACCOUNT_LEVEL];
  if (moved.length > 0) {
    out.push({
      code: DiagnosticCode.RG_UNSUPPORTED_ACTION,
      severity: Severity.INFO,
      location,
      message: `${moved.length} granted actions do not support resource-group authorization and are granted at account level`,
      value: listed(moved),
      rule: 'a resource-group attachment has no effect for these actions',
      fix: 'nothing to do; exclude any you do not want with excludeFromAccountLevel',
    });
  }
  const writes = accountLevelWriteDiagnostic(location, moved, catalog);
  if (writes !== undefined) out.push(writes);
  const dropped = [...placed[Placement.EXCLUDED], ...placed[Placement.DENIED]];
  if (dropped.length > 0) {
    out.push({
      code: DiagnosticCode.EXCLUDED_FROM_ACCOUNT_LEVEL,
      severity: Severity.INFO,
      location,
      message: `${dropped.length} actions without resource-group support are not granted (excluded or denied)`,
      value: listed(dropped.sort()),
      rule: 'excluded actions and actions denied everywhere in the same document are left out of the account-level policy',
      fix: 'nothing to do, unless the principal needs them',
    });
  }
  return out;
}
