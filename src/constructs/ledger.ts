/**
 * Checks that need every grant of a stack, run as validations at synth time. Each finding belongs to
 * one construct (the grant or user-creating construct it is about), whose validation reports it, so
 * `cdktf synth` prints the construct path once, before the message:
 *   - custom policies attached to one principal at account scope stay within
 *     CUSTOM_POLICIES_PER_PRINCIPAL_MAX, and system policies within SYSTEM_POLICIES_PER_PRINCIPAL_MAX
 *     (errors); attachments at every scope together are held to the same numbers with a warning, since
 *     the docs do not say whether resource-group attachments count (limits.ts);
 *   - one principal is not granted two different presets at the same scope (read-only and full
 *     access for the same user in the same resource group is a mistake, whichever was meant). A team
 *     member is granted what the team's grant gives the team's group (team-ledger.ts lists the
 *     members), so a user in a readers team and a developers team of one resource group, or in a
 *     team and a direct grant, breaks this rule as two direct grants do;
 *   - no two grants attach the same policy to the same principal at the same scope: both would manage
 *     one RAM attachment, and deleting either grant (or replacing its attachment) detaches it for both;
 *   - no two constructs create a RAM user, user group or role of the same name.
 * A principal given as a reference to a user, group or role of the stack is compared by that
 * resource's literal name when it has one (identities.ts), so `RamPrincipal.user('alice')` and
 * `user.name` of a user named alice are one principal. Names are compared as RAM compares them
 * (name-case.ts): policy names without regard to case; principal names and resource group IDs as
 * written, with a warning for spellings that differ only in case (case-variants.ts).
 */
import { Construct, type IConstruct } from 'constructs';
import { AnnotationMetadataEntryType, TerraformStack } from '../core-lib';
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
import { nameComparisonKey, POLICY_NAME_CASE, RESOURCE_GROUP_ID_CASE } from '../policy/name-case';
import {
  attachmentCount,
  type GrantPlan,
  type GrantReport,
  type GrantSummary,
  reportDiagnostic,
  summarizeGrant,
} from '../model';
import { CrPreset } from './access';
import { caseVariantDiagnostic, caseVariants, type NameUse } from './case-variants';
import { type NamedResource, StackIdentities } from './identities';
import { CrPolicyRegistry } from './policy-registry';
import { type IRamPrincipal, principalNameCase, PrincipalType } from './principal';
import { CrTeamLedger } from './team-ledger';
import { tokenKey } from './token-key';

const LEDGER_ID = 'CrAccessLedger';
const ACCOUNT = 'account';
const RESOURCE_GROUP = 'resource group';

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

/** How a grant names an identity of each kind the stack creates, for fix texts. */
const PASS_NAME: { [kind: string]: string } = {
  'RAM user': 'RamPrincipal.user(user.name)',
  'RAM user group': 'RamPrincipal.group(group.groupName)',
  'RAM role': 'RamPrincipal.role(role.roleName)',
};

