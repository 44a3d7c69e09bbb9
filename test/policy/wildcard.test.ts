import * as fc from 'fast-check';
import { actionMatches, resourceMatches } from '../../src/policy';
import { actionMatchesAsWritten, resourcePatternCovers } from '../../src/policy/wildcard';

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

/**
 * A reference: a RegExp like the one this matcher replaced (it backtracks, so short inputs only), made
 * to step over whole code points: `?` is one code point, a lone surrogate never pairs with half of one.
 */
const CHARACTER =
  '(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]|[^\\uD800-\\uDFFF])';
function reference(pattern: string, text: string, caseSensitive: boolean): boolean {
  const body = Array.from(pattern, (ch) => {
    if (ch === '*') return `${CHARACTER}*`;
    if (ch === '?') return CHARACTER;
    if (/^[\uD800-\uDBFF]$/.test(ch)) return `${ch}(?![\\uDC00-\\uDFFF])`;
    if (/^[\uDC00-\uDFFF]$/.test(ch)) return `(?<![\\uD800-\\uDBFF])${ch}`;
    return ch.replace(/[\\^$.|*+?()[\]{}/-]/g, '\\$&');
  }).join('');
  return new RegExp(`^(?:${body})$`, caseSensitive ? '' : 'i').test(text);
}

/** `cr:` then `*?` repeated (one more `?` for an even length), then `*Z`: `length` characters (issue 18's family). */
function starQuestion(length: number): string {
  return `cr:${'*?'.repeat(Math.floor((length - 5) / 2))}${length % 2 === 0 ? '?' : ''}*Z`;
}

describe('wildcard matching without backtracking', () => {
  const alphabet = fc.constantFrom(
    'a',
    'A',
    'b',
    'B',
    '*',
    '?',
    ':',
    'é',
    'É',
    'ı',
    'I',
    '😀',
    '\uD83D',
    '\uDE00',
  );
  const shortString = (max: number) => fc.array(alphabet, { maxLength: max }).map((cs) => cs.join(''));

  test('property: the matcher agrees with the RegExp reference on random short patterns and texts, in both case modes', () => {
    fc.assert(
      fc.property(shortString(8), shortString(10), (pattern, text) => {
        expect(actionMatches(pattern, text)).toBe(reference(pattern, text, false));
        expect(actionMatchesAsWritten(pattern, text)).toBe(reference(pattern, text, true));
        expect(resourceMatches(pattern, text)).toBe(reference(pattern, text, true));
      }),
      { numRuns: 3000 },
    );
  });

  test.each([
    ['', '', true],
    ['', 'a', false],
    ['*', '', true],
    ['*', 'anything at all', true],
    ['**', '', true],
    ['**', 'ab', true],
    ['a**b', 'ab', true],
    ['ab?', 'ab', false],
    ['ab?', 'abc', true],
    ['?', '', false],
    ['*?', '', false],
    ['a*', 'a\nb', true],
  ])('pattern %j vs %j → %s', (pattern, text, expected) => {
    expect(resourceMatches(pattern, text)).toBe(expected);
  });

  test('? is one character: a character outside the BMP (a surrogate pair) is matched by one ?, not two', () => {
    expect(resourceMatches('x?y', 'x😀y')).toBe(true);
    expect(resourceMatches('x??y', 'x😀y')).toBe(false);
    expect(resourceMatches('x*?y', 'x😀y')).toBe(true);
    expect(resourceMatches('x?', 'x\uD83D')).toBe(true);
  });

  test.each([25, 200])('the cr:*?*?…*Z family at %d characters: right answers', (length) => {
    const pattern = starQuestion(length);
    expect(pattern).toHaveLength(length);
    const needed = [...pattern].filter((c) => c === '?').length; // characters between "cr:" and the Z
    expect(actionMatches(pattern, `cr:${'x'.repeat(needed)}Z`)).toBe(true);
    expect(actionMatches(pattern, `cr:${'x'.repeat(needed)}z`)).toBe(true);
    expect(actionMatches(pattern, `cr:${'x'.repeat(needed - 1)}Z`)).toBe(false);
    expect(actionMatches(pattern, `cr:${'x'.repeat(needed * 3)}`)).toBe(false);
    expect(actionMatches(pattern, 'cr:GetRepository')).toBe(false);
    expect(actionMatches(pattern, 'cr:GetRepositoryZ')).toBe(needed <= 'GetRepository'.length);
  });
});

describe('pattern covers pattern (the check: does a held Resource cover a needed one)', () => {
  /** Every name over {a, b} of up to `max` characters. */
  function names(max: number): string[] {
    let level = [''];
    const out = [''];
    for (let n = 0; n < max; n++) {
      level = level.flatMap((w) => [`${w}a`, `${w}b`]);
      out.push(...level);
    }
    return out;
  }
  const all = names(6);
  const pattern = fc.array(fc.constantFrom('a', 'b', '*', '?'), { maxLength: 5 }).map((cs) => cs.join(''));

  test('property: when A covers B, A matches every short name B matches (sound, never hides a gap)', () => {
    fc.assert(
      fc.property(pattern, pattern, (a, b) => {
        if (!resourcePatternCovers(a, b)) return;
        for (const name of all) if (resourceMatches(b, name)) expect(resourceMatches(a, name)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  test.each([
    ['acs:cr:*:*:*', 'acs:cr:*:*:repository/ns/*', true],
    ['acs:cr:*:*:repository/ns/*', 'acs:cr:*:*:repository/ns/*', true],
    ['acs:cr:*:*:repository/ns/?', 'acs:cr:*:*:repository/ns/*', false],
    ['acs:cr:*:*:repository/other/*', 'acs:cr:*:*:repository/ns/*', false],
    ['?*', '*?', true],
    ['a*', 'a?', true],
    ['a?', 'a*', false],
  ])('%s covers %s → %s', (a, b, expected) => {
    expect(resourcePatternCovers(a, b)).toBe(expected);
  });
});
