/**
 * How an Action pattern relates to Container Registry: a pattern whose service part is `cr` is checked
 * against the catalog (a typo is an error, a wildcard must match something); a pattern whose service
 * part is a wildcard (`*`, `c*:Get*`) may match `cr` actions and other services alike; any other
 * pattern belongs to another service and is not checked.
 */
import { actionKey, hasWildcard } from './wildcard';

export enum PatternService {
  /** `cr:…`: checked against the catalog. */
  CR = 'cr',
  /** The service part has a wildcard: may match `cr` and other services. */
  ANY = 'any',
  /** Another service. */
  OTHER = 'other',
}

export function patternService(pattern: string): PatternService {
  const colon = pattern.indexOf(':');
  const service = colon < 0 ? pattern : pattern.slice(0, colon);
  if (actionKey(service) === actionKey('cr')) return PatternService.CR;
  return hasWildcard(service) ? PatternService.ANY : PatternService.OTHER;
}
