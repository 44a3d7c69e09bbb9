import { type Diagnostic, PolicyError, Severity } from './diagnostic';
import { Effect } from './effect';
import { parseStatementData, type StatementData } from './parse';
import { statementJson } from './render';

/** The elements of one statement of a permission policy. */
export interface PolicyStatementProps {
  /**
   * Whether the statement grants or forbids.
   * @default Effect.ALLOW
   */
  readonly effect?: Effect;
  /**
   * Actions the statement covers, `service:Name` with `*`/`?` wildcards. Give this or `notActions`.
   * @default - none; `notActions` must be given
   */
  readonly actions?: string[];
  /**
   * Actions the statement does not cover (it covers every other action).
   * @default - none; `actions` must be given
   */
  readonly notActions?: string[];
  /**
   * Resources the statement covers.
   * @default ['*'] when `notResources` is not given either
   */
  readonly resources?: string[];
  /**
   * Resources the statement does not cover.
   * @default - none
   */
  readonly notResources?: string[];
  /**
   * Condition operator → condition key → values, e.g. `{ IpAddress: { 'acs:SourceIp': ['192.0.2.0/24'] } }`.
   * @default - no condition
   */
  readonly conditions?: { [operator: string]: { [key: string]: string[] } };
}

/**
 * One statement of a RAM permission policy. Immutable; lists are kept sorted and de-duplicated, so
 * two statements that grant the same thing are equal however they were written.
 *
 * A statement that breaks a rule is still constructed: it keeps its errors (`errors`) and throws them
 * as a PolicyError when it is used, so a construct that receives it reports them with its own path.
 * Locations are relative to the statement (`Action[0]`); in a document they read `Statement[1].Action[0]`.
 */
export class PolicyStatement {
  /** Allows `actions` on `resources` (default `*`). */
  public static allow(actions: string[], resources?: string[]): PolicyStatement {
    return new PolicyStatement({ effect: Effect.ALLOW, actions, resources });
  }

  /** Denies `actions` on `resources` (default `*`). */
  public static deny(actions: string[], resources?: string[]): PolicyStatement {
    return new PolicyStatement({ effect: Effect.DENY, actions, resources });
  }

  /** @internal wraps already validated data */
  public static _fromData(data: StatementData): PolicyStatement {
    const statement = Object.create(PolicyStatement.prototype) as {
      valid?: StatementData;
      invalid: Diagnostic[];
    };
    statement.valid = data;
    statement.invalid = [];
    return statement as unknown as PolicyStatement;
  }

  private readonly valid?: StatementData;
  private readonly invalid: Diagnostic[];

  /** Checks every rule; a broken one is thrown when the statement is used (see the class comment). */
  public constructor(props: PolicyStatementProps) {
    const raw: Record<string, unknown> = { Effect: props.effect ?? Effect.ALLOW };
    if (props.actions !== undefined) raw.Action = props.actions;
    if (props.notActions !== undefined) raw.NotAction = props.notActions;
    if (props.resources !== undefined) raw.Resource = props.resources;
    if (props.notResources !== undefined) raw.NotResource = props.notResources;
    if (props.resources === undefined && props.notResources === undefined) raw.Resource = ['*'];
    if (props.conditions !== undefined) raw.Condition = props.conditions;
    const sink: Diagnostic[] = [];
    this.valid = parseStatementData(raw, '', sink);
    this.invalid = sink.filter((d) => d.severity === Severity.ERROR);
  }

  /** The rules this statement breaks, with locations inside it (empty when it is valid). */
  public get errors(): Diagnostic[] {
    return [...this.invalid];
  }

  /** @internal the validated statement; throws the statement's errors when it has any */
  public get _data(): StatementData {
    if (this.invalid.length > 0 || this.valid === undefined) throw new PolicyError(this.invalid);
    return this.valid;
  }

  public get effect(): Effect {
    return this._data.effect;
  }

  /** The Action list (sorted); empty when the statement uses NotAction. */
  public get actions(): string[] {
    return this._data.notAction ? [] : [...this._data.actions];
  }

  /** The NotAction list (sorted); empty when the statement uses Action. */
  public get notActions(): string[] {
    return this._data.notAction ? [...this._data.actions] : [];
  }

  /** The Resource list (sorted); empty when the statement uses NotResource. */
  public get resources(): string[] {
    return this._data.notResource ? [] : [...this._data.resources];
  }

  /** The NotResource list (sorted); empty when the statement uses Resource. */
  public get notResources(): string[] {
    return this._data.notResource ? [...this._data.resources] : [];
  }

  /** The Condition element; empty when there is none. */
  public get conditions(): { [operator: string]: { [key: string]: string[] } } {
    return JSON.parse(JSON.stringify(this._data.conditions));
  }

  /** The statement as a JSON object in canonical key order. */
  public toJson(): { [key: string]: unknown } {
    return statementJson(this._data);
  }
}
