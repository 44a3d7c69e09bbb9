/**
 * The fix of a grant gap, as the stack check in fix mode attaches it: the finding's account-level
 * document, in size-split parts, and what it means, in the engine's own diagnostics, exactly as a
 * CrAccessGrant would report the same account-level policy: write-level actions granted account-wide
 * are a warning (ACCOUNT_LEVEL_WRITE_ACTION), more than one part is information (POLICY_SPLIT_BY_SIZE).
 */
import {
  accountLevelWriteDiagnostic,
  CrCatalog,
  type Diagnostic,
  PolicyDocument,
  splitBySizeWithDiagnostics,
} from '../policy';
import type { CheckFinding } from './finding';

/** What a fix attaches at account scope. */
export interface GapFix {
  /** The policy documents, each within RAM's size limit. */
  readonly documents: PolicyDocument[];
  /** The size-split part number of each document (size-split.ts). */
  readonly parts: number[];
  /** The catalog actions the fix grants (sorted). */
  readonly actions: string[];
  /** Warnings and information about the fix. */
  readonly diagnostics: Diagnostic[];
}

/** The fix of a CR_RG_GRANT_GAP finding (one with a fixDocument). */
export function planFix(finding: CheckFinding, catalog: CrCatalog = CrCatalog.bundled()): GapFix {
  const document = PolicyDocument.fromJson(finding.fixDocument!);
  const split = splitBySizeWithDiagnostics(document, {
    documentName: 'the account-level document of the fix',
  });
  const writes = accountLevelWriteDiagnostic('', finding.missingActions, catalog);
  return {
    documents: split.documents,
    parts: split.parts,
    actions: finding.missingActions,
    diagnostics: [...(writes === undefined ? [] : [writes]), ...split.diagnostics],
  };
}
