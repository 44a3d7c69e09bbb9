/**
 * CrAccessReport: what a stack's Container Registry grants do — per grant the principal, preset,
 * scope and policies, and the actions moved to account level — from the grants' plans (src/model);
 * and every principal's effective access, from the stack's resources through the check's evaluator.
 */
import type { IConstruct } from 'constructs';
import { TerraformStack } from '../core-lib';
import { formatGrantReport, type GrantReport, readSynthesized } from '../model';
import { formatEffectiveAccess } from '../model/access-text';
import { EffectiveAccess } from '../model/effective-access';
import { CrAccessLedger } from './ledger';

/** Reports on the grants of a stack. */
export class CrAccessReport {
  /** The report of `scope`'s stack (call it after the grants are made, e.g. after synth). */
  public static of(scope: IConstruct): GrantReport {
    return CrAccessLedger.of(scope).report();
  }

  /** The same report as text: a line per stack, per grant, and per set of actions moved to account level. */
  public static text(scope: IConstruct): string {
    return formatGrantReport(CrAccessReport.of(scope));
  }

  /**
   * Every principal's effective Container Registry access in `scope`'s stack, read back from what the
   * stack synthesizes (the check's evaluator, so grants made any other way count too): one line per
   * principal and scope, `IMSUser alice @ account: allow (37) cr:...`, a resource group's line listing
   * what differs there from account scope. Stable text for snapshot tests: a change in it is a change
   * of access.
   */
  public static effectiveAccessText(scope: IConstruct): string {
    const stack = TerraformStack.of(scope);
    return formatEffectiveAccess(EffectiveAccess.of(readSynthesized(stack.toTerraform(), stack.node.id)));
  }

  private constructor() {}
}
