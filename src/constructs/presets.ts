/**
 * The developer preset, defined from the catalog. A developer of a team works on the images,
 * repositories, namespaces and build rules of the instances in the team's resource groups, and on
 * nothing instance-wide. Every action is a catalog action (test/constructs/presets.test.ts checks it).
 */
import { PolicyDocument, PolicyStatement } from '../policy';

/**
 * Reading: the same patterns as AliyunContainerRegistryReadOnlyAccess, so a developer sees
 * everything a read-only user sees (the split grants the 37 read actions that resource groups ignore
 * at account level, as for read-only).
 */
export const DEVELOPER_READ_PATTERNS = ['cr:Get*', 'cr:List*', 'cr:Pull*'];

/** Pushing images: the action the registry checks on `docker push`. */
export const DEVELOPER_PUSH_ACTIONS = ['cr:PushRepository'];

/** Repositories and namespaces of the team: create, change, delete. */
export const DEVELOPER_REPOSITORY_ACTIONS = [
  'cr:CreateNamespace',
  'cr:CreateRepository',
  'cr:DeleteNamespace',
  'cr:DeleteRepository',
  'cr:UpdateNamespace',
  'cr:UpdateRepository',
];

/** Image tags: create (retag) and delete. */
export const DEVELOPER_TAG_ACTIONS = ['cr:CreateRepoTag', 'cr:DeleteRepositoryTag'];

/**
 * Build rules and builds of the team's repositories. `cr:UpdateArtifactBuildRule` is left out on
 * purpose: it is a write action that resource groups ignore, so granting it would reach every
 * instance of the account.
 */
export const DEVELOPER_BUILD_ACTIONS = [
  'cr:BuildRepositoryByRecord',
  'cr:BuildRepositoryByRule',
  'cr:CancelBuildRepository',
  'cr:CreateArtifactBuildRule',
  'cr:CreateRepositoryBuildRule',
  'cr:CreateSourceRepository',
  'cr:DeleteRepositoryBuildRule',
  'cr:UpdateRepositoryBuildRule',
  'cr:UpdateSourceRepository',
];

/*
 * Not granted: creating, deleting or reconfiguring instances (endpoints, VPC links, resource group
 * changes, flow control, migration, storage routing), instance users and passwords, sync rules
 * across instances, and every write action without resource-group support.
 */

let developer: PolicyDocument | undefined;

/** The developer preset's document (immutable, so built once). */
export function developerDocument(): PolicyDocument {
  developer ??= PolicyDocument.of([
    PolicyStatement.allow([
      ...DEVELOPER_READ_PATTERNS,
      ...DEVELOPER_PUSH_ACTIONS,
      ...DEVELOPER_REPOSITORY_ACTIONS,
      ...DEVELOPER_TAG_ACTIONS,
      ...DEVELOPER_BUILD_ACTIONS,
    ]),
  ]);
  return developer;
}
