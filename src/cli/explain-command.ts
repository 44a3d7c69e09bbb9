/**
 * `explain <subject>`: the subject is a file when one exists at that path, else a Container Registry
 * action or pattern (`cr:GetRepositoryTag`, `cr:Get*`), else a system policy name whose document the
 * library knows. Anything else is an input error that says which of the three it tried.
 */
import * as fs from 'node:fs';
import { CrCatalog } from '../policy/catalog/catalog';
import { SystemPolicy } from '../policy/catalog/system-policies';
import { nameComparisonKey, POLICY_NAME_CASE } from '../policy/name-case';
import { patternService, PatternService } from '../policy/patterns';
import { didYouMean } from '../policy/suggest';
import { explainActionJson, explainActionTable, explainActions } from './explain-action';
import { explainDocument, explainFile, explainJson, explainTable, grantsNoCrAction } from './explain';
import { InputError } from './input-error';
import { ExitCode, type Io, type Parsed } from './main';

const KNOWN_SYSTEM_POLICIES = [
  SystemPolicy.CONTAINER_REGISTRY_FULL_ACCESS,
  SystemPolicy.CONTAINER_REGISTRY_READ_ONLY_ACCESS,
];

/** The system policy `name` names: RAM compares policy names without regard to case (name-case.ts). */
function systemPolicy(name: string): SystemPolicy | undefined {
  const key = nameComparisonKey(name, POLICY_NAME_CASE);
  return KNOWN_SYSTEM_POLICIES.find((p) => nameComparisonKey(p.policyName, POLICY_NAME_CASE) === key);
}

function exists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

export function explainCommand(args: Parsed, io: Io): ExitCode {
  const subject = args.paths[0];
  const json = args.format === 'json';
  if (exists(subject)) {
    const split = explainFile(subject);
    if (grantsNoCrAction(split)) {
      io.out(
        json
          ? explainJson(split)
          : `${subject}: grants no Container Registry (cr:) action, so resource-group scope loses nothing here and there is nothing to split (this tool decides resource-group support for cr: actions only).\n`,
      );
      return ExitCode.OK;
    }
    io.out(json ? explainJson(split) : explainTable(split));
    return ExitCode.OK;
  }
  if (subject.includes(':')) {
    if (patternService(subject) === PatternService.OTHER) {
      throw new InputError(
        subject,
        'no such file, and an action of another service: explain describes Container Registry actions (cr:Name)',
      );
    }
    const actions = explainActions(subject, CrCatalog.bundled());
    io.out(json ? explainActionJson(subject, actions) : explainActionTable(subject, actions));
    return ExitCode.OK;
  }
  const policy = systemPolicy(subject);
  if (policy !== undefined) {
    const split = explainDocument(policy.document);
    const header = `${policy.policyName} (system policy): ${policy.description}\n\n`;
    io.out(json ? explainJson(split, policy.policyName) : `${header}${explainTable(split)}`);
    return ExitCode.OK;
  }
  throw new InputError(
    subject,
    `no such file, and neither a Container Registry action (cr:Name) nor a system policy this tool knows (${KNOWN_SYSTEM_POLICIES.map((p) => p.policyName).join(', ')}).${didYouMean(
      subject,
      KNOWN_SYSTEM_POLICIES.map((p) => p.policyName),
    )}`,
  );
}
