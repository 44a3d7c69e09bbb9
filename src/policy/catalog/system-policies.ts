/**
 * Container Registry's system policies, with their documents as Alibaba publishes them
 * (cr-system-policies.json, transcribed from the "Attach system policies to a RAM user" page).
 */
import { PolicyDocument } from '../document';
import * as data from './cr-system-policies.json';

/** A RAM system policy: attached by name with `policy_type = "System"`, never created. */
export class SystemPolicy {
  /** AliyunContainerRegistryFullAccess: every Container Registry action. */
  public static readonly CONTAINER_REGISTRY_FULL_ACCESS = new SystemPolicy(
    'AliyunContainerRegistryFullAccess',
  );
  /** AliyunContainerRegistryReadOnlyAccess: view repositories and pull images. */
  public static readonly CONTAINER_REGISTRY_READ_ONLY_ACCESS = new SystemPolicy(
    'AliyunContainerRegistryReadOnlyAccess',
  );

  /** The system policy of that name whose document the library knows, if any (names are case-sensitive). */
  public static tryFromName(policyName: string): SystemPolicy | undefined {
    return [
      SystemPolicy.CONTAINER_REGISTRY_FULL_ACCESS,
      SystemPolicy.CONTAINER_REGISTRY_READ_ONLY_ACCESS,
    ].find((p) => p.policyName === policyName);
  }

  /** The policy's name, as used in `policy_name`. */
  public readonly policyName: string;
  /** What Alibaba says it allows. */
  public readonly description: string;
  /** Its document, as published. */
  public readonly document: PolicyDocument;

  private constructor(name: 'AliyunContainerRegistryFullAccess' | 'AliyunContainerRegistryReadOnlyAccess') {
    const published = data.policies[name];
    this.policyName = name;
    this.description = published.description;
    this.document = PolicyDocument.fromObject(published.document);
  }
}
