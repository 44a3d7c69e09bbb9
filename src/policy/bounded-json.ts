/**
 * JSON text of a user's value for a message, bounded: at most MAX_DEPTH levels and about MAX_CHARS
 * characters, the rest written as `…`. JSON.stringify recurses, so a Condition value nested a few
 * thousand levels deep (anything a pull request can write) would overflow the stack while the message
 * rejecting it is being built.
 */
const MAX_DEPTH = 8;
const MAX_CHARS = 1000;

function write(value: unknown, depth: number, out: string[], budget: { left: number }): void {
  if (budget.left <= 0) return;
  const push = (s: string) => {
    out.push(s);
    budget.left -= s.length;
  };
  if (value === null || typeof value !== 'object') {
    push(JSON.stringify(value) ?? String(value));
    return;
  }
  if (depth >= MAX_DEPTH) {
    push(Array.isArray(value) ? '[…]' : '{…}');
    return;
  }
  const entries: [string | undefined, unknown][] = Array.isArray(value)
    ? value.map((v) => [undefined, v])
    : Object.entries(value);
  push(Array.isArray(value) ? '[' : '{');
  entries.forEach(([key, v], i) => {
    if (budget.left <= 0) return;
    if (i > 0) push(',');
    if (key !== undefined) push(`${JSON.stringify(key)}:`);
    write(v, depth + 1, out, budget);
  });
  push(Array.isArray(value) ? ']' : '}');
}

/** `value` as JSON, cut to a readable size (exact when small and shallow). */
export function boundedJson(value: unknown): string {
  const out: string[] = [];
  write(value, 0, out, { left: MAX_CHARS });
  const text = out.join('');
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}…` : text;
}
