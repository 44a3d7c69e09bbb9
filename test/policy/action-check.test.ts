/**
 * The catalog check: unknown actions never block a valid document (they pass through at
 * resource-group scope with a warning), likely typos stay errors, strictActions restores the errors,
 * acceptUnknownActions silences the warning, and case differing from the documented spelling warns.
 */
import * as fc from 'fast-check';
import {
  checkActions,
  CrCatalog,
  type Diagnostic,
  DiagnosticCode,
  formatDiagnostic,
  Placement,
  PolicyDocument,
  PolicyStatement,
  Severity,
  splitForResourceGroupScope,
} from '../../src/policy';
import { editDistance, TYPO_DISTANCE } from '../../src/policy/suggest';
import alibabaExample from '../fixtures/docs/attach-custom-policy-example.json';

const catalog = CrCatalog.bundled();
const unsupported = new Set(catalog.resourceGroupUnsupportedActions);
const allow = (...actions: string[]) => PolicyDocument.of([PolicyStatement.allow(actions)]);
const codes = (diagnostics: { code: string }[]) => diagnostics.map((d) => d.code);
const bySeverity = (diagnostics: Diagnostic[], severity: Severity) =>
  diagnostics.filter((d) => d.severity === severity);

describe("Alibaba's example custom policy (Attach a custom policy to a RAM user)", () => {
  const document = PolicyDocument.fromObject(alibabaExample.document);

  test('splits at resource-group scope with warnings at most: cr:ListSignature* passes through', () => {
    const split = splitForResourceGroupScope(document);
    expect(bySeverity(split.diagnostics, Severity.ERROR)).toEqual([]);
    const passedThrough = split.diagnostics.filter(
      (d) => d.code === DiagnosticCode.UNKNOWN_CR_ACTION_PASSED_THROUGH,
    );
    const si = document.statements.findIndex((s) => s.actions.includes('cr:ListSignature*'));
    const ai = document.statements[si].actions.indexOf('cr:ListSignature*');
    expect(passedThrough.map((d) => [d.location, d.value])).toEqual([
      [`Statement[${si}].Action[${ai}]`, '"cr:ListSignature*"'],
    ]);
    expect(split.resourceGroupDocument.isSameAs(document)).toBe(true);
  });

  test('every statement still sends exactly its matched actions without resource-group support to account level', () => {
    const split = splitForResourceGroupScope(document);
    const expected = document.statements.map((s) =>
      [...new Set(s.actions.flatMap((p) => catalog.match(p)))].filter((a) => unsupported.has(a)).sort(),
    );
    const byResource = new Map(
      split.accountLevelDocument!.statements.map((s) => [JSON.stringify(s.resources), s.actions]),
    );
    document.statements.forEach((s, i) => {
      expect(byResource.get(JSON.stringify(s.resources)) ?? []).toEqual(expected[i]);
    });
  });

  test('strictActions makes the wildcard an error again', () => {
    expect(codes(bySeverity(checkActions(document, { strictActions: true }), Severity.ERROR))).toEqual([
      DiagnosticCode.NO_MATCHING_CR_ACTION,
    ]);
  });
});

describe('documented actions the catalog now holds', () => {
  // The issue's examples: the artifact-subscription and scan-rule APIs' authorization tables.
  test.each([
    'cr:CreateArtifactSubscriptionRule',
    'cr:ListArtifactSubscriptionRule',
    'cr:GetArtifactSubscriptionRule',
    'cr:CreateScanRule',
    'cr:ListScanRule',
    'cr:DeleteScanRule',
  ])('%s is a catalog action', (name) => {
    expect(catalog.lookup(name)?.name).toBe(name);
  });

  test('a document naming every catalog action splits with warnings at most, and exactly the 72 at account level', () => {
    const split = splitForResourceGroupScope(allow(...catalog.actionNames));
    expect(bySeverity(split.diagnostics, Severity.ERROR)).toEqual([]);
    expect(split.accountLevelDocument!.statements.flatMap((s) => s.actions)).toEqual([...unsupported].sort());
    for (const p of split.explanation) {
      expect([p.action, p.placement]).toEqual([
        p.action,
        unsupported.has(p.action) ? Placement.ACCOUNT_LEVEL : Placement.RESOURCE_GROUP,
      ]);
    }
  });
});

