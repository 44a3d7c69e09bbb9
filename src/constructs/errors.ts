/**
 * How constructs report: invalid props throw at once with every broken rule and the construct path;
 * engine warnings become annotations. One message format everywhere (see policy/diagnostic.ts).
 */
import type { IConstruct } from 'constructs';
import { AnnotationMetadataEntryType } from '../core-lib';
import { type Diagnostic, DiagnosticCode, formatDiagnostic, Severity } from '../policy';
import { PolicyError, quote } from '../policy/diagnostic';

/** A construct-level rule violation, before the construct path is known. */
export interface Violation {
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly value?: unknown;
  readonly rule: string;
  readonly fix: string;
}

export function toDiagnostic(v: Violation): Diagnostic {
  return {
    code: v.code,
    severity: Severity.ERROR,
    location: '',
    message: v.message,
    value: v.value === undefined ? undefined : quote(v.value),
    rule: v.rule,
    fix: v.fix,
  };
}

/**
 * Throws one error listing every violation and every error of a document the construct was given
 * (PolicyDocument.errors), each with the construct path; does nothing if there are none.
 */
export function throwViolations(
  scope: IConstruct,
  violations: Violation[],
  documentErrors: Diagnostic[] = [],
): void {
  if (violations.length === 0 && documentErrors.length === 0) return;
  throw new PolicyError([...violations.map(toDiagnostic), ...documentErrors]).withContext(scope.node.path);
}

/** Runs engine code; a PolicyError it throws is re-thrown with the construct path. */
export function withPath<T>(scope: IConstruct, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof PolicyError) throw e.withContext(scope.node.path);
    throw e;
  }
}

/** Information annotated like a warning, because nothing large may happen silently. */
const ANNOTATED_INFO: ReadonlySet<DiagnosticCode> = new Set([DiagnosticCode.POLICY_SPLIT_BY_SIZE]);

/**
 * Engine warnings become warning annotations of the construct (what `cdktf synth` prints, as
 * `WARN [<construct path>]: [<location>] …`: the path once, from cdktf). They are written without the
 * stack trace Annotations.addWarning records, which would only point into this library and costs more
 * than the rest of a grant. Information (such as which actions moved to account level) is not
 * annotated: every resource-group grant has some, and it is in the grant's `explanation`; except
 * ANNOTATED_INFO, which means more policies and attachments than the user wrote.
 */
export function annotate(scope: IConstruct, diagnostics: Diagnostic[]): void {
  for (const d of diagnostics.filter((x) => x.severity === Severity.WARNING || ANNOTATED_INFO.has(x.code))) {
    const type =
      d.severity === Severity.WARNING ? AnnotationMetadataEntryType.WARN : AnnotationMetadataEntryType.INFO;
    scope.node.addMetadata(type, formatDiagnostic(d), { stackTrace: false });
  }
}
