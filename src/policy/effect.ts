/** Whether a statement grants or forbids what it names. */
export enum Effect {
  ALLOW = 'Allow',
  DENY = 'Deny',
}
