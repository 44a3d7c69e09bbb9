/**
 * The Container Registry action catalog: the `cr:` actions transcribed from Alibaba's documentation,
 * their access level, and whether they support resource-group authorization. Least privilege comes
 * from this data, never from guessing by prefix: a wildcard is expanded against the catalog wherever
 * actions must be listed.
 *
 * It is not known to be complete (the product-level RAM authorization page could not be read in full;
 * see REFRESH.md). What the split needs is complete: the resource-group page's list of the actions
 * WITHOUT resource-group support, all in the catalog (test/policy/catalog.test.ts). An action outside
 * the catalog is therefore, by that page, supported at resource-group scope, and action-check.ts lets
 * it pass through there with a warning.
 *
 * The data lives in the JSON files beside this one (see REFRESH.md for how to update them):
 *   cr-actions.json          per-API authorization tables and other pages: actions and access levels
 *   cr-resource-groups.json  resource types and actions without resource-group support
 *   cr-system-policies.json  the two system policies
 */
import { BoundedCache } from '../bounded-cache';
import { actionKey, actionMatches } from '../wildcard';
import * as actionsData from './cr-actions.json';
import * as resourceGroupData from './cr-resource-groups.json';

/** What a RAM action does, as Alibaba's authorization pages classify it. */
export enum AccessLevel {
  /** Reads one resource or setting ("get"/"read" on Alibaba's pages). */
  READ = 'read',
  /** Lists resources ("list"). */
  LIST = 'list',
  /** Creates, changes or deletes ("create", "update", "delete", "write"). */
  WRITE = 'write',
}

/** One catalog entry. */
export interface CrActionInfo {
  /** The action, e.g. `cr:GetRepository`, spelled as Alibaba spells it. */
  readonly name: string;
  /**
   * Its access level.
   * @default - not documented for this action
   */
  readonly accessLevel?: AccessLevel;
  /** False for the actions that resource-group scope ignores. */
  readonly supportsResourceGroup: boolean;
}

/** Where part of the catalog's data came from. */
export interface CatalogSource {
  readonly title: string;
  readonly url: string;
  /** The date the page showed as its last update, if it showed one. */
  readonly lastUpdated?: string;
}

/** Alibaba's access level words (lower-cased) → ours. */
const ACCESS_LEVELS: { [word: string]: AccessLevel } = {
  read: AccessLevel.READ,
  get: AccessLevel.READ,
  list: AccessLevel.LIST,
  write: AccessLevel.WRITE,
  create: AccessLevel.WRITE,
  update: AccessLevel.WRITE,
  delete: AccessLevel.WRITE,
};

/**
 * The shipped entries: every transcribed action of the authorization tables, plus the actions of the
 * resource group page (not every one has a per-API page). Where the authorization tables give no
 * access level for one of the latter, the resource group page's read-only example decides: listed
 * there means read, otherwise write.
 */
function shippedEntries(): CrActionInfo[] {
  const unsupported = new Set(resourceGroupData.resourceGroupUnsupportedActions.map(actionKey));
  const readOnly = new Set(resourceGroupData.resourceGroupUnsupportedReadOnlyActions.map(actionKey));
  const byKey = new Map<string, CrActionInfo>();
  for (const name of resourceGroupData.resourceGroupUnsupportedActions) {
    const accessLevel = readOnly.has(actionKey(name)) ? AccessLevel.READ : AccessLevel.WRITE;
    byKey.set(actionKey(name), { name, accessLevel, supportsResourceGroup: false });
  }
  for (const a of actionsData.actions) {
    const documented = a.accessLevel === null ? undefined : ACCESS_LEVELS[a.accessLevel.toLowerCase()];
    const key = actionKey(a.name);
    const accessLevel = documented ?? byKey.get(key)?.accessLevel;
    byKey.set(key, { name: a.name, accessLevel, supportsResourceGroup: !unsupported.has(key) });
  }
  return [...byKey.values()];
}

/** An immutable, indexed set of actions. */
export class CrCatalog {
  /** The catalog shipped with this library. */
  public static bundled(): CrCatalog {
    CrCatalog.shipped ??= CrCatalog.fromShippedData();
    return CrCatalog.shipped;
  }

  /** A catalog of the given entries (for tests, or to extend the shipped one). */
  public static fromActions(actions: CrActionInfo[]): CrCatalog {
    return new CrCatalog(actions);
  }

  private static shipped?: CrCatalog;

  private static fromShippedData(): CrCatalog {
    return new CrCatalog(shippedEntries());
  }

  /** Where the shipped data came from. */
  public static get sources(): CatalogSource[] {
    return [...actionsData.sources, resourceGroupData.source].map((s) => ({
      title: s.title,
      url: s.url,
      lastUpdated: s.lastUpdated ?? undefined,
    }));
  }

  private readonly byKey = new Map<string, CrActionInfo>();
  /** Bounded (bounded-cache.ts): the shipped catalog lives as long as the process. */
  private readonly matchCache = new BoundedCache<string, string[]>();

  private constructor(actions: CrActionInfo[]) {
    for (const a of [...actions].sort((x, y) => (x.name < y.name ? -1 : 1)))
      this.byKey.set(actionKey(a.name), a);
  }

  /** Every action name, sorted. */
  public get actionNames(): string[] {
    return [...this.byKey.values()].map((a) => a.name);
  }

  /** The entry for `name` (compared under RAM's case rule), if the catalog has it. */
  public lookup(name: string): CrActionInfo | undefined {
    return this.byKey.get(actionKey(name));
  }

  /** Catalog actions an Action pattern matches, sorted. */
  public match(pattern: string): string[] {
    return this.matchCache.get(pattern, () =>
      this.actionNames.filter((name) => actionMatches(pattern, name)),
    );
  }

  /** The actions resource-group scope ignores, sorted. */
  public get resourceGroupUnsupportedActions(): string[] {
    return [...this.byKey.values()].filter((a) => !a.supportsResourceGroup).map((a) => a.name);
  }
}
