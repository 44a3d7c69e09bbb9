/**
 * The one severity of a grant gap (CR_RG_GRANT_GAP), for the CLI's `check` and the stack check alike:
 * an error. A resource-group attachment whose Container Registry actions partly have no effect does
 * not do what it says, and nothing at deploy time shows it, so it stops the build the way any other
 * error of a grant does (`check` exits 1; CrAccessCheck's default mode fails `cdktf synth`). Users who
 * want to see gaps without failing pass `--fail-on` to the CLI or CrAccessCheckMode.WARN to the check.
 */
import { Severity } from '../policy';

export const GRANT_GAP_SEVERITY: Severity = Severity.ERROR;
