/**
 * The line of each resource's key in a Terraform JSON configuration (`cdk.tf.json`), for messages and
 * SARIF regions. One pass over the text that tracks only the keys of the open objects; values are not
 * built, so it costs little next to JSON.parse on a 50,000-resource stack.
 */

/** Lines by `<block>\0<type>\0<name>` (block: `resource` or `data`), 1-based. */
export type KeyLines = Map<string, number>;

export function lineKey(block: string, type: string, name: string): string {
  return `${block}\0${type}\0${name}`;
}

const QUOTE = 34;
const BACKSLASH = 92;
const NEWLINE = 10;
const COLON = 58;
const COMMA = 44;
const OPEN_OBJECT = 123;
const OPEN_ARRAY = 91;
const CLOSE_OBJECT = 125;
const CLOSE_ARRAY = 93;

export function resourceKeyLines(text: string): KeyLines {
  const lines: KeyLines = new Map();
  // The key under which each open object or array sits (undefined for the root and array items).
  const path: (string | undefined)[] = [];
  let line = 1;
  let lastString: string | undefined;
  let lastStringLine = 0;
  let pendingKey: string | undefined;
  let pendingKeyLine = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) line++;
    else if (c === QUOTE) {
      let j = i + 1;
      let escaped = false;
      for (;;) {
        const d = text.charCodeAt(j);
        if (Number.isNaN(d)) break;
        if (d === BACKSLASH) {
          escaped = true;
          j += 2;
        } else if (d === QUOTE) break;
        else j++;
      }
      const raw = text.slice(i + 1, j);
      lastString = escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
      lastStringLine = line;
      i = j;
    } else if (c === COLON) {
      pendingKey = lastString;
      pendingKeyLine = lastStringLine;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      path.push(pendingKey);
      // root, "resource"|"data", type, name: the object of one resource.
      if (c === OPEN_OBJECT && path.length === 4 && (path[1] === 'resource' || path[1] === 'data')) {
        lines.set(lineKey(path[1], path[2]!, path[3]!), pendingKeyLine);
      }
      pendingKey = undefined;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      path.pop();
    } else if (c === COMMA) {
      pendingKey = undefined;
    }
  }
  return lines;
}
