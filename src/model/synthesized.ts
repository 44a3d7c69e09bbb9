/**
 * Reading a synthesized cdktf stack (`cdk.tf.json`, or the same object from `stack.toTerraform()`):
 * `resource.<type>.<name>` and `data.<type>.<name>`, each with the construct path cdktf records in
 * `"//": {"metadata": {"path": ...}}`. Values are kept as written: cdktf writes references as `${...}`.
 * Given the file's text, each resource gets the line of its key (json-key-lines.ts follows the JSON
 * structure, whatever the formatting).
 */
import { lineKey, resourceKeyLines } from './json-key-lines';
import { EXCLUSIONS_COMMENT_PATH, ResourceMode, type TerraformResource } from './terraform';

type Blocks = { [type: string]: { [name: string]: { [attribute: string]: unknown } } };

/**
 * The resources of a synthesized stack. `text`, the file's own text, gives line numbers; `file` names
 * the file (or the stack) in every location.
 */
export function readSynthesized(config: unknown, file: string, text?: string): TerraformResource[] {
  const root = (config ?? {}) as { resource?: Blocks; data?: Blocks };
  const lines = text === undefined ? new Map<string, number>() : resourceKeyLines(text);
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
        const line = lines.get(lineKey(key, type, name));
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
