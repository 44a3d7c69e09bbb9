/**
 * The benchmark's platform: N principals and M resource groups. Principal i works in resource group
 * i mod M with preset i mod 4: read-only, developer, full access, or a custom pull/push document on
 * its group's instance. Built two ways:
 *   - `constructs`: this library's constructs;
 *   - `baseline`: the same users, policy documents and attachments written directly with the generated
 *     bindings, as a careful user would by hand: documents are written out beforehand (computed here
 *     before the clock starts), one policy per access and part (a preset's account-level part is its
 *     own policy even where another preset's has the same text, so either can change in place), no
 *     engine, no validation.
 */
import {
  CrAccess,
  CrAccessGrant,
  CrAccessScope,
  CrReadOnlyUser,
  PolicyDocument,
  PolicyStatement,
  RamPrincipal,
  ResourceGroupScopedCrDeveloper,
  splitBySize,
  splitForResourceGroupScope,
} from '../src';
import * as alicloud from '../src/generated/alicloud';
import { App, TerraformStack } from '../src/core-lib';

export const ACCOUNT_ID = '1234567890123456';
const PRESETS = ['read-only', 'developer', 'full', 'custom'] as const;

export interface Size {
  readonly n: number;
  readonly m: number;
}

const group = (i: number, m: number) => i % m;
const rgId = (g: number) => `rg-bench${g}`;
const preset = (i: number) => PRESETS[i % PRESETS.length];

function customDocument(g: number): PolicyDocument {
  return PolicyDocument.of([
    PolicyStatement.allow(
      ['cr:GetAuthorizationToken', 'cr:PullRepository', 'cr:PushRepository'],
      [`acs:cr:*:*:repository/cri-bench${g}/*`],
    ),
  ]);
}

function stackOf(outdir: string): { app: App; stack: TerraformStack } {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'bench');
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  return { app, stack };
}

export function buildWithConstructs(size: Size, outdir: string): App {
  const { app, stack } = stackOf(outdir);
  for (let i = 0; i < size.n; i++) {
    const ids = [rgId(group(i, size.m))];
    const userName = `user-${i}`;
    const common = { resourceGroupIds: ids, accountId: ACCOUNT_ID };
    switch (preset(i)) {
      case 'read-only':
        new CrReadOnlyUser(stack, `P${i}`, { userName, ...common });
        break;
      case 'developer':
        new ResourceGroupScopedCrDeveloper(stack, `P${i}`, { userName, ...common });
        break;
      default: {
        const user = new alicloud.ramUser.RamUser(stack, `U${i}`, { name: userName });
        new CrAccessGrant(stack, `P${i}`, {
          principal: RamPrincipal.user(user.name),
          access:
            preset(i) === 'full' ? CrAccess.fullAccess() : CrAccess.custom(customDocument(group(i, size.m))),
          scope: CrAccessScope.resourceGroups(ids),
          accountId: ACCOUNT_ID,
        });
      }
    }
  }
  return app;
}

interface HandWritten {
  readonly scopedSystem?: string;
  readonly scoped: string[];
  readonly account: string[];
}

/** The documents a careful user would have written out, per preset and group (not timed). */
export function handWrittenDocuments(size: Size): Map<string, HandWritten> {
  const out = new Map<string, HandWritten>();
  for (let g = 0; g < size.m; g++) {
    for (const p of PRESETS) {
      const access =
        p === 'read-only'
          ? CrAccess.readOnly()
          : p === 'developer'
            ? CrAccess.developer()
            : p === 'full'
              ? CrAccess.fullAccess()
              : CrAccess.custom(customDocument(g));
      const split = splitForResourceGroupScope(access.document);
      const account = split.accountLevelDocument === undefined ? [] : splitBySize(split.accountLevelDocument);
      out.set(`${p}:${g}`, {
        scopedSystem: access.systemPolicy?.policyName,
        scoped:
          access.systemPolicy === undefined
            ? splitBySize(split.resourceGroupDocument).map((d) => d.render())
            : [],
        account: account.map((d) => d.render()),
      });
    }
  }
  return out;
}

export function buildBaseline(size: Size, outdir: string, documents: Map<string, HandWritten>): App {
  const { app, stack } = stackOf(outdir);
  const policies = new Map<string, alicloud.ramPolicy.RamPolicy>();
  const policy = (purpose: string, text: string) => {
    const key = `${purpose}\n${text}`;
    let p = policies.get(key);
    if (p === undefined) {
      const name = `bench-policy-${policies.size}`;
      p = new alicloud.ramPolicy.RamPolicy(stack, name, {
        policyName: name,
        policyDocument: text,
        rotateStrategy: 'DeleteOldestNonDefaultVersionWhenLimitExceeded',
      });
      policies.set(key, p);
    }
    return p.policyName;
  };
  for (let i = 0; i < size.n; i++) {
    const g = group(i, size.m);
    const docs = documents.get(`${preset(i)}:${g}`)!;
    const user = new alicloud.ramUser.RamUser(stack, `U${i}`, { name: `user-${i}` });
    const scoped = [
      ...(docs.scopedSystem === undefined ? [] : [{ name: docs.scopedSystem, type: 'System' }]),
      ...docs.scoped.map((t) => ({ name: policy(`${preset(i)} rg`, t), type: 'Custom' })),
    ];
    scoped.forEach((s, k) => {
      new alicloud.resourceManagerPolicyAttachment.ResourceManagerPolicyAttachment(stack, `Rg${i}-${k}`, {
        policyName: s.name,
        policyType: s.type,
        principalName: `${user.name}@${ACCOUNT_ID}.onaliyun.com`,
        principalType: 'IMSUser',
        resourceGroupId: rgId(g),
        // The same replacement order as the library's attachments (no access gap on update).
        lifecycle: { createBeforeDestroy: true },
      });
    });
    docs.account.forEach((t, k) => {
      new alicloud.ramUserPolicyAttachment.RamUserPolicyAttachment(stack, `Acc${i}-${k}`, {
        userName: user.name,
        policyName: policy(`${preset(i)} account`, t),
        policyType: 'Custom',
        lifecycle: { createBeforeDestroy: true },
      });
    });
  }
  return app;
}

/** The smallest resource count that expresses the grants: principals + policies (one per access and part) + attachments. */
export function physicalMinimum(size: Size, documents: Map<string, HandWritten>): number {
  const distinct = new Set<string>();
  let attachments = 0;
  for (let i = 0; i < size.n; i++) {
    const docs = documents.get(`${preset(i)}:${group(i, size.m)}`)!;
    for (const t of docs.scoped) distinct.add(`${preset(i)} rg\n${t}`);
    for (const t of docs.account) distinct.add(`${preset(i)} account\n${t}`);
    attachments += (docs.scopedSystem === undefined ? 0 : 1) + docs.scoped.length + docs.account.length;
  }
  return size.n + distinct.size + attachments;
}
