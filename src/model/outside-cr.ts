/**
 * Whether a policy attachment provably grants no Container Registry (`cr:`) action, so the check
 * counts it as outside Container Registry instead of asking about it. Rules:
 *   1. A known document grants no `cr:` action when no Allow statement uses NotAction and no Allow
 *      action's service part (before `:`) can match `cr` (a wildcard service such as `*` or `c*` can).
 *   2. A system policy is outside when its name is one of Alibaba's single-service system policies of
 *      another service listed below: each grants only its own service's actions (RAM documentation,
 *      "System policies", https://www.alibabacloud.com/help/en/ram/developer-reference/system-policies-for-services,
 *      names as listed there; read 2026-12). A system policy not listed stays "not checked".
 */
import type { PolicyDocument } from '../policy';

/** Single-service system policies of other services (rule 2), by exact name. */
const OTHER_SERVICE_SYSTEM_POLICIES = new Set(
  [
    'ECS',
    'OSS',
    'VPC',
    'RDS',
    'SLB',
    'RAM',
    'Log',
    'KMS',
    'DNS',
    'CDN',
    'NAS',
    'FC',
    'MNS',
    'OTS',
    'ESS',
    'EIP',
  ]
    .flatMap((s) => [`Aliyun${s}FullAccess`, `Aliyun${s}ReadOnlyAccess`])
    .concat(['AliyunResourceManagerFullAccess', 'AliyunResourceManagerReadOnlyAccess']),
);

function serviceCanBeCr(action: string): boolean {
  const colon = action.indexOf(':');
  const service = colon < 0 ? action : action.slice(0, colon);
  const glob = new RegExp(
    `^${service
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );
  return glob.test('cr');
}

/** Rule 1. */
export function documentGrantsNoCr(document: PolicyDocument): boolean {
  return document._statements.every(
    (s) => s.effect !== 'Allow' || (!s.notAction && s.actions.every((a) => !serviceCanBeCr(a))),
  );
}

/** Rule 2. */
export function isOtherServiceSystemPolicy(name: string): boolean {
  return OTHER_SERVICE_SYSTEM_POLICIES.has(name);
}
