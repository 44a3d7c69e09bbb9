/**
 * Write-level actions granted at account level are named in one warning (ACCOUNT_LEVEL_WRITE_ACTION),
 * wherever they come from: a grant's resource-group split (split.ts) or a fix of the stack check
 * (src/model/fix.ts). Writes without resource-group support can only be granted account-wide, so
 * they reach every matching resource of the account: nothing that wide happens silently.
 */
import { AccessLevel, type CrCatalog } from './catalog/catalog';
import { type Diagnostic, DiagnosticCode, Severity } from './diagnostic';
import { listed } from './listed';

/** The catalog's write-level actions among `actions` (in their order). */
export function writeLevelActions(actions: readonly string[], catalog: CrCatalog): string[] {
  return actions.filter((a) => catalog.lookup(a)?.accessLevel === AccessLevel.WRITE);
}

/** The warning for `actions` granted at account level, when any is write-level. */
export function accountLevelWriteDiagnostic(
  location: string,
  actions: readonly string[],
  catalog: CrCatalog,
): Diagnostic | undefined {
  const writes = writeLevelActions(actions, catalog);
  if (writes.length === 0) return undefined;
  return {
    code: DiagnosticCode.ACCOUNT_LEVEL_WRITE_ACTION,
    severity: Severity.WARNING,
    location,
    message: `${writes.length} write-level actions are granted at account level, on every matching resource of the account`,
    value: listed(writes),
    rule: 'write actions without resource-group support can only be granted account-wide',
    fix: 'accept it, or leave them out with excludeFromAccountLevel or excludeWriteActionsFromAccountLevel',
  };
}
