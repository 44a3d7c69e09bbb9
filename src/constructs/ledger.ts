/**
 * Checks that need every grant of a stack, run as validations at synth time. Each finding belongs to
 * one construct (the grant or user-creating construct it is about), whose validation reports it, so
 * `cdktf synth` prints the construct path once, before the message:
 *   - custom policies attached to one principal at account scope stay within
 *     CUSTOM_POLICIES_PER_PRINCIPAL_MAX, and system policies within SYSTEM_POLICIES_PER_PRINCIPAL_MAX
 *     (errors); attachments at every scope together are held to the same numbers with a warning, since
 *     the docs do not say whether resource-group attachments count (limits.ts);
 *   - one principal is not granted two different presets at the same scope (read-only and full
 *     access for the same user in the same resource group is a mistake, whichever was meant);
 *   - no two grants attach the same policy to the same principal at the same scope: both would manage
 *     one RAM attachment, and deleting either grant (or replacing its attachment) detaches it for both;
 *   - no two constructs create a RAM user, user group or role of the same name.
 * A principal given as a reference to a user, group or role of the stack is compared by that
 * resource's literal name when it has one, so `RamPrincipal.user('alice')` and `user.name` of a user
 * named alice are one principal.
 */
import { Construct, type IConstruct } from 'constructs';
import { AnnotationMetadataEntryType, type TerraformResource, TerraformStack, Token } from '../core-lib';
import { ramGroup, ramRole, ramUser } from '../generated/alicloud';
import {
  CUSTOM_POLICIES_PER_PRINCIPAL_MAX,
  type Diagnostic,
  DiagnosticCode,
  formatDiagnostic,
  listed,
  RAM_LIMITS_SOURCE,
  RESOURCE_GROUP_SCOPE_QUOTA_DOCUMENTED,
  Severity,
  SYSTEM_POLICIES_PER_PRINCIPAL_MAX,
} from '../policy';
import { quote } from '../policy/diagnostic';
import {
  attachmentCount,
  type GrantPlan,
  type GrantReport,
  type GrantSummary,
  reportDiagnostic,
  summarizeGrant,
} from '../model';
import { CrPreset } from './access';
import { CrPolicyRegistry } from './policy-registry';
import type { IRamPrincipal } from './principal';
import { tokenKey } from './token-key';

const LEDGER_ID = 'CrAccessLedger';
const ACCOUNT = 'account';

/** One policy attached by a grant. */
export interface LedgerAttachment {
  /** `account`, or a resource group by its key (token-key.ts). */
  readonly scope: string;
  readonly policyName: string;
  readonly policyType: 'System' | 'Custom';
}

interface GrantRecord {
  readonly grant: Construct;
  readonly plan: GrantPlan;
  /** Names of the policies the grant attaches, in plan order (resource-group policies, then account). */
  readonly policyNames: string[];
  readonly principal: IRamPrincipal;
  readonly preset: CrPreset;
  /** `account`, or resource groups by their keys (token-key.ts). */
  readonly scopes: string[];
  readonly attachments: LedgerAttachment[];
}

interface Finding {
  readonly owner: IConstruct;
  readonly diagnostic: Diagnostic;
}

/**
 * The RAM identities a stack can create: for each, the name attributes and their inputs. References
 * are written as the expressions tokens of them resolve to (token-key.ts), without making tokens,
 * which costs a stack trace each.
 */
const NAMED_KINDS = [
  { kind: 'RAM user', type: ramUser.RamUser, names: (r: any) => [['name', r.nameInput]] },
  {
    kind: 'RAM user group',
    type: ramGroup.RamGroup,
    names: (r: any) => [
      ['group_name', r.groupNameInput],
      ['name', r.nameInput],
    ],
  },
  {
    kind: 'RAM role',
    type: ramRole.RamRole,
    names: (r: any) => [
      ['role_name', r.roleNameInput],
      ['name', r.nameInput],
    ],
  },
] as const;

/** How a grant names an identity of each kind the stack creates, for fix texts. */
const PASS_NAME: { [kind: string]: string } = {
  'RAM user': 'RamPrincipal.user(user.name)',
  'RAM user group': 'RamPrincipal.group(group.groupName)',
  'RAM role': 'RamPrincipal.role(role.roleName)',
};

