import { AccessLevel, CrCatalog, SystemPolicy } from '../../src/policy';
import actionsData from '../../src/policy/catalog/cr-actions.json';
import resourceGroups from '../../src/policy/catalog/cr-resource-groups.json';
import fullExample from '../fixtures/seeds/002-full-account-level-example.json';
import readOnlyExample from '../fixtures/seeds/002-readonly-account-level-example.json';

const catalog = CrCatalog.bundled();

describe('the Container Registry catalog', () => {
  test('holds the 72 actions without resource-group support exactly as the seed lists them', () => {
    expect(resourceGroups.resourceGroupUnsupportedActions).toHaveLength(72);
    expect(catalog.resourceGroupUnsupportedActions).toEqual([...fullExample.Statement[0].Action].sort());
  });

  test('every action without resource-group support is a catalog action', () => {
    for (const name of resourceGroups.resourceGroupUnsupportedActions)
      expect(catalog.lookup(name)?.name).toBe(name);
  });

  test("access levels agree with the seed's read-only example for every action without resource-group support", () => {
    const readOnly = new Set(readOnlyExample.Statement[0].Action);
    for (const name of catalog.resourceGroupUnsupportedActions) {
      const level = catalog.lookup(name)!.accessLevel;
      expect([name, readOnly.has(name)]).toEqual([name, level !== AccessLevel.WRITE]);
    }
  });

  test('names are unique under the case rule and spelled service:Name', () => {
    const names = catalog.actionNames;
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^cr:[A-Z][A-Za-z]+$/);
  });

  test('lists the resource types that support resource groups', () => {
    expect(resourceGroups.resourceGroupResourceTypes).toEqual([
      'chartnamespace',
      'chartrepository',
      'instance',
      'namespace',
      'repository',
    ]);
  });

  test('records where its data came from', () => {
    expect(CrCatalog.sources.length).toBeGreaterThan(1);
    for (const s of CrCatalog.sources) expect(s.url).toMatch(/^https:\/\//);
  });

  test('every transcribed action names the source it was read from', () => {
    for (const a of actionsData.actions) {
      expect([a.name, actionsData.sources[a.source]?.url]).toEqual([
        a.name,
        expect.stringMatching(/^https:\/\//),
      ]);
    }
  });

  test('matches wildcards against catalog actions, sorted', () => {
    const hits = catalog.match('cr:GetScan*');
    expect(hits).toContain('cr:GetScanRule');
    expect(hits).toEqual(catalog.actionNames.filter((n) => n.startsWith('cr:GetScan')));
    expect(catalog.match('cr:getscan?ule')).toEqual(['cr:GetScanRule']);
    expect(catalog.match('cr:NoSuch*')).toEqual([]);
  });

  test('ships the two system policies as published', () => {
    expect(SystemPolicy.CONTAINER_REGISTRY_READ_ONLY_ACCESS.document.render()).toBe(
      '{"Version":"1","Statement":[{"Effect":"Allow","Action":["cr:Get*","cr:List*","cr:Pull*"],"Resource":["*"]}]}',
    );
    expect(SystemPolicy.CONTAINER_REGISTRY_FULL_ACCESS.document.render()).toBe(
      '{"Version":"1","Statement":[{"Effect":"Allow","Action":["cr:*"],"Resource":["*"]}]}',
    );
  });
});
