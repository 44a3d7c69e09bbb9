import {
  AccessLevel,
  CrAccess,
  CrCatalog,
  checkActions,
  DEVELOPER_BUILD_ACTIONS,
  DEVELOPER_PUSH_ACTIONS,
  DEVELOPER_REPOSITORY_ACTIONS,
  DEVELOPER_TAG_ACTIONS,
  DiagnosticCode,
  splitForResourceGroupScope,
} from '../../src';

const catalog = CrCatalog.bundled();
const explicit = [
  ...DEVELOPER_PUSH_ACTIONS,
  ...DEVELOPER_REPOSITORY_ACTIONS,
  ...DEVELOPER_TAG_ACTIONS,
  ...DEVELOPER_BUILD_ACTIONS,
];

describe('the developer preset', () => {
  test('names only catalog actions', () => {
    expect(checkActions(CrAccess.developer().document)).toEqual([]);
    expect(explicit.filter((a) => catalog.lookup(a) === undefined)).toEqual([]);
  });

  test('grants no write action that resource groups ignore, so no write reaches beyond the groups', () => {
    const split = splitForResourceGroupScope(CrAccess.developer().document);
    expect(split.diagnostics.map((d) => d.code)).not.toContain(DiagnosticCode.ACCOUNT_LEVEL_WRITE_ACTION);
    const accountLevel = split.accountLevelDocument!.statements.flatMap((s) => s.actions);
    expect(accountLevel.filter((a) => catalog.lookup(a)!.accessLevel === AccessLevel.WRITE)).toEqual([]);
  });

  test('creates, deletes or reconfigures no instance', () => {
    expect(explicit.filter((a) => /Instance|ResourceGroup|Endpoint|Vpc/.test(a))).toEqual([]);
  });

  test('includes the read-only access and the push action', () => {
    const actions = CrAccess.developer().document.statements.flatMap((s) => s.actions);
    for (const a of [
      ...CrAccess.readOnly().document.statements.flatMap((s) => s.actions),
      'cr:PushRepository',
    ]) {
      expect(actions).toContain(a);
    }
  });
});
