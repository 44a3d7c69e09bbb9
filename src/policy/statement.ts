import { type Diagnostic, PolicyError, throwIfErrors } from './diagnostic';
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
    const statement = Object.create(PolicyStatement.prototype) as { _data: StatementData };
    statement._data = data;
    return statement as unknown as PolicyStatement;
  }

  /** @internal */
  public readonly _data: StatementData;

  /** Throws a PolicyError naming every broken rule. */
  public constructor(props: PolicyStatementProps) {
    const raw: Record<string, unknown> = { Effect: props.effect ?? Effect.ALLOW };
    if (props.actions !== undefined) raw.Action = props.actions;
    if (props.notActions !== undefined) raw.NotAction = props.notActions;
    if (props.resources !== undefined) raw.Resource = props.resources;
    if (props.notResources !== undefined) raw.NotResource = props.notResources;
    if (props.resources === undefined && props.notResources === undefined) raw.Resource = ['*'];
    if (props.conditions !== undefined) raw.Condition = props.conditions;
    const sink: Diagnostic[] = [];
    const parsed = parseStatementData(raw, 'Statement', sink);
    throwIfErrors(sink);
    if (parsed === undefined) throw new PolicyError(sink);
    this._data = parsed;
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
