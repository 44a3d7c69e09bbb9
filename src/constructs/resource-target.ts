/**
 * Which namespaces or repositories of one Container Registry Enterprise Edition instance an access
 * is for (CrAccess.onResources). IDs and names are literals or references, such as the attributes of
 * alicloud_cr_ee_instance, alicloud_cr_ee_namespace and alicloud_cr_ee_repo resources of the same
 * stack; they are checked when a grant uses the access (src/policy/resource-placement.ts rule 0).
 *
 * Enterprise Edition only: Personal Edition has no instances, and its repositories cannot be put in
 * resource groups ("Repository access control", "Fine-grained resource control with resource groups");
 * its ARNs are `acs:cr:*:*:repository/<namespace>/<repository>`, which a custom document can name.
 */
import type { ResourceTargetData, TargetRepository } from '../policy';

/** An alicloud_cr_ee_namespace (or anything with its instanceId and name). */
export interface ICrEeNamespaceRef {
  /** The instance's ID (`instance_id`). */
  readonly instanceId: string;
  /** The namespace's name (`name`). */
  readonly name: string;
}

/**
 * A repository of an Enterprise Edition instance: an alicloud_cr_ee_repo's `instanceId`, `namespace`
 * and `name`. The namespace is `namespaceName` here because `namespace` is a reserved word in C#, which
 * jsii refuses in a public API.
 */
export interface ICrEeRepositoryRef {
  /** The instance's ID (`instance_id`). */
  readonly instanceId: string;
  /** The namespace's name (the repository's `namespace`). */
  readonly namespaceName: string;
  /** The repository's name (`name`). */
  readonly name: string;
}

/** Where the target's ARNs are. */
export interface CrResourceTargetOptions {
  /**
   * The region of the instance, as ARNs write it.
   * @default '*'
   */
  readonly regionId?: string;
  /**
   * The account that owns the instance, as ARNs write it.
   * @default '*'
   */
  readonly accountId?: string;
}

/** Namespaces or repositories of one Enterprise Edition instance. */
export class CrResourceTarget {
  /** Every repository of the given namespaces (and the namespaces themselves). */
  public static namespaces(
    instanceId: string,
    namespaceNames: string[],
    options: CrResourceTargetOptions = {},
  ): CrResourceTarget {
    return new CrResourceTarget({ ...options, instanceId, namespaceNames: [...namespaceNames] });
  }

  /** The given repositories of one namespace. */
  public static repositories(
    instanceId: string,
    namespaceName: string,
    repositoryNames: string[],
    options: CrResourceTargetOptions = {},
  ): CrResourceTarget {
    return new CrResourceTarget({
      ...options,
      instanceId,
      repositories: repositoryNames.map((repositoryName) => ({ namespaceName, repositoryName })),
    });
  }

  /** One namespace of a stack (an alicloud_cr_ee_namespace). */
  public static fromNamespace(
    namespaceRef: ICrEeNamespaceRef,
    options: CrResourceTargetOptions = {},
  ): CrResourceTarget {
    return CrResourceTarget.namespaces(namespaceRef.instanceId, [namespaceRef.name], options);
  }

  /** One repository of a stack (an alicloud_cr_ee_repo). */
  public static fromRepository(
    repository: ICrEeRepositoryRef,
    options: CrResourceTargetOptions = {},
  ): CrResourceTarget {
    return CrResourceTarget.repositories(
      repository.instanceId,
      repository.namespaceName,
      [repository.name],
      options,
    );
  }

  /** The instance's ID. */
  public readonly instanceId: string;
  /** Namespaces, all of whose repositories are in the target. */
  public readonly namespaceNames: string[];
  /** Repository names, as `<namespace>/<repository>`. */
  public readonly repositoryPaths: string[];
  /** @internal the engine's view */
  public readonly _data: ResourceTargetData;

  private constructor(data: ResourceTargetData & { repositories?: TargetRepository[] }) {
    this._data = data;
    this.instanceId = data.instanceId;
    this.namespaceNames = [...(data.namespaceNames ?? [])];
    this.repositoryPaths = (data.repositories ?? []).map((r) => `${r.namespaceName}/${r.repositoryName}`);
  }
}