interface NamedResource {
  readonly kind: string;
  readonly resource: TerraformResource;
  /** Attribute name and the value given for it. */
  readonly names: [string, unknown][];
}

/** The stack's record of grants and of the users its constructs create. */
export class CrAccessLedger extends Construct {
  public static of(scope: Construct): CrAccessLedger {
    const stack = TerraformStack.of(scope);
    return (
      (stack.node.tryFindChild(LEDGER_ID) as CrAccessLedger | undefined) ??
      new CrAccessLedger(stack, LEDGER_ID)
    );
  }

  private readonly stack: TerraformStack;
  private readonly records: GrantRecord[] = [];
  /** Account-level attachments CrAccessCheck added in fix mode. */
  private readonly fixes: GrantSummary[] = [];
  /** Constructs of this library that created a user, in creation order. */
  private readonly creators: IConstruct[] = [];
  private findings?: Finding[];
  private readonly annotated = new Set<string>();
  private summarized = false;

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    this.stack = TerraformStack.of(scope);
    this.node.addValidation({ validate: () => this.summarize() });
    // Duplicate names among resources no construct of ours created belong to the stack.
    this.stack.node.addValidation({ validate: () => this.reportFor(this.stack) });
  }

  public record(entry: GrantRecord): void {
    this.records.push(entry);
    this.findings = undefined;
    entry.grant.node.addValidation({ validate: () => this.reportFor(entry.grant) });
  }

  /** The stack's grants, as the model summarizes them (report.ts). */
  public report(): GrantReport {
    // A principal named by a reference to a user, group or role of the stack is shown by its literal name.
    const literalNames = literalNamesOf(this.namedResources());
    const shown = (name: string) => {
      const key = tokenKey(this, name).key;
      return literalNames.get(key) ?? key;
    };
    return {
      stack: this.stack.node.id,
      grants: this.records.map((r) =>
        summarizeGrant(r.grant.node.path, r.plan, {
          principalName: shown(r.principal.principalName),
          resourceGroupIds: r.plan.resourceGroupIds.length === 0 ? [] : r.scopes,
          policyNames: r.policyNames,
        }),
      ),
      fixes: [...this.fixes],
      customPolicies: CrPolicyRegistry.of(this).size,
      attachments: this.records.reduce((n, r) => n + attachmentCount(r.plan), this.fixAttachments()),
    };
  }

  /** Records an account-level attachment CrAccessCheck added in fix mode (one policy each). */
  public recordFix(fix: GrantSummary): void {
    this.fixes.push(fix);
  }

  private fixAttachments(): number {
    return this.fixes.reduce((n, f) => n + f.policies.length, 0);
  }

  /** One information annotation per stack, not per grant: what moved is in the report. */
  private summarize(): string[] {
    if (this.summarized || this.records.length + this.fixes.length === 0) return [];
    this.summarized = true;
    const plans = this.records.map((r) => r.plan);
    const summary = reportDiagnostic(plans, CrPolicyRegistry.of(this).size, this.fixAttachments());
    const text = formatDiagnostic(summary);
    this.node.addMetadata(AnnotationMetadataEntryType.INFO, text, { stackTrace: false });
    return [];
  }

  /** Records that `creator` (a construct of this library) created a RAM user, group or role. */
  public recordCreator(creator: IConstruct): void {
    this.creators.push(creator);
    this.findings = undefined;
    creator.node.addValidation({ validate: () => this.reportFor(creator) });
  }

  /** Errors of `owner` as validation messages; its warnings become annotations (once). */
  private reportFor(owner: IConstruct): string[] {
    this.findings ??= this.check();
    const errors: string[] = [];
    for (const { diagnostic: d } of this.findings.filter((f) => f.owner === owner)) {
      // cdktf writes the owner's path before each message.
      const text = formatDiagnostic(d);
      if (d.severity === Severity.ERROR) errors.push(text);
      else if (!this.annotated.has(`${owner.node.path}\n${text}`)) {
        this.annotated.add(`${owner.node.path}\n${text}`);
        owner.node.addMetadata(AnnotationMetadataEntryType.WARN, text, { stackTrace: false });
      }
    }
    return errors;
  }

  private check(): Finding[] {
    const named = this.namedResources();
    const literalNames = literalNamesOf(named);
    const principalKey = (p: IRamPrincipal) => {
      const key = tokenKey(this, p.principalName).key;
      return literalNames.get(key) ?? key;
    };
    const byPrincipal = new Map<string, { who: string; records: GrantRecord[] }>();
    for (const r of this.records) {
      const who = `${r.principal.principalType} ${principalKey(r.principal)}`;
      const entry = byPrincipal.get(who);
      if (entry === undefined) byPrincipal.set(who, { who, records: [r] });
      else entry.records.push(r);
    }
    const out: Finding[] = [];
    for (const { who, records } of byPrincipal.values()) {
      out.push(...quotaFindings(who, records));
      // The other checks compare grants: one grant alone has nothing to compare.
      if (records.length > 1)
        out.push(...presetFindings(who, records), ...duplicateAttachmentFindings(who, records));
    }
    out.push(...this.duplicateNameFindings(named));
    return out;
  }

  private namedResources(): NamedResource[] {
    const out: NamedResource[] = [];
    for (const node of this.stack.node.findAll()) {
      for (const k of NAMED_KINDS) {
        if (node instanceof k.type) {
          out.push({ kind: k.kind, resource: node, names: k.names(node) as [string, unknown][] });
        }
      }
    }
    return out;
  }

  private duplicateNameFindings(named: NamedResource[]): Finding[] {
    const groups = new Map<string, { kind: string; name: string; resources: IConstruct[] }>();
    for (const { kind, resource, names } of named) {
      const given = names.map(([, input]) => input).find((v): v is string => typeof v === 'string');
      if (given === undefined) continue;
      const name = tokenKey(this, given).key;
      const key = `${kind}\n${name}`;
      const group = groups.get(key) ?? { kind, name, resources: [] };
      group.resources.push(resource);
      groups.set(key, group);
    }
    const out: Finding[] = [];
    for (const { kind, name, resources } of groups.values()) {
      if (resources.length < 2) continue;
      const ours = resources
        .map((r) => this.creators.find((c) => r.node.scope === c))
        .filter((c): c is IConstruct => c !== undefined);
      out.push({
        owner: ours.length > 0 ? ours[ours.length - 1] : this.stack,
        diagnostic: {
          code: DiagnosticCode.DUPLICATE_PRINCIPAL_NAME,
          severity: Severity.ERROR,
          location: '',
          message: `${resources.length} constructs create the ${kind} ${name} (${listed(
            resources.map((r) => r.node.path),
            'constructs',
          )})`,
          value: quote(name),
          rule: `a ${kind} name is unique in an account: the second creation would fail, or two resources would manage one identity`,
          fix: `create the ${kind} once and pass its name (e.g. ${PASS_NAME[kind]}) to every grant that needs it`,
        },
      });
    }
    return out;
  }
}

