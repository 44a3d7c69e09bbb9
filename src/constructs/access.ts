/**
 * What a grant allows: one of the presets users ask for by name, or a custom policy document.
 * Read-only and full access are Alibaba's system policies; at account scope they are attached as
 * such (`policy_type = "System"`), and at resource-group scope too, with the split's account-level
 * part beside them. The developer preset is defined in presets.ts.
 */
import { placeOnTarget, type PolicyDocument, SystemPolicy } from '../policy';
import { developerDocument } from './presets';
import type { CrResourceTarget } from './resource-target';

/** The named access levels. */
export enum CrPreset {
  /** AliyunContainerRegistryReadOnlyAccess: view repositories and pull images. */
  READ_ONLY = 'read-only',
  /** Pull and push images and manage repositories, tags, namespaces and build rules (see presets.ts). */
  DEVELOPER = 'developer',
  /** AliyunContainerRegistryFullAccess: every Container Registry action. */
  FULL_ACCESS = 'full-access',
  /** A policy document of the user's. */
  CUSTOM = 'custom',
}

/** Options of a custom access. */
export interface CrCustomAccessOptions {
  /**
   * The access's name: its policies are named from it (`<prefix>-<name>-<scope part>`, naming.ts), so
   * a change of the document updates them in place instead of replacing them and every attachment.
   * Letters, digits and hyphens, at most 48 characters; one name states one document per stack.
   * @default - a name derived from the document (`custom-<hash>`): a changed document is a new policy,
   *   and its grants say so (information UNNAMED_CUSTOM_ACCESS)
   */
  readonly name?: string;
}

/** The access a grant gives. */
export class CrAccess {
  /** View repositories and pull images (the system policy AliyunContainerRegistryReadOnlyAccess). */
  public static readOnly(): CrAccess {
    const system = SystemPolicy.CONTAINER_REGISTRY_READ_ONLY_ACCESS;
    return new CrAccess(CrPreset.READ_ONLY, system.document, system);
  }

  /** Day-to-day work on images, repositories, namespaces and build rules; nothing instance-wide. */
  public static developer(): CrAccess {
    return new CrAccess(CrPreset.DEVELOPER, developerDocument());
  }

  /** Every Container Registry action (the system policy AliyunContainerRegistryFullAccess). */
  public static fullAccess(): CrAccess {
    const system = SystemPolicy.CONTAINER_REGISTRY_FULL_ACCESS;
    return new CrAccess(CrPreset.FULL_ACCESS, system.document, system);
  }

  /**
   * A custom policy document; at resource-group scope it is split like the presets. Name it
   * (`{ name: 'ci-push' }`) so that changing the document later updates its policies in place.
   */
  public static custom(document: PolicyDocument, options: CrCustomAccessOptions = {}): CrAccess {
    return new CrAccess(CrPreset.CUSTOM, document, undefined, options.name);
  }

  /** Which preset this is. */
  public readonly preset: CrPreset;
  /** The document that states the access. */
  public readonly document: PolicyDocument;
  /** The system policy that states the same access, if there is one. */
  public readonly systemPolicy?: SystemPolicy;
  /**
   * The name given to a custom access.
   * @default - none: a preset, or an unnamed custom access
   */
  public readonly name?: string;
  /** The namespaces or repositories it is for, when onResources made it. */
  public readonly resourceTarget?: CrResourceTarget;

  private constructor(
    preset: CrPreset,
    document: PolicyDocument,
    systemPolicy?: SystemPolicy,
    name?: string,
    resourceTarget?: CrResourceTarget,
  ) {
    this.preset = preset;
    this.document = document;
    this.systemPolicy = systemPolicy;
    this.name = name;
    this.resourceTarget = resourceTarget;
  }

  /**
   * This access on some namespaces or repositories of one instance only: a custom document in which
   * each action is granted on the resource RAM authorizes it against (repository actions on the
   * repositories, namespace actions on the namespaces, instance actions on the instance, actions
   * without a resource on `*`; src/policy/resource-placement.ts). With a resource-group scope, the
   * split then moves the actions that resource groups ignore to account level, on the same
   * Resources. The result is a custom access (preset CUSTOM: a system policy cannot be narrowed),
   * so it can sit beside a preset at the same scope. Name it (`{ name: 'web-images-developer' }`) so
   * that a later change of the target or of the preset updates its policies in place; a named custom
   * access keeps its name unless one is given.
   */
  public onResources(target: CrResourceTarget, options: CrCustomAccessOptions = {}): CrAccess {
    const placed = placeOnTarget(this.document, target._data);
    // A named custom access keeps its name (its policies then update in place when the target changes).
    return new CrAccess(CrPreset.CUSTOM, placed.document, undefined, options.name ?? this.name, target);
  }
}