describe('unknown actions', () => {
  test('an unknown action that is no likely typo is a warning naming it, why it passes through, and how to silence it', () => {
    const [d] = checkActions(allow('cr:GetSomethingBrandNew'));
    expect(formatDiagnostic(d)).toBe(
      `[Statement[0].Action[0]] the action is not in the Container Registry catalog, so it passes through at resource-group scope (value: "cr:GetSomethingBrandNew"). Rule: only the actions that Alibaba's resource-group page lists as unsupported are moved to account level; an action the catalog does not know is not on that list, so by that page it works at resource-group scope, and it is attached there as written. Fix: check it against Alibaba's Container Registry authorization docs; if it is right, add "cr:GetSomethingBrandNew" to acceptUnknownActions to silence this warning (strictActions makes these errors)`,
    );
    expect(d.severity).toBe(Severity.WARNING);
  });

  test('it stays at resource-group scope: no account-level document', () => {
    const split = splitForResourceGroupScope(allow('cr:GetSomethingBrandNew'));
    expect(split.accountLevelDocument).toBeUndefined();
    expect(split.explanation).toEqual([]);
  });

  test('two edits from a catalog action is a warning that still suggests the action', () => {
    const [d] = checkActions(allow('cr:PulRepositry'));
    expect([d.code, d.severity]).toEqual([DiagnosticCode.UNKNOWN_CR_ACTION_PASSED_THROUGH, Severity.WARNING]);
    expect(d.message).toContain('Did you mean "cr:PullRepository"?');
  });

  test('cr:PulRepository is an error with a did-you-mean, with or without strictActions', () => {
    for (const strictActions of [false, true]) {
      const [d] = checkActions(allow('cr:PulRepository'), { strictActions });
      expect([d.code, d.severity]).toEqual([DiagnosticCode.UNKNOWN_CR_ACTION, Severity.ERROR]);
      expect(d.message).toBe('unknown Container Registry action. Did you mean "cr:PullRepository"?');
    }
  });

  test('strictActions turns unknown actions and wildcards back into errors', () => {
    const diagnostics = checkActions(allow('cr:GetSomethingBrandNew', 'cr:ListSignature*'), {
      strictActions: true,
    });
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([
      [DiagnosticCode.UNKNOWN_CR_ACTION, Severity.ERROR],
      [DiagnosticCode.NO_MATCHING_CR_ACTION, Severity.ERROR],
    ]);
  });

  test('acceptUnknownActions turns the warning into information, for names and wildcards, case ignored, also with strictActions', () => {
    for (const strictActions of [false, true]) {
      const diagnostics = checkActions(
        allow('cr:GetSomethingBrandNew', 'cr:ListSignature*', 'cr:PulRepository'),
        {
          acceptUnknownActions: ['cr:getsomethingbrandnew', 'cr:ListSignature*', 'cr:PulRepository'],
          strictActions,
        },
      );
      expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([
        [DiagnosticCode.UNKNOWN_CR_ACTION_ACCEPTED, Severity.INFO],
        [DiagnosticCode.UNKNOWN_CR_ACTION_ACCEPTED, Severity.INFO],
        [DiagnosticCode.UNKNOWN_CR_ACTION_ACCEPTED, Severity.INFO],
      ]);
    }
  });

  test('no two catalog actions are within the typo distance of each other (the premise of the typo rule)', () => {
    const names = catalog.actionNames.map((n) => n.toLowerCase());
    const close: string[] = [];
    names.forEach((a, i) => {
      for (const b of names.slice(i + 1))
        if (editDistance(a, b, TYPO_DISTANCE + 1) <= TYPO_DISTANCE) close.push(`${a}~${b}`);
    });
    expect(close).toEqual([]);
  });

  const edit = fc
    .record({
      action: fc.constantFrom(...catalog.actionNames),
      kind: fc.constantFrom('drop', 'swap', 'change', 'add'),
      at: fc.nat(),
      letter: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzQXZ'),
    })
    .map(({ action, kind, at, letter }) => {
      const name = action.slice(3);
      const i = at % name.length;
      const edited =
        kind === 'drop'
          ? name.slice(0, i) + name.slice(i + 1)
          : kind === 'swap' && i + 1 < name.length
            ? name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2)
            : kind === 'change'
              ? name.slice(0, i) + letter + name.slice(i + 1)
              : name.slice(0, i) + letter + name.slice(i);
      return `cr:${edited}`;
    })
    .filter((name) => catalog.lookup(name) === undefined && /^cr:[A-Za-z]/.test(name));

  test('property: a name one edit from a catalog action is an error suggesting a catalog action one edit away', () => {
    fc.assert(
      fc.property(edit, (name) => {
        const [d] = checkActions(allow(name));
        const suggested = /Did you mean "([^"]+)"/.exec(d.message)?.[1];
        return (
          d.code === DiagnosticCode.UNKNOWN_CR_ACTION &&
          suggested !== undefined &&
          catalog.lookup(suggested) !== undefined &&
          editDistance(name.toLowerCase(), suggested.toLowerCase()) === 1
        );
      }),
      { numRuns: 500 },
    );
  });

  test('property: a name two or more edits from every catalog action never blocks the document', () => {
    const unknownName = fc
      .stringMatching(/^[A-Z][a-z]{2,8}[A-Z][a-zA-Z]{2,14}$/)
      .map((n) => `cr:${n}`)
      .filter((n) =>
        catalog.actionNames.every((a) => editDistance(n.toLowerCase(), a.toLowerCase(), 2) >= 2),
      );
    fc.assert(
      fc.property(unknownName, (name) => {
        const split = splitForResourceGroupScope(allow(name));
        return (
          codes(split.diagnostics).join() === DiagnosticCode.UNKNOWN_CR_ACTION_PASSED_THROUGH &&
          split.accountLevelDocument === undefined
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('case', () => {
  test('an action written in another case than documented is a warning naming the documented spelling', () => {
    const [d] = checkActions(allow('cr:getrepository'));
    expect(formatDiagnostic(d)).toBe(
      `[Statement[0].Action[0]] the action's case differs from Alibaba's documented spelling (value: "cr:getrepository"). Rule: RAM ignores the case of Action values in most cases, not all ("Policy elements"); Alibaba recommends the spelling the service documents. Fix: write it as "cr:GetRepository"`,
    );
    expect([d.code, d.severity]).toEqual([DiagnosticCode.ACTION_CASE_MISMATCH, Severity.WARNING]);
  });

  test('a wildcard that matches only when case is ignored is a warning with the count', () => {
    const [d] = checkActions(allow('cr:getscan*'));
    const hits = catalog.match('cr:getscan*');
    expect(d.code).toBe(DiagnosticCode.ACTION_CASE_MISMATCH);
    expect(d.message).toBe(
      `the wildcard matches ${hits.length} of its ${hits.length} catalog actions only when case is ignored`,
    );
  });

  test('documented spellings, and wildcards in the documented case, give no warning', () => {
    expect(checkActions(allow('cr:GetRepository', 'cr:Get*', 'cr:*', 'cr:List*'))).toEqual([]);
  });

  test('matching stays case-insensitive: a lower-case action without resource-group support still lands at account level', () => {
    const split = splitForResourceGroupScope(allow('cr:getscanrule'));
    expect(split.accountLevelDocument!.statements.flatMap((s) => s.actions)).toEqual(['cr:GetScanRule']);
    expect(codes(split.diagnostics)).toContain(DiagnosticCode.ACTION_CASE_MISMATCH);
  });
});
