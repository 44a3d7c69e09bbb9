import { type Diagnostic, PolicyError, Severity } from './diagnostic';
import { at, POLICY_VERSION, parseDocumentData, type StatementData } from './parse';
import { canonicalStatements, documentJson, renderDocument } from './render';
import { PolicyStatement } from './statement';

/**
 * A RAM permission policy document (policy language version "1"). Immutable and canonical: its
 * statements are kept in a fixed order with duplicates removed, so `render()` gives the same bytes
 * for the same grant however it was written, and `PolicyDocument.fromJson(d.render())` equals `d`.
 *
 * A document that breaks a rule (or holds a statement that does) is still constructed: it keeps its
 * errors (`errors`, located inside the document, e.g. `Statement[0].Effect`) and throws them as a
 * PolicyError when it is used. Given to a construct, they are reported with the construct's path;
 * used on its own (`render()`, `statements`, the engine functions), they read as located in the document.
 */
export class PolicyDocument {
  /** A document of the given statements (at least one). */
  public static of(statements: PolicyStatement[]): PolicyDocument {
    if (statements.length === 0) {
      // Same rule and message as a parsed document with an empty Statement list.
      return PolicyDocument.fromObject({ Version: POLICY_VERSION, Statement: [] });
    }
    const errors = statements.flatMap((s, i) =>
      s.errors.map((d) => ({ ...d, location: at(`Statement[${i}]`, d.location) })),
    );
    if (errors.length > 0) return new PolicyDocument([], errors);
    return PolicyDocument._fromData(statements.map((s) => s._data));
  }

  /** Parses a policy document from its JSON text; a broken rule is thrown when the document is used. */
  public static fromJson(text: string): PolicyDocument {
    return PolicyDocument.parse(text);
  }

  /** Parses a policy document from a JSON object; a broken rule is thrown when the document is used. */
  public static fromObject(value: any): PolicyDocument {
    return PolicyDocument.parse(value);
  }

  /** @internal a document that only carries `errors` (thrown, located, when it is used) */
  public static _invalid(errors: Diagnostic[]): PolicyDocument {
    return new PolicyDocument([], errors);
  }

  /** @internal */
  public static _fromData(statements: readonly StatementData[]): PolicyDocument {
    return new PolicyDocument(canonicalStatements(statements), []);
  }

  private static parse(input: unknown): PolicyDocument {
    const sink: Diagnostic[] = [];
    const statements = parseDocumentData(input, sink);
    const errors = sink.filter((d) => d.severity === Severity.ERROR);
    return errors.length > 0 ? new PolicyDocument([], errors) : PolicyDocument._fromData(statements);
  }

  /** The policy language version (always "1"). */
  public readonly version: string = POLICY_VERSION;

  private readonly valid: readonly StatementData[];
  private readonly invalid: Diagnostic[];
  private renderedText?: string;

  private constructor(statements: StatementData[], errors: Diagnostic[]) {
    this.valid = statements;
    this.invalid = errors;
  }

  /** The rules this document breaks, located inside it (empty when it is valid). */
  public get errors(): Diagnostic[] {
    return [...this.invalid];
  }

  /** @internal canonical statements; throws the document's errors when it has any */
  public get _statements(): readonly StatementData[] {
    if (this.invalid.length > 0) throw new PolicyError(this.invalid);
    return this.valid;
  }

  /** The statements, in canonical order. */
  public get statements(): PolicyStatement[] {
    return this._statements.map((s) => PolicyStatement._fromData(s));
  }

  /** The canonical minified JSON text, as written into `policy_document`. */
  public render(): string {
    this.renderedText ??= renderDocument(this._statements);
    return this.renderedText;
  }

  /** The document as a JSON object in canonical order. */
  public toJson(): { [key: string]: unknown } {
    return documentJson(this._statements);
  }

  /** True when both documents render to the same text (the same grant). */
  public isSameAs(other: PolicyDocument): boolean {
    return this.render() === other.render();
  }
}
