/**
 * The resource each Container Registry action is authorized against, and whether a Resource pattern
 * can ever match it. RAM authorizes a request against the resource of the request (an instance, a
 * namespace, a repository, or `*` for an action without one), so an Allow statement none of whose
 * Resources can match that resource never grants the action, and RAM says nothing.
 *
 * Rules:
 *   1. Data: cr-resource-types.json gives the ARN of the request for the actions whose authorization
 *      pages show it (verified). For the other APIs of an action, the ARN is derived from the
 *      resource type names of cr-actions.json, without its depth (`deeper`: this ARN or one below):
 *      `instance` is `instance/$instanceid` or `repository/$instanceid` (the product-level page gives
 *      both for actions it types Instance); `repository`, `namespace` and the chart types are
 *      `repository/$instanceid/…` for an image API and `chart/$instanceid/…` for a Chart API; `*` is
 *      no resource. Any other type (`cr`, `scanrule`, `reposourcecoderepo`) or none shown: the
 *      action's resource is UNKNOWN, and nothing is decided for it. Never a guess.
 *   2. Matching (resourceMayMatch) answers "can some request resource of this form match?", and
 *      only says no when that is certain: a request ARN has exactly four colons and no `:` or `/`
 *      inside an ID or name, so a Resource with four literal colons lines up field by field; its
 *      resource field is then decided by its literal prefix (up to the first `*` or `?`), part by
 *      part. Anything else (fewer colons with a wildcard) may match; a `${…}` reference in a user's
 *      document may be anything, so it is read as `*`.
 *      Wildcards themselves are matched by wildcard.ts, the one matcher.
 *   3. Personal Edition has no instances: its repository ARNs are `repository/$namespace/$repository`
 *      ("Repository access control", https://www.alibabacloud.com/help/doc-detail/67992.htm, 2018-09-12),
 *      so a namespace or repository ARN also may match in that form.
 */
import * as actionsData from './catalog/cr-actions.json';
import * as typesData from './catalog/cr-resource-types.json';
import { actionKey, hasWildcard, resourceMatches } from './wildcard';

/** One resource a request for an action is authorized against. */
export interface RequestResource {
  /** The ARN of the request: `$name` is one ID or name; `*` alone is no resource. */
  readonly arn: string;
  /** True when the ARN goes on below this one to a depth the source does not give (rule 1). */
  readonly deeper: boolean;
  /** True when an authorization page showed this ARN; false when derived from a type name. */
  readonly verified: boolean;
  /** The page it comes from. */
  readonly sourceUrl: string;
}

/** Where the ARN formats of Container Registry resources are documented. */
export const ARN_FORMAT_SOURCE = typesData.sources[typesData.arnFormats.source].url;

const PREFIX = 'acs:cr:$regionid:$accountid:';
const INSTANCE = `${PREFIX}instance/$instanceid`;
const INSTANCE_REPOSITORY = `${PREFIX}repository/$instanceid`;
const CHART = `${PREFIX}chart/$instanceid`;
const REPOSITORY_TYPES = new Set(['repository', 'namespace', 'chartnamespace', 'chartrepository']);

interface ActionRow {
  readonly name: string;
  readonly apis?: string[];
  readonly arns: string[];
  readonly source: number;
}

function isChartApi(api: string): boolean {
  return api.includes('Chart');
}

/** Rule 1, for one API of an action without a verified row: undefined when unknown. */
function derived(api: string, types: string[] | null, sourceUrl: string): RequestResource[] | undefined {
  if (types === null || types.length === 0) return undefined;
  const out: RequestResource[] = [];
  const add = (arn: string, deeper: boolean) => out.push({ arn, deeper, verified: false, sourceUrl });
  for (const type of types) {
    if (type === '*') add('*', false);
    else if (isChartApi(api) && (REPOSITORY_TYPES.has(type) || type === 'instance')) add(CHART, true);
    else if (type === 'instance') {
      add(INSTANCE, false);
      add(INSTANCE_REPOSITORY, false);
    } else if (REPOSITORY_TYPES.has(type)) add(INSTANCE_REPOSITORY, true);
    else return undefined;
  }
  return out;
}

function buildTable(): Map<string, RequestResource[] | undefined> {
  const rows = new Map<string, ActionRow[]>();
  for (const row of typesData.actions as ActionRow[]) {
    const key = actionKey(row.name);
    rows.set(key, [...(rows.get(key) ?? []), row]);
  }
  const table = new Map<string, RequestResource[] | undefined>();
  for (const a of actionsData.actions) {
    const verified = rows.get(actionKey(a.name)) ?? [];
    const apis = a.apis.length > 0 ? a.apis : [a.name.slice('cr:'.length)];
    let resources: RequestResource[] | undefined = [];
    for (const api of apis) {
      const own = verified.filter((r) => r.apis === undefined || r.apis.includes(api));
      const forApi =
        own.length > 0
          ? own.flatMap((r) =>
              r.arns.map((arn) => ({
                arn,
                deeper: false,
                verified: true,
                sourceUrl: typesData.sources[r.source].url,
              })),
            )
          : derived(api, a.resourceTypes ?? null, actionsData.sources[a.source].url);
      if (forApi === undefined) {
        resources = undefined;
        break;
      }
      resources.push(...forApi);
    }
    table.set(actionKey(a.name), resources === undefined ? undefined : distinct(resources));
  }
  return table;
}

