/**
 * Long lists in messages: a message counts them and names a few; the full list is given once
 * elsewhere (a grant's `explanation` and CrAccessReport, the check's `missingActions` and
 * `fixDocument`, the CLI's JSON and table). Every message that lists actions, names or paths goes
 * through `listed`, so a 72-action diagnostic stays one readable line:
 *   `72 actions, 35 of them write-level: cr:CreateInstanceEndpointAclPolicy, … (+64 more)`.
 */

/** How many items a message names before "(+N more)". */
export const LISTED_MAX = 8;

/** Items to name first, with the label that counts them (e.g. the write-level actions of a list). */
export interface ListedHighlight {
  /** The label of the count, e.g. `write-level`. */
  readonly label: string;
  /** Which items are highlighted. */
  readonly items: string[];
}

/**
 * `items` counted and named up to LISTED_MAX: highlighted items first, then the rest, each in the
 * given order. A list short enough is named in full, without a count.
 */
export function listed(items: readonly string[], noun = 'actions', highlight?: ListedHighlight): string {
  const marked = new Set(highlight?.items ?? []);
  const first = items.filter((i) => marked.has(i));
  const ordered = [...first, ...items.filter((i) => !marked.has(i))];
  const shown = ordered.slice(0, LISTED_MAX).join(', ');
  const more = ordered.length > LISTED_MAX ? `, … (+${ordered.length - LISTED_MAX} more)` : '';
  const which = highlight === undefined ? '' : `, ${first.length} of them ${highlight.label}`;
  if (ordered.length <= LISTED_MAX && highlight === undefined) return shown;
  return `${items.length} ${noun}${which}: ${shown}${more}`;
}
