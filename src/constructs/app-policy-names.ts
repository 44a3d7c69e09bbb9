/**
 * Policy names are unique across the stacks of an app: RAM policy names are account-wide (and
 * compared without regard to case, name-case.ts), and the stacks of one app usually deploy to one
 * account, so two stacks creating one name would fail at the second apply (EntityAlreadyExists). The
 * default prefixes of stacks `team-a` and `team_a` are both `cr-team-a` (naming.ts), for example.
 * Each stack's registry compares its names with those of the app's other stacks (the app's direct
 * children), so whichever stack is synthesized or validated reports it.
 */
import type { IConstruct } from 'constructs';
import { TerraformStack } from '../core-lib';
import { DiagnosticCode, formatDiagnostic, listed, Severity } from '../policy';
import { caseFold, caseRuleText, POLICY_NAME_CASE } from '../policy/name-case';

/**
 * The app-level errors of stack `own`, whose policies are `names`, as validation messages; `namesOf`
 * gives another stack's policy names.
 */
export function appPolicyNameErrors(
  own: IConstruct,
  names: string[],
  namesOf: (stack: IConstruct) => string[],
): string[] {
  const stacks = own.node.scope?.node.children.filter((c) => TerraformStack.isStack(c)) ?? [];
  const others = stacks.filter((s) => s !== own);
  if (others.length === 0) return [];
  const mine = new Map(names.map((n) => [caseFold(n), n]));
  const errors: string[] = [];
  for (const other of others) {
    const theirs = namesOf(other);
    const shared = theirs.filter((n) => mine.has(caseFold(n))).map((n) => mine.get(caseFold(n))!);
    if (shared.length === 0) continue;
    errors.push(
      formatDiagnostic({
        code: DiagnosticCode.DUPLICATE_POLICY_NAME,
        severity: Severity.ERROR,
        location: '',
        message: `stacks ${other.node.id} and ${own.node.id} of one app create ${shared.length} ${shared.length === 1 ? 'policy' : 'policies'} of the same name`,
        value: listed(shared.sort(), 'policies'),
        rule: `a RAM policy name is unique in an account, and ${caseRuleText(POLICY_NAME_CASE)}`,
        fix: `give the grants, teams and checks of one stack another policyNamePrefix (the default is cr-<stack name>, with characters RAM does not allow as hyphens)`,
      }),
    );
  }
  return errors;
}
