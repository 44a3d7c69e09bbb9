/**
 * Grants on namespaces or repositories in the AWS CDK style (`repository.grantPull(principal)`):
 * one object for a resource target, whose helpers each create one CrAccessGrant and return it.
 * Each access is placed on the target (CrAccess.onResources): for a pull, `cr:PullRepository` on the
 * repositories, `cr:ListInstanceEndpoint` on the instance and `cr:GetAuthorizationToken` on `*`,
 * the shape of AWS ECR's grantPull. With a resource-group scope the split adds the account-level
 * part as for any grant.
 *
 * Grant IDs come from the verb and the principal (a literal name, or a hash of the reference it
 * resolves to), so the same program gives the same IDs in any order; one principal granted the same
 * verb twice by one object is an error (DUPLICATE_ATTACHMENT).
 */
import { createHash } from 'node:crypto';
import { Construct } from 'constructs';
import { DiagnosticCode, PolicyDocument, PolicyStatement } from '../policy';
import { CrAccess } from './access';
import type { AccountOptions } from './account';
import { throwViolations } from './errors';
import { CrAccessGrant, type CrSplitOptions } from './grant';
import type { IRamPrincipal } from './principal';
import { DEVELOPER_READ_PATTERNS } from './presets';
import { NAME_PART_MAX_LENGTH } from './naming';
import { requireProps } from './required-props';
import type { CrResourceTarget } from './resource-target';
import type { CrAccessScope } from './scope';
import { tokenKey } from './token-key';

/**
 * Pulling images: what Alibaba's ACK/ACS guide grants a role that pulls
 * (AliyunCCManagedAcrRolePolicy; https://alibabacloud.com/help/en/cs/user-guide/authorize-ram-user-acr-to-specify-namespace-permissions,
 * 2025-01-09): the temporary login, the instance's endpoints, the pull.
 */
export const PULL_ACTIONS = ['cr:GetAuthorizationToken', 'cr:ListInstanceEndpoint', 'cr:PullRepository'];

/** Pushing images, on top of pulling: the action the registry checks on `docker push`. */
export const PUSH_ACTIONS = ['cr:PushRepository'];

/** Props of CrRepositoryGrants. */
export interface CrRepositoryGrantsProps extends AccountOptions, CrSplitOptions {
  /** The namespaces or repositories the grants are on. */
  readonly target: CrResourceTarget;
  /**
   * Where the grants apply: the account, or the resource groups the instance is in. At
   * resource-group scope the actions that resource groups ignore are granted at account level, on
   * the same Resources.
   * @default CrAccessScope.account()
   */
  readonly scope?: CrAccessScope;
  /**
   * Prefix of custom policy names.
   * @default `cr-<stack name>`
   */
  readonly policyNamePrefix?: string;
}

/** Grants on one resource target (see the file header). */
export class CrRepositoryGrants extends Construct {
  /** The target. */
  public readonly target: CrResourceTarget;
  private readonly props: CrRepositoryGrantsProps;

  public constructor(scope: Construct, id: string, props: CrRepositoryGrantsProps) {
    super(scope, id);
    requireProps(this, props, {
      target: { kind: 'object', example: "target: CrResourceTarget.namespaces('cri-…', ['team-a'])" },
    });
    this.props = props;
    this.target = props.target;
  }

  /** Pull images from the target (PULL_ACTIONS). Returns the grant it created. */
  public grantPull(principal: IRamPrincipal): CrAccessGrant {
    return this.grant('Pull', principal, CrAccess.custom(allow(PULL_ACTIONS)));
  }

  /** Pull and push images (PULL_ACTIONS and PUSH_ACTIONS). Returns the grant it created. */
  public grantPullPush(principal: IRamPrincipal): CrAccessGrant {
    return this.grant('PullPush', principal, CrAccess.custom(allow([...PULL_ACTIONS, ...PUSH_ACTIONS])));
  }

  /** Read everything in the target and pull (the read-only preset's patterns). Returns the grant it created. */
  public grantRead(principal: IRamPrincipal): CrAccessGrant {
    return this.grant('Read', principal, CrAccess.custom(allow(DEVELOPER_READ_PATTERNS)));
  }

  /** Any access (a preset or a custom document) on the target. Returns the grant it created. */
  public grantAccess(principal: IRamPrincipal, access: CrAccess): CrAccessGrant {
    return this.grant(`Access-${access.preset}`, principal, access);
  }

  private grant(verb: string, principal: IRamPrincipal, access: CrAccess): CrAccessGrant {
    const key = tokenKey(this, principal.principalName);
    const who = key.fromToken
      ? `T${createHash('sha256').update(key.key).digest('hex').slice(0, 12)}`
      : key.key;
    const id = `${verb}-${principal.principalType}-${who}`;
    if (this.node.tryFindChild(id) !== undefined)
      throwViolations(this, [
        {
          code: DiagnosticCode.DUPLICATE_ATTACHMENT,
          message: `${principal.principalType} ${key.key} is granted ${verb} twice on this target`,
          value: key.key,
          rule: 'each principal is granted each access once per target',
          fix: 'remove the second call; the grant the first one returned already holds',
        },
      ]);
    const { target, ...rest } = this.props;
    // Named from this object and the verb (a stable key), never from the document: its content holds
    // tokens of the target, and a change of the target or the verb's actions must update in place.
    const placed = access.onResources(target, { name: access.name ?? this.accessName(verb) });
    return new CrAccessGrant(this, id, { ...rest, principal, access: placed });
  }

  private accessName(verb: string): string {
    const base = this.node.id.replace(/[^A-Za-z0-9-]/g, '-').slice(0, NAME_PART_MAX_LENGTH - verb.length - 1);
    return `${base}-${verb}`.toLowerCase();
  }
}

function allow(actions: string[]): PolicyDocument {
  return PolicyDocument.of([PolicyStatement.allow(actions)]);
}
