/**
 * One team's images on a shared Enterprise Edition instance: the team's namespace, its developers
 * working on that namespace only (in both resource groups the instance's resources are spread over),
 * and a deploy role that may only pull one repository. Each action is granted on the resource RAM
 * authorizes it against (docs/resource-level.md): pull and push on the namespace's repositories,
 * instance reads on the instance, the login token on "*", and at account level whatever resource
 * groups ignore.
 */
import type { Construct } from 'constructs';
import {
  CrAccess,
  CrAccessScope,
  CrAccessTeam,
  CrRepositoryGrants,
  CrResourceTarget,
  RamPrincipal,
} from '../src';
import * as alicloud from '../src/generated/alicloud';
import { LocalBackend, TerraformStack, TerraformVariable } from '../src/core-lib';

export interface TeamImagesStackProps {
  readonly region: string;
  /** The team's name: its namespace, group and resource groups are named after it. */
  readonly team: string;
  /** RAM user names of the team's developers. */
  readonly developers: string[];
}

export class TeamImagesStack extends TerraformStack {
  public constructor(scope: Construct, id: string, props: TeamImagesStackProps) {
    super(scope, id);
    new alicloud.provider.AlicloudProvider(this, 'alicloud', { region: props.region });
    new LocalBackend(this, { path: `terraform.${id}.tfstate` });

    const instanceId = new TerraformVariable(this, 'registry_instance_id', {
      type: 'string',
      description: 'ID (cri-…) of the shared Container Registry Enterprise Edition instance',
    });
    const namespace = new alicloud.crEeNamespace.CrEeNamespace(this, 'Namespace', {
      instanceId: instanceId.stringValue,
      name: props.team,
      autoCreate: false,
      defaultVisibility: 'PRIVATE',
    });
    const groups = ['build', 'run'].map(
      (stage) =>
        new alicloud.resourceManagerResourceGroup.ResourceManagerResourceGroup(this, `Rg-${stage}`, {
          resourceGroupName: `${props.team}-${stage}`,
          displayName: `Team ${props.team}, ${stage} resources`,
        }),
    );

    // The developer preset, on the team's namespace only, in both resource groups.
    new CrAccessTeam(this, 'Developers', {
      groupName: `${props.team}-image-developers`,
      members: [...props.developers].sort(),
      access: CrAccess.developer().onResources(CrResourceTarget.fromNamespace(namespace), {
        name: `${props.team}-images-developer`,
      }),
      scope: CrAccessScope.resourceGroups(groups.map((g) => g.id)),
    });

    // The deploy role pulls the one repository it runs, AWS CDK style.
    const frontend = new alicloud.crEeRepo.CrEeRepo(this, 'Frontend', {
      instanceId: instanceId.stringValue,
      namespace: namespace.name,
      name: 'frontend',
      repoType: 'PRIVATE',
      summary: `The ${props.team} frontend image`,
    });
    const deployer = new alicloud.ramRole.RamRole(this, 'Deployer', {
      roleName: `${props.team}-deployer`,
      assumeRolePolicyDocument: JSON.stringify({
        Version: '1',
        Statement: [
          { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: ['ecs.aliyuncs.com'] } },
        ],
      }),
    });
    new CrRepositoryGrants(this, 'FrontendGrants', {
      target: CrResourceTarget.fromRepository({
        instanceId: frontend.instanceId,
        namespaceName: frontend.namespace,
        name: frontend.name,
      }),
    }).grantPull(RamPrincipal.role(deployer.roleName));
  }
}
