/**
 * CrAccessReport: what a stack's Container Registry grants do — per grant the principal, preset,
 * scope and policies, and the actions moved to account level — from the grants' plans (src/model).
 */
import type { IConstruct } from 'constructs';
import { formatGrantReport, type GrantReport } from '../model';
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

  private constructor() {}
}
