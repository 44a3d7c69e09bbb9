/**
 * The engine's operations as static methods, for users of jsii languages (Python, Java, Go, C#), which
 * see classes but not free functions. TypeScript users can call either form.
 */
import { type ActionCheckOptions, checkActions } from './action-check';
import { type Diagnostic, formatDiagnostic } from './diagnostic';
import type { PolicyDocument } from './document';
import { type SizeSplit, type SizeSplitOptions, splitBySize, splitBySizeWithDiagnostics } from './size-split';
import { type ResourceGroupSplit, type ResourceGroupSplitOptions, splitForResourceGroupScope } from './split';

/** The policy engine's operations. */
export class PolicyEngine {
  /** Splits a document meant for resource-group scope (see ResourceGroupSplit). Throws on errors. */
  public static splitForResourceGroupScope(
    document: PolicyDocument,
    options?: ResourceGroupSplitOptions,
  ): ResourceGroupSplit {
    return splitForResourceGroupScope(document, options);
  }

  /** The document itself when it fits RAM's size limit, otherwise documents that each fit. */
  public static splitBySize(document: PolicyDocument, options?: SizeSplitOptions): PolicyDocument[] {
    return splitBySize(document, options);
  }

  /** splitBySize, with an information diagnostic (POLICY_SPLIT_BY_SIZE) when there is more than one document. */
  public static splitBySizeWithDiagnostics(document: PolicyDocument, options?: SizeSplitOptions): SizeSplit {
    return splitBySizeWithDiagnostics(document, options);
  }

  /** Catalog check of every cr: action of a document: errors and warnings, not thrown. */
  public static checkActions(document: PolicyDocument, options?: ActionCheckOptions): Diagnostic[] {
    return checkActions(document, options);
  }

  /** A diagnostic in the library's message format, optionally prefixed with a context such as a construct path. */
  public static formatDiagnostic(diagnostic: Diagnostic, context?: string): string {
    return formatDiagnostic(diagnostic, context);
  }

  private constructor() {}
}
