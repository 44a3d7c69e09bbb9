import { actionMatches, resourceMatches } from '../../src/policy';

describe('RAM wildcard semantics', () => {
  test.each([
    ['cr:*', 'cr:GetRepository', true],
    ['cr:Get*', 'cr:GetRepository', true],
    ['cr:Get*', 'cr:ListRepository', false],
    ['cr:Get?epository', 'cr:GetRepository', true],
    ['cr:Get?', 'cr:GetRepository', false],
    ['*', 'cr:GetRepository', true],
    ['c?:Pull*', 'cr:PullRepository', true],
    ['cr:get*', 'cr:GetRepository', true],
    ['CR:GETREPOSITORY', 'cr:GetRepository', true],
    ['cr:Get.Repository', 'cr:GetXRepository', false],
  ])('action pattern %s vs %s → %s', (pattern, action, expected) => {
    expect(actionMatches(pattern, action)).toBe(expected);
  });

  test('resource names are matched as written (case-sensitive)', () => {
    expect(
      resourceMatches('acs:cr:*:*:repository/cri-1/*', 'acs:cr:cn-hangzhou:123:repository/cri-1/app'),
    ).toBe(true);
    expect(
      resourceMatches('acs:cr:*:*:repository/CRI-1/*', 'acs:cr:cn-hangzhou:123:repository/cri-1/app'),
    ).toBe(false);
  });
});