/** A grant as one principal receives it: directly, or through a team the principal is a member of. */
interface Receipt {
  readonly record: GrantRecord;
  /** The team, when the principal is one of its members. */
  readonly team?: IConstruct;
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
    const identities = StackIdentities.of(this.stack);
    const shown = (name: string) => identities.key(name);
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
      policies: CrPolicyRegistry.of(this).uses(),
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
    const identities = StackIdentities.of(this.stack);
    const byPrincipal = new Map<string, { who: string; receipts: Receipt[]; seen: Set<GrantRecord> }>();
    /** Every principal name and resource group ID as given, for the case-variant warnings. */
    const uses: (NameUse & { kind: string; owner: IConstruct })[] = [];
    const receive = (type: PrincipalType, name: string, receipt: Receipt) => {
      const given = identities.key(name);
      const who = `${type} ${nameComparisonKey(given, principalNameCase(type))}`;
      const entry = byPrincipal.get(who) ?? { who, receipts: [], seen: new Set() };
      if (!entry.seen.has(receipt.record)) entry.receipts.push(receipt);
      entry.seen.add(receipt.record);
      byPrincipal.set(who, entry);
      const user =
        receipt.team === undefined ? receipt.record.grant.node.path : `team ${receipt.team.node.path}`;
      uses.push({ kind: type, name: given, user, owner: receipt.record.grant });
    };
    for (const record of this.records) {
      receive(record.principal.principalType, record.principal.principalName, { record });
      for (const scope of record.scopes.filter((x) => x !== ACCOUNT)) {
        uses.push({ kind: RESOURCE_GROUP, name: scope, user: record.grant.node.path, owner: record.grant });
      }
    }
    // A team member receives the team's grant (to the team's group) as if it were its own.
    const byGrant = new Map(this.records.map((r) => [r.grant as IConstruct, r]));
    for (const m of CrTeamLedger.find(this.stack)?.memberships() ?? []) {
      const record = byGrant.get(m.grant);
      if (record === undefined) continue;
      for (const member of m.members) receive(PrincipalType.USER, member, { record, team: m.team });
    }
    const out: Finding[] = [];
    for (const { who, receipts } of byPrincipal.values()) {
      const direct = receipts.filter((r) => r.team === undefined).map((r) => r.record);
      if (direct.length > 0) out.push(...quotaFindings(who, direct));
      // The other checks compare grants: one grant alone has nothing to compare.
      if (receipts.length > 1) out.push(...presetFindings(who, receipts));
      if (direct.length > 1) out.push(...duplicateAttachmentFindings(who, direct));
    }
    const rules = [
      ...Object.values(PrincipalType).map((t) => [t, principalNameCase(t)] as const),
      [RESOURCE_GROUP, RESOURCE_GROUP_ID_CASE] as const,
    ];
    for (const [kind, rule] of rules) {
      const ofKind = uses.filter((u) => u.kind === kind);
      for (const variants of caseVariants(ofKind, rule)) {
        // Reported by the last construct involved, as the other checks report the second grant.
        const owner = ofKind.filter((u) => variants.names.includes(u.name)).pop()!.owner;
        out.push({ owner, diagnostic: caseVariantDiagnostic(rule, variants) });
      }
    }
    out.push(...this.duplicateNameFindings(identities.named));
    return out;
  }

  private duplicateNameFindings(named: NamedResource[]): Finding[] {
    const groups = new Map<string, { kind: string; name: string; resources: IConstruct[] }>();
    const uses = new Map<PrincipalType, (NameUse & { owner: IConstruct })[]>();
    for (const { kind, principalType, resource, names } of named) {
      const given = names.map(([, input]) => input).find((v): v is string => typeof v === 'string');
      if (given === undefined) continue;
      const name = tokenKey(this, given).key;
      const key = `${kind}\n${nameComparisonKey(name, principalNameCase(principalType))}`;
      const group = groups.get(key) ?? { kind, name, resources: [] };
      group.resources.push(resource);
      groups.set(key, group);
      const list = uses.get(principalType) ?? [];
      list.push({ name, user: resource.node.path, owner: this.ownerOf([resource]) });
      uses.set(principalType, list);
    }
    const out: Finding[] = [];
    for (const { kind, name, resources } of groups.values()) {
      if (resources.length < 2) continue;
      out.push({
        owner: this.ownerOf(resources),
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
    for (const [type, list] of uses) {
      for (const variants of caseVariants(list, principalNameCase(type))) {
        const owners = list.filter((u) => variants.names.includes(u.name)).map((u) => u.owner);
        const owner = owners.filter((o) => o !== this.stack).pop() ?? this.stack;
        out.push({ owner, diagnostic: caseVariantDiagnostic(principalNameCase(type), variants) });
      }
    }
    return out;
  }

  /** The last of this library's constructs that created one of `resources`, else the stack. */
  private ownerOf(resources: IConstruct[]): IConstruct {
    const ours = resources
      .map((r) => this.creators.find((c) => r.node.scope === c))
      .filter((c): c is IConstruct => c !== undefined);
    return ours.length > 0 ? ours[ours.length - 1] : this.stack;
  }
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

/** Where a receipt comes from, as messages list it: the grant, or the team (the grant is the team's). */
function source(r: Receipt): string {
  return r.team === undefined ? r.record.grant.node.path : `team ${r.team.node.path}`;
}

function presetFindings(who: string, receipts: Receipt[]): Finding[] {
  const presetsByScope = new Map<string, Receipt[]>();
  for (const r of receipts.filter((x) => x.record.preset !== CrPreset.CUSTOM)) {
    for (const scope of r.record.scopes) {
      const s = scope === ACCOUNT ? scope : nameComparisonKey(scope, RESOURCE_GROUP_ID_CASE);
      presetsByScope.set(s, [...(presetsByScope.get(s) ?? []), r]);
    }
  }
  const out: Finding[] = [];
  for (const [s, rs] of [...presetsByScope.entries()].sort()) {
    const presets = [...new Set(rs.map((r) => r.record.preset))].sort();
    if (presets.length < 2) continue;
    out.push(
      error(rs[1].record.grant, {
        code: DiagnosticCode.CONFLICTING_PRESETS,
        message: `${who} is granted conflicting presets at ${s === ACCOUNT ? 'account scope' : `resource group ${s}`} (grants: ${listed(
          rs.map(source),
          'grants',
        )})`,
        value: quote(presets),
        rule: 'a principal gets one preset per scope, directly or through its teams; the wider one makes the narrower one meaningless',
        fix: 'keep the one grant that states the access you intend',
      }),
    );
  }
  return out;
}

function duplicateAttachmentFindings(who: string, records: GrantRecord[]): Finding[] {
  const owners = new Map<string, { what: string; rs: GrantRecord[] }>();
  for (const r of records) {
    for (const a of r.attachments) {
      const where = (scope: string) => (scope === ACCOUNT ? 'account scope' : `resource group ${scope}`);
      // RAM ignores the case of policy names (name-case.ts): case variants are one attachment.
      const key = `${nameComparisonKey(a.policyName, POLICY_NAME_CASE)} at ${where(nameComparisonKey(a.scope, RESOURCE_GROUP_ID_CASE))}`;
      const entry = owners.get(key) ?? { what: `${a.policyName} at ${where(a.scope)}`, rs: [] };
      if (!entry.rs.includes(r)) entry.rs.push(r);
      owners.set(key, entry);
    }
  }
  const out: Finding[] = [];
  for (const [, { what, rs }] of [...owners.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
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
