/**
 * Where the catalog's facts about one action come from, for `explain cr:<Action>`: the per-API
 * authorization table(s) that list it (its access level and APIs), and the resource-group page, which
 * decides its resource-group support (listed there = not supported).
 */
import { actionKey } from '../wildcard';
import type { CatalogSource } from './catalog';
import * as actionsData from './cr-actions.json';
import * as resourceGroupData from './cr-resource-groups.json';

export interface ActionSources {
  /** The tables that list the action, with the APIs that need it; empty when only the resource-group page does. */
  readonly authorizationTables: { readonly source: CatalogSource; readonly apis: string[] }[];
  /** The page that decides resource-group support. */
  readonly resourceGroupSupport: CatalogSource;
  /** True when the resource-group page lists the action among those resource groups ignore. */
  readonly listedAsUnsupported: boolean;
}

function source(s: { title: string; url: string; lastUpdated?: string | null }): CatalogSource {
  return { title: s.title, url: s.url, lastUpdated: s.lastUpdated ?? undefined };
}

/** The sources of catalog action `name` (compared under RAM's case rule). */
export function actionSources(name: string): ActionSources {
  const key = actionKey(name);
  const authorizationTables = actionsData.actions
    .filter((a) => actionKey(a.name) === key)
    .map((a) => ({ source: source(actionsData.sources[a.source]), apis: [...a.apis] }));
  return {
    authorizationTables,
    resourceGroupSupport: source(resourceGroupData.source),
    listedAsUnsupported: resourceGroupData.resourceGroupUnsupportedActions.some((a) => actionKey(a) === key),
  };
}
