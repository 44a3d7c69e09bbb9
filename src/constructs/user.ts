/** Creating the RAM user of a preset construct, with RAM's naming rules checked at once. */
import type { Construct } from 'constructs';
import { Token } from '../core-lib';
import { ramUser } from '../generated/alicloud';
import { DISPLAY_NAME_RULE, DiagnosticCode, nameViolations, USER_NAME_RULE } from '../policy';
import { throwViolations, type Violation } from './errors';
import { CrAccessLedger } from './ledger';

/** The RAM user a preset construct creates. */
export interface CrUserOptions {
  /** The RAM user name. */
  readonly userName: string;
  /**
   * The user's display name.
   * @default - RAM shows the user name
   */
  readonly displayName?: string;
  /**
   * A note on the user.
   * @default - none
   */
  readonly comments?: string;
}

export function userViolations(options: CrUserOptions): Violation[] {
  const out: Violation[] = [];
  const check = (value: string | undefined, rule: typeof USER_NAME_RULE, prop: string) => {
    if (value === undefined || Token.isUnresolved(value)) return;
    for (const problem of nameViolations(value, rule)) {
      out.push({
        code: DiagnosticCode.INVALID_NAME,
        message: `invalid ${prop}`,
        value,
        rule: problem,
        fix: `change it (${rule.source})`,
      });
    }
  };
  check(options.userName, USER_NAME_RULE, 'userName');
  check(options.displayName, DISPLAY_NAME_RULE, 'displayName');
  return out;
}

/**
 * Creates the user after checking its names; throws with the construct path if they break a rule. The
 * ledger reports, at synth, another user of the same name in the stack.
 */
export function createUser(scope: Construct, id: string, options: CrUserOptions): ramUser.RamUser {
  throwViolations(scope, userViolations(options));
  CrAccessLedger.of(scope).recordCreator(scope);
  return new ramUser.RamUser(scope, id, {
    name: options.userName,
    displayName: options.displayName,
    comments: options.comments,
  });
}