/** `${<type>.<id>.<attribute>}` (what a token of a name attribute resolves to) → the literal name given. */
function literalNamesOf(named: NamedResource[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const { resource, names } of named) {
    for (const [attribute, input] of names) {
      if (typeof input === 'string' && !Token.isUnresolved(input)) {
        out.set(`\${${resource.terraformResourceType}.${resource.friendlyUniqueId}.${attribute}}`, input);
      }
    }
  }
  return out;
}

function error(owner: IConstruct, d: Omit<Diagnostic, 'severity' | 'location'>): Finding {
  return { owner, diagnostic: { ...d, severity: Severity.ERROR, location: '' } };
}

function quotaFindings(who: string, records: GrantRecord[]): Finding[] {
  const first = records[0].grant;
  const paths = listed(
    records.map((r) => r.grant.node.path),
    'grants',
  );
  const out: Finding[] = [];
  for (const [type, max] of [
    ['Custom', CUSTOM_POLICIES_PER_PRINCIPAL_MAX],
    ['System', SYSTEM_POLICIES_PER_PRINCIPAL_MAX],
  ] as const) {
    const kind = type.toLowerCase();
    const attached = records.flatMap((r) => r.attachments).filter((a) => a.policyType === type);
    if (attached.length <= max) continue; // fast path: no count of distinct ones can exceed it
    const atAccount = [
      ...new Set(attached.filter((a) => a.scope === ACCOUNT).map((a) => a.policyName)),
    ].sort();
    const everywhere = [...new Set(attached.map((a) => `${a.policyName} at ${a.scope}`))].sort();
    if (atAccount.length > max) {
      out.push(
        error(first, {
          code: DiagnosticCode.POLICY_QUOTA_EXCEEDED,
          message: `${who} would have ${atAccount.length} ${kind} policies attached at account scope (grants: ${paths})`,
          value: listed(atAccount, 'policies'),
          rule: `RAM attaches at most ${max} ${kind} policies to one principal (${RAM_LIMITS_SOURCE})`,
          fix: 'combine the grants into one custom document per principal, attach them to a group, or raise the quota',
        }),
      );
    } else if (everywhere.length > max) {
      out.push({
        owner: first,
        diagnostic: {
          code: DiagnosticCode.POLICY_QUOTA_MAY_BE_EXCEEDED,
          severity: RESOURCE_GROUP_SCOPE_QUOTA_DOCUMENTED ? Severity.ERROR : Severity.WARNING,
          location: '',
          message: `${who} would have ${everywhere.length} ${kind} policy attachments across account and resource-group scopes (${atAccount.length} at account scope; grants: ${paths})`,
          value: listed(everywhere, 'attachments'),
          rule: `RAM attaches at most ${max} ${kind} policies to one principal (${RAM_LIMITS_SOURCE}); the docs do not say whether attachments at resource-group scope count toward it (see RESOURCE_GROUP_SCOPE_QUOTA_DOCUMENTED)`,
          fix: 'expect AttachPolicy to fail if they do: combine the grants of this principal into fewer documents or resource-group lists, use a group, or raise the quota first',
        },
      });
    }
  }
  return out;
}

