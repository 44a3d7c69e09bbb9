/**
 * Reading a synthesized cdktf stack (`cdk.tf.json`, or the same object from `stack.toTerraform()`):
 * `resource.<type>.<name>` and `data.<type>.<name>`, each with the construct path cdktf records in
 * `"//": {"metadata": {"path": ...}}`. Values are kept as written: cdktf writes references as `${...}`.
 */
import { ResourceMode, type TerraformResource } from './terraform';

type Blocks = { [type: string]: { [name: string]: { [attribute: string]: unknown } } };

/**
 * The resources of a synthesized stack. `text`, the file's own text, gives line numbers; `file` names
 * the file (or the stack) in every location.
 */
export function readSynthesized(config: unknown, file: string, text?: string): TerraformResource[] {
  const root = (config ?? {}) as { resource?: Blocks; data?: Blocks };
  const out: TerraformResource[] = [];
  const lines = text === undefined ? undefined : lineStarts(text);
  for (const [mode, blocks] of [
    [ResourceMode.MANAGED, root.resource],
    [ResourceMode.DATA, root.data],
  ] as const) {
    for (const type of Object.keys(blocks ?? {}).sort()) {
      const typeAt = text?.indexOf(`"${type}": {`) ?? -1;
      for (const [name, body] of Object.entries(blocks![type])) {
        const { '//': meta, ...attributes } = body ?? {};
        const constructPath = (meta as { metadata?: { path?: string } } | undefined)?.metadata?.path;
        const at = typeAt < 0 ? -1 : text!.indexOf(`${JSON.stringify(name)}: {`, typeAt);
        out.push({
          mode,
          type,
          name,
          attributes,
          location: {
            file,
            line: at < 0 || lines === undefined ? undefined : lineOf(lines, at),
            constructPath,
          },
        });
      }
    }
  }
  return out;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line of a character offset (binary search over line starts). */
function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
