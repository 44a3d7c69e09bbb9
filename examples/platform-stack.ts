/**
 * A platform team's registry access stack: who may pull, push and manage images, scoped to the
 * teams' resource groups wherever Container Registry allows it.
 */
import type { Construct } from 'constructs';
import {
  CrAccess,
  CrAccessGrant,
  CrAccessScope,
  CrAccessTeam,
  CrReadOnlyUser,
  PolicyDocument,
  PolicyStatement,
  RamPrincipal,
  ResourceGroupScopedCrDeveloper,
} from '../src';
import * as alicloud from '../src/generated/alicloud';
import { LocalBackend, TerraformOutput, TerraformStack, TerraformVariable } from '../src/core-lib';

export interface PlatformRegistryStackProps {
  /** Region of the registry instances. */
  readonly region: string;
  /** Developers per team (team name → RAM user names). */
  readonly teams: { [team: string]: string[] };
  /** RAM user names of the auditors, who read across every team's group. */
  readonly auditors: string[];
}

export class PlatformRegistryStack extends TerraformStack {
  public constructor(scope: Construct, id: string, props: PlatformRegistryStackProps) {
    super(scope, id);
    new alicloud.provider.AlicloudProvider(this, 'alicloud', { region: props.region });
    // A relative path keeps cdk.tf.json identical on every machine; real pipelines use an OSS backend.
    new LocalBackend(this, { path: `terraform.${id}.tfstate` });

    // CI pulls images from every instance: account scope, Alibaba's read-only system policy.
    const ciPuller = new CrReadOnlyUser(this, 'CiPuller', {
      userName: 'ci-image-puller',
      displayName: 'CI image puller',
    });
    // Its access key secret is encrypted for the CI system's PGP key, so neither the state nor the
    // outputs hold it in clear text; the CI system decrypts it once and stores it as a secret.
    const ciPgpKey = new TerraformVariable(this, 'ci_pgp_public_key', {
      type: 'string',
      description: 'Base64-encoded PGP public key that the CI access key secret is encrypted for',
    });
    const ciKey = new alicloud.ramAccessKey.RamAccessKey(this, 'CiPullerKey', {
      userName: ciPuller.userName,
      pgpKey: ciPgpKey.stringValue,
    });
    new TerraformOutput(this, 'ci_access_key_id', { value: ciKey.id });
    new TerraformOutput(this, 'ci_access_key_encrypted_secret', { value: ciKey.encryptedSecret });

    // One resource group per team; each team's developers work only there.
    const teams = Object.keys(props.teams).sort();
    const groups = teams.map(
      (team) =>
        new alicloud.resourceManagerResourceGroup.ResourceManagerResourceGroup(this, `Rg-${team}`, {
          resourceGroupName: `registry-${team}`,
          displayName: `Container images of team ${team}`,
        }),
    );
    teams.forEach((team, i) => {
      for (const userName of [...props.teams[team]].sort()) {
        new ResourceGroupScopedCrDeveloper(this, `Dev-${userName}`, {
          userName,
          resourceGroupIds: [groups[i].id],
        });
      }
    });

    // Auditors read across every team's group, as one team: the group holds the grant, so an auditor
    // joining or leaving changes one membership and no policy attachment.
    const auditors = [...props.auditors]
      .sort()
      .map((name) => new alicloud.ramUser.RamUser(this, `Auditor-${name}`, { name }));
    CrAccessTeam.readers(this, 'Readers', {
      groupName: 'registry-readers',
      members: auditors.map((a) => a.name),
      scope: CrAccessScope.resourceGroups(groups.map((g) => g.id)),
    });

    // The image build service assumes a role that pulls base images and pushes results, in every group.
    const builder = new alicloud.ramRole.RamRole(this, 'Builder', {
      roleName: 'image-builder',
      assumeRolePolicyDocument: JSON.stringify({
        Version: '1',
        Statement: [
          { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: ['ecs.aliyuncs.com'] } },
        ],
      }),
      description: 'Assumed by the image build service',
    });
    new CrAccessGrant(this, 'BuilderAccess', {
      principal: RamPrincipal.role(builder.roleName),
      access: CrAccess.custom(
        PolicyDocument.of([
          PolicyStatement.allow([
            'cr:GetAuthorizationToken',
            'cr:GetRepository',
            'cr:ListRepositoryTag',
            'cr:PullRepository',
            'cr:PushRepository',
          ]),
        ]),
        // Named, so a later change of the document updates its policies in place.
        { name: 'image-builder' },
      ),
      scope: CrAccessScope.resourceGroups(groups.map((g) => g.id)),
    });
  }
}
