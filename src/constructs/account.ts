/**
 * The account part of resource-group principal names: a user-supplied account ID or alias, or else
 * the `id` of one alicloud_account data source per stack (never one per principal).
 */
import type { Construct } from 'constructs';
import { TerraformStack, Token } from '../core-lib';
import { dataAlicloudAccount } from '../generated/alicloud';
import { DiagnosticCode } from '../policy';
import type { Violation } from './errors';

/** How a grant names the account. */
export interface AccountOptions {
  /**
   * The Alibaba Cloud account ID (the default account alias).
   * @default - looked up with one alicloud_account data source per stack
   */
  readonly accountId?: string;
  /**
   * The account alias, for accounts whose default domain was changed from the account ID.
   * @default - the account ID
   */
  readonly accountAlias?: string;
}

const ACCOUNT_ID = /^\d{1,32}$/;
const ACCOUNT_ALIAS = /^[a-z0-9](?:[a-z0-9]|-(?!-)){1,30}[a-z0-9]$/;
const LOOKUP_ID = 'CrAccessAccount';

export function accountViolations(options: AccountOptions): Violation[] {
  const out: Violation[] = [];
  const { accountId, accountAlias } = options;
  if (accountId !== undefined && accountAlias !== undefined) {
    out.push({
      code: DiagnosticCode.CONFLICTING_PROPS,
      message: 'both accountId and accountAlias are given',
      value: { accountId, accountAlias },
      rule: 'the account is named once: by its ID, or by its alias when the default domain was changed',
      fix: 'remove one of them',
    });
  }
  // From JavaScript a number gets through; above 2^53 it has already lost digits (another account).
  if (accountId !== undefined && typeof accountId !== 'string') {
    out.push({
      code: DiagnosticCode.INVALID_ACCOUNT,
      message: `accountId is a ${typeof accountId}, not a string`,
      value: accountId,
      rule: `an account ID is a string of digits: as a JavaScript number, one above ${Number.MAX_SAFE_INTEGER} cannot keep every digit (1234567890123456789 becomes ${Number('1234567890123456789')}), so the grant would name another account`,
      fix: `quote the ID as a string: accountId: '1234567890123456'`,
    });
  } else if (accountId !== undefined && !Token.isUnresolved(accountId) && !ACCOUNT_ID.test(accountId)) {
    out.push({
      code: DiagnosticCode.INVALID_ACCOUNT,
      message: 'accountId is not an Alibaba Cloud account ID',
      value: accountId,
      rule: 'an account ID is a number such as 1234567890123456',
      fix: 'pass the numeric account ID, or accountAlias for an alias',
    });
  }
  if (accountAlias !== undefined && typeof accountAlias !== 'string') {
    out.push({
      code: DiagnosticCode.INVALID_ACCOUNT,
      message: `accountAlias is a ${typeof accountAlias}, not a string`,
      value: accountAlias,
      rule: 'an account alias is a string',
      fix: 'pass the alias shown by the RAM console (Settings > Advanced) as a string, or accountId',
    });
  } else if (
    accountAlias !== undefined &&
    !Token.isUnresolved(accountAlias) &&
    !ACCOUNT_ALIAS.test(accountAlias)
  ) {
    out.push({
      code: DiagnosticCode.INVALID_ACCOUNT,
      message: 'accountAlias is not a valid account alias',
      value: accountAlias,
      rule: 'an account alias has 3 to 32 lowercase letters, digits and single hyphens, not at either end',
      fix: 'pass the alias shown by the RAM console (Settings > Advanced), or accountId',
    });
  }
  return out;
}

/** The alias to write into principal names for `scope`'s stack. */
export function accountAlias(scope: Construct, options: AccountOptions): string {
  if (options.accountAlias !== undefined) return options.accountAlias;
  if (options.accountId !== undefined) return options.accountId;
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(LOOKUP_ID) as dataAlicloudAccount.DataAlicloudAccount | undefined;
  return (existing ?? new dataAlicloudAccount.DataAlicloudAccount(stack, LOOKUP_ID)).id;
}