function presetFindings(who: string, records: GrantRecord[]): Finding[] {
  const presetsByScope = new Map<string, GrantRecord[]>();
  for (const r of records.filter((x) => x.preset !== CrPreset.CUSTOM)) {
    for (const s of r.scopes) presetsByScope.set(s, [...(presetsByScope.get(s) ?? []), r]);
  }
  const out: Finding[] = [];
  for (const [s, rs] of [...presetsByScope.entries()].sort()) {
    const presets = [...new Set(rs.map((r) => r.preset))].sort();
    if (presets.length < 2) continue;
    out.push(
      error(rs[1].grant, {
        code: DiagnosticCode.CONFLICTING_PRESETS,
        message: `${who} is granted conflicting presets at ${s === ACCOUNT ? 'account scope' : `resource group ${s}`} (grants: ${listed(
          rs.map((r) => r.grant.node.path),
          'grants',
        )})`,
        value: quote(presets),
        rule: 'a principal gets one preset per scope; the wider one makes the narrower one meaningless',
        fix: 'keep the one grant that states the access you intend',
      }),
    );
  }
  return out;
}

function duplicateAttachmentFindings(who: string, records: GrantRecord[]): Finding[] {
  const owners = new Map<string, GrantRecord[]>();
  for (const r of records) {
    for (const a of r.attachments) {
      const key = `${a.policyName} at ${a.scope === ACCOUNT ? 'account scope' : `resource group ${a.scope}`}`;
      const list = owners.get(key) ?? [];
      if (!list.includes(r)) list.push(r);
      owners.set(key, list);
    }
  }
  const out: Finding[] = [];
  for (const [what, rs] of [...owners.entries()].sort()) {
    if (rs.length < 2) continue;
    out.push(
      error(rs[1].grant, {
        code: DiagnosticCode.DUPLICATE_ATTACHMENT,
        message: `${rs.length} grants attach the same policy to ${who} (grants: ${listed(
          rs.map((r) => r.grant.node.path),
          'grants',
        )})`,
        value: quote(what),
        rule: 'one RAM attachment is managed by one resource; with two, deleting or replacing either detaches the policy for both',
        fix: 'give one grant all the resource groups of this access, or drop the grant that repeats the other',
      }),
    );
  }
  return out;
}
