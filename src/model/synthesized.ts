/**
 * Reading a synthesized cdktf stack (`cdk.tf.json`, or the same object from `stack.toTerraform()`):
 * `resource.<type>.<name>` and `data.<type>.<name>`, each with the construct path cdktf records in
 * `"//": {"metadata": {"path": ...}}`. Values are kept as written: cdktf writes references as `${...}`.
 */
import { EXCLUSIONS_COMMENT_PATH, ResourceMode, type TerraformResource } from './terraform';

type Blocks = { [type: string]: { [name: string]: { [attribute: string]: unknown } } };

/**
 * The resources of a synthesized stack. `text`, the file's own text, gives line numbers; `file` names
 * the file (or the stack) in every location.
 */
export function readSynthesized(config: unknown, file: string, text?: string): TerraformResource[] {
  const root = (config ?? {}) as { resource?: Blocks; data?: Blocks };
  const lines = text === undefined ? new Map<string, number>() : blockLines(text);
  const out: TerraformResource[] = [];
  for (const [mode, key, blocks] of [
    [ResourceMode.MANAGED, 'resource', root.resource],
    [ResourceMode.DATA, 'data', root.data],
  ] as const) {
    for (const type of Object.keys(blocks ?? {}).sort()) {
      for (const [name, body] of Object.entries(blocks![type])) {
        const { '//': meta, ...attributes } = body ?? {};
        const comment = (meta ?? {}) as {
          metadata?: { path?: string };
          cr_access?: { [k: string]: unknown };
        };
        const excluded = comment.cr_access?.[EXCLUSIONS_COMMENT_PATH[2]];
        const line = lines.get(`${key}\n${type}\n${name}`);
        out.push({
          mode,
          resourceType: type,
          name,
          attributes,
          location: { file, line, constructPath: comment.metadata?.path },
          excludedFromAccountLevel: Array.isArray(excluded) ? excluded.map(String) : undefined,
        });
      }
    }
  }
  return out;
}

/**
 * Lines of `"<name>": {` at the third level of nesting under "resource" or "data", in one pass over
 * the text. cdktf writes cdk.tf.json indented by two spaces; a minified file gives no lines.
 */
function blockLines(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const path: string[] = [];
  let line = 0;
  for (const row of text.split('\n')) {
    line++;
    const m = /^( *)"((?:[^"\\]|\\.)*)": \{$/.exec(row);
    if (m === null) continue;
    const depth = m[1].length / 2;
    if (depth < 1 || depth > 3 || !Number.isInteger(depth)) continue;
    path.length = depth - 1;
    path.push(JSON.parse(`"${m[2]}"`));
    if (depth === 3 && (path[0] === 'resource' || path[0] === 'data')) out.set(path.join('\n'), line);
  }
  return out;
}