function distinct(resources: RequestResource[]): RequestResource[] {
  const seen = new Map<string, RequestResource>();
  for (const r of resources) {
    const key = `${r.arn}\n${r.deeper}`;
    if (!seen.has(key) || (r.verified && !seen.get(key)!.verified)) seen.set(key, r);
  }
  return [...seen.values()].sort((x, y) =>
    x.arn < y.arn ? -1 : x.arn > y.arn ? 1 : Number(x.deeper) - Number(y.deeper),
  );
}

let table: Map<string, RequestResource[] | undefined> | undefined;

/**
 * The resources a request for `action` (a catalog action) is authorized against; undefined when the
 * documentation read does not say (rule 1), or the action is not in the catalog.
 */
export function requestResources(action: string): readonly RequestResource[] | undefined {
  table ??= buildTable();
  return table.get(actionKey(action));
}

/** True for a request resource that is no resource (`*`) or the account's literal `…:*`. */
export function isAccountWide(resource: RequestResource): boolean {
  return resource.arn === '*' || resource.arn.split(':')[4] === '*';
}

/** How resourceMayMatch reads a pattern. */
export interface MayMatchOptions {
  /**
   * Also the Personal Edition form of namespace and repository ARNs (rule 3).
   * @default true
   */
  readonly personalEdition?: boolean;
  /**
   * A `${…}` reference stands for one ID or name (the resource placement's own ARNs); otherwise it
   * may stand for anything, `:` and `/` included, and is read as a `*`.
   * @default false
   */
  readonly referencesAreParts?: boolean;
}

const REFERENCE = /\$\{[^}]*\}/g;

/** Rule 2: whether Resource pattern `pattern` can match some request resource of the form `resource`. */
export function resourceMayMatch(
  pattern: string,
  resource: RequestResource,
  options: MayMatchOptions = {},
): boolean {
  const personalEdition = options.personalEdition ?? true;
  pattern = pattern.replace(REFERENCE, options.referencesAreParts === true ? 'ref' : '*');
  if (resource.arn === '*') return resourceMatches(pattern, '*');
  const colons = pattern.split(':').length - 1;
  if (colons > 4) return false;
  if (colons < 4) return hasWildcard(pattern);
  const [service, code, , , field] = pattern.split(':');
  if (!resourceMatches(service, 'acs') || !resourceMatches(code, 'cr')) return false;
  const wanted = resource.arn.split(':')[4];
  if (wanted === '*') return resourceMatches(field, '*');
  const parts = wanted.split('/');
  const personal =
    personalEdition && parts[0] === 'repository' && parts[1] === '$instanceid' && parts.length > 2;
  return (
    fieldMayMatch(field, parts, resource.deeper) ||
    (personal && fieldMayMatch(field, [parts[0], ...parts.slice(2)], resource.deeper))
  );
}

/** The resource field, decided by its literal prefix, part by part (rule 2). */
function fieldMayMatch(field: string, wanted: string[], deeper: boolean): boolean {
  const firstWildcard = field.search(/[*?]/);
  const wild = firstWildcard >= 0;
  const parts = (wild ? field.slice(0, firstWildcard) : field).split('/');
  const complete = wild ? parts.slice(0, -1) : parts;
  if (complete.length > wanted.length && !deeper) return false;
  if (!wild && complete.length < wanted.length) return false;
  for (let i = 0; i < complete.length; i++) {
    if (complete[i] === '') return false; // no ID or name is empty
    const w = wanted[i];
    if (w !== undefined && !w.startsWith('$') && complete[i] !== w) return false;
  }
  const partial = wild ? parts[parts.length - 1] : undefined;
  const w = wanted[complete.length];
  return partial === undefined || w === undefined || w.startsWith('$') || w.startsWith(partial);
}

/**
 * The Resources that grant `resource`, written with the IDs and names `like` (a statement's Resource)
 * names where it names them literally, and `*` elsewhere (two when the depth is not known).
 */
export function neededResources(resource: RequestResource, like: string): string[] {
  if (resource.arn === '*') return ['*'];
  const fields = like.split(':');
  const aligned = fields.length === 5;
  const likeParts = aligned ? fields[4].split('/') : [];
  const literal = (s: string | undefined) => (s !== undefined && s !== '' && !hasWildcard(s) ? s : '*');
  const [, , region, account, field] = resource.arn.split(':');
  const pick = (value: string, own: string | undefined) => (value.startsWith('$') ? literal(own) : value);
  const parts = field.split('/').map((p, i) => (i === 0 ? p : pick(p, likeParts[i])));
  const arn = `acs:cr:${pick(region, aligned ? fields[2] : undefined)}:${pick(account, aligned ? fields[3] : undefined)}:${parts.join('/')}`;
  return resource.deeper ? [arn, `${arn}/*`] : [arn];
}
