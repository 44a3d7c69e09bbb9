import { type Diagnostic, throwIfErrors } from './diagnostic';
import { POLICY_VERSION, parseDocumentData, type StatementData } from './parse';
import { canonicalStatements, documentJson, renderDocument } from './render';
import { PolicyStatement } from './statement';

/**
 * A RAM permission policy document (policy language version "1"). Immutable and canonical: its
 * statements are kept in a fixed order with duplicates removed, so `render()` gives the same bytes
 * for the same grant however it was written, and `PolicyDocument.fromJson(d.render())` equals `d`.
 */
export class PolicyDocument {
  /** A document of the given statements (at least one). */
  public static of(statements: PolicyStatement[]): PolicyDocument {
    if (statements.length === 0) {
      // Same rule and message as a parsed document with an empty Statement list.
      return PolicyDocument.fromObject({ Version: POLICY_VERSION, Statement: [] });
    }
    return PolicyDocument._fromData(statements.map((s) => s._data));
  }

  /** Parses a policy document from its JSON text. Throws a PolicyError naming every broken rule. */
  public static fromJson(text: string): PolicyDocument {
    return PolicyDocument.parse(text);
  }

  /** Parses a policy document from a JSON object. Throws a PolicyError naming every broken rule. */
  public static fromObject(value: any): PolicyDocument {
    return PolicyDocument.parse(value);
  }

  /** @internal */
  public static _fromData(statements: readonly StatementData[]): PolicyDocument {
    return new PolicyDocument(canonicalStatements(statements));
  }

  private static parse(input: unknown): PolicyDocument {
    const sink: Diagnostic[] = [];
    const statements = parseDocumentData(input, sink);
    throwIfErrors(sink);
    return PolicyDocument._fromData(statements);
  }

  /** The policy language version (always "1"). */
  public readonly version: string = POLICY_VERSION;

  /** @internal canonical statements */
  public readonly _statements: readonly StatementData[];

  private renderedText?: string;

  private constructor(statements: StatementData[]) {
    this._statements = statements;
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
