export { CrAccess, type CrCustomAccessOptions, CrPreset } from './access';
export type { AccountOptions } from './account';
export { CrAccessCheck, CrAccessCheckMode, type CrAccessCheckProps } from './check';
export type { CrAccessSuppressionOptions } from './suppressions';
export { CrAccessReport } from './report';
export { CrReadOnlyUser, type CrReadOnlyUserProps } from './cr-read-only-user';
export {
  type CrAccountLevelOptions,
  CrAccessGrant,
  type CrAccessGrantProps,
  type CrSplitOptions,
} from './grant';
export { type PolicyKey, PolicyScopePart } from './naming';
export { CrPolicyRegistry, type RegisteredPolicy } from './policy-registry';
export {
  DEVELOPER_BUILD_ACTIONS,
  DEVELOPER_PUSH_ACTIONS,
  DEVELOPER_READ_PATTERNS,
  DEVELOPER_REPOSITORY_ACTIONS,
  DEVELOPER_TAG_ACTIONS,
} from './presets';
export { type IRamPrincipal, PrincipalType, RamPrincipal } from './principal';
export {
  ResourceGroupScopedCrDeveloper,
  type ResourceGroupScopedCrDeveloperProps,
} from './resource-group-scoped-cr-developer';
export {
  ResourceGroupScopedCrReadOnly,
  type ResourceGroupScopedCrReadOnlyProps,
} from './resource-group-scoped-cr-read-only';
export {
  CrRepositoryGrants,
  type CrRepositoryGrantsProps,
  PULL_ACTIONS,
  PUSH_ACTIONS,
} from './repository-grants';
export {
  CrResourceTarget,
  type CrResourceTargetOptions,
  type ICrEeNamespaceRef,
  type ICrEeRepositoryRef,
} from './resource-target';
export { CrAccessScope } from './scope';
export { CrAccessTeam, type CrAccessTeamPresetProps, type CrAccessTeamProps, CrTeamMembership } from './team';
export type { CrUserOptions } from './user';
