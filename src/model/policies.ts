/**
 * The document an attachment grants: a system policy whose document the library knows, or a custom
 * policy defined in the same configuration (`alicloud_ram_policy`, `alicloud_resource_manager_policy`),
 * found through the reference or the literal name the attachment uses. Anything else (a policy created
 * elsewhere, a document computed at apply time) is not read, and the reason says why.
 */
import { formatDiagnostic, PolicyDocument, SystemPolicy } from '../policy';
import { isOtherServiceSystemPolicy } from './outside-cr';
import { partialDocument } from './partial-document';
import { isExpression, literalString, type ResourceIndex, referencesIn, shownValue } from './references';
import { resourceAddress, type TerraformResource } from './terraform';

/** Resource types that define custom policies, and their name and document attributes (newest first). */
const POLICY_RESOURCES: { [type: string]: { names: string[]; documents: string[] } } = {
  alicloud_ram_policy: { names: ['policy_name', 'name'], documents: ['policy_document', 'document'] },
  alicloud_resource_manager_policy: { names: ['policy_name'], documents: ['policy_document'] },
};

/** A document, or why there is none. */
export interface ResolvedPolicy {
  readonly document?: PolicyDocument;
  /** Why the document could not be read (set when `document` is not). */
  readonly reason?: string;
  /** The policy resource, for a custom policy of the configuration. */
  readonly resource?: TerraformResource;
  /**
   * Why not read, as a kind the check gives its own Fix for.
   * @default - read
   */
  readonly unreadKind?: UnreadKind;
  /**
   * Parts of the document not known before apply (`Resource`, `Condition`), read as partial-document.ts says.
   * @default - none
   */
  readonly unknownParts?: string[];
  /** True for a system policy of another service (outside-cr.ts). */
  readonly otherService?: boolean;
}

/** Why an attachment's document was not read. */
export enum UnreadKind {
  SYSTEM_NAME_EXPRESSION = 'system-name-expression',
  SYSTEM_NOT_IN_CATALOG = 'system-not-in-catalog',
  POLICY_TYPE = 'policy-type',
  CUSTOM_NOT_DEFINED = 'custom-not-defined',
  CUSTOM_NOT_FOUND = 'custom-not-found',
  NO_DOCUMENT = 'no-document',
  NOT_A_STRING = 'not-a-string',
  COMPUTED = 'computed',
  INVALID = 'invalid',
}

/** The custom policy resources of a configuration, by literal policy name. */
export function customPoliciesByName(
  resources: readonly TerraformResource[],
): Map<string, TerraformResource> {
  const out = new Map<string, TerraformResource>();
  for (const r of resources) {
    const kind = POLICY_RESOURCES[r.resourceType];
    if (kind === undefined) continue;
    const name = kind.names.map((a) => literalString(r.attributes[a])).find(Boolean);
    if (name !== undefined) out.set(name, r);
  }
  return out;
}

/** The document that an attachment's `policy_name`/`policy_type` stands for. */
export function resolvePolicy(
  index: ResourceIndex,
  byName: Map<string, TerraformResource>,
  from: TerraformResource,
  policyName: unknown,
  policyType: unknown,
): ResolvedPolicy {
  const type = literalString(policyType);
  const name = literalString(policyName);
  if (type === 'System') {
    if (name === undefined)
      return {
        reason: `the system policy's name is an expression (${shownValue(policyName)})`,
        unreadKind: UnreadKind.SYSTEM_NAME_EXPRESSION,
      };
    const system = SystemPolicy.tryFromName(name);
    if (system !== undefined) return { document: system.document };
    return {
      reason: `the document of system policy ${name} is not in the library's catalog of system policies`,
      unreadKind: UnreadKind.SYSTEM_NOT_IN_CATALOG,
      otherService: isOtherServiceSystemPolicy(name),
    };
  }
  if (type !== 'Custom')
    return {
      reason: `policy_type is ${shownValue(policyType)}, not "System" or "Custom"`,
      unreadKind: UnreadKind.POLICY_TYPE,
    };
  let resource: TerraformResource | undefined;
  if (name !== undefined) {
    resource = byName.get(name);
    if (resource === undefined)
      return {
        reason: `custom policy ${name} is not defined in this configuration (created outside it?)`,
        unreadKind: UnreadKind.CUSTOM_NOT_DEFINED,
      };
  } else {
    const [ref] = referencesIn(policyName, Object.keys(POLICY_RESOURCES));
    resource = ref === undefined ? undefined : index.resolve(from, ref);
    if (resource === undefined)
      return {
        reason: `policy_name ${shownValue(policyName)} names no policy of this configuration`,
        unreadKind: UnreadKind.CUSTOM_NOT_FOUND,
      };
  }
  return { ...documentOf(resource), resource };
}

/** Whether `resource` defines a custom policy (alicloud_ram_policy, alicloud_resource_manager_policy). */
export function isCustomPolicyResource(resource: TerraformResource): boolean {
  return POLICY_RESOURCES[resource.resourceType] !== undefined;
}

/** The document of a custom policy resource, or why it cannot be read. */
export function customPolicyDocument(resource: TerraformResource): ResolvedPolicy {
  return documentOf(resource);
}

/** Documents by policy resource: thousands of attachments name the same few policies. */
const documents = new WeakMap<TerraformResource, ResolvedPolicy>();

function documentOf(resource: TerraformResource): ResolvedPolicy {
  let resolved = documents.get(resource);
  if (resolved === undefined) {
    resolved = readDocument(resource);
    documents.set(resource, resolved);
  }
  return resolved;
}

function readDocument(resource: TerraformResource): ResolvedPolicy {
  const kind = POLICY_RESOURCES[resource.resourceType];
  const attribute = kind.documents.find((a) => resource.attributes[a] !== undefined);
  const text = attribute === undefined ? undefined : resource.attributes[attribute];
  const where = resourceAddress(resource);
  if (text === undefined) {
    const statements = resource.attributes.statement;
    if (Array.isArray(statements)) return parse(where, statementBlocksDocument(statements));
    return { reason: `${where} has no policy document`, unreadKind: UnreadKind.NO_DOCUMENT };
  }
  if (typeof text === 'string' && isExpression(text)) {
    const partial = partialDocument(text);
    if (partial !== undefined) return { document: partial.document, unknownParts: partial.unknown };
  }
  if (typeof text !== 'string')
    return {
      reason: `the ${attribute} of ${where} is ${shownValue(text)}, not a string: Terraform takes a policy document as JSON text (jsonencode(...) in HCL)`,
      unreadKind: UnreadKind.NOT_A_STRING,
    };
  if (isExpression(text))
    return {
      reason: `the document of ${where} is computed (${shownValue(text)}), so it cannot be read before apply`,
      unreadKind: UnreadKind.COMPUTED,
    };
  return parse(where, text);
}

/** The deprecated `statement` blocks of alicloud_ram_policy, as a document. */
function statementBlocksDocument(blocks: unknown[]): unknown {
  const statement = blocks.map((b) => {
    const block = (b ?? {}) as Record<string, unknown>;
    return { Effect: block.effect, Action: block.action, Resource: block.resource };
  });
  return { Version: '1', Statement: statement };
}

function parse(where: string, input: unknown): ResolvedPolicy {
  const document =
    typeof input === 'string' ? PolicyDocument.fromJson(input) : PolicyDocument.fromObject(input);
  const [error] = document.errors;
  if (error === undefined) return { document };
  return {
    reason: `the document of ${where} is not a valid policy: ${formatDiagnostic(error)}`,
    unreadKind: UnreadKind.INVALID,
  };
}
