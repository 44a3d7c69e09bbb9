/** The example app that cdktf.json runs: `cdktf synth`, or `npm run example` for the same plus a summary. */
import { CrAccessReport } from '../src';
import { App, TerraformStack } from '../src/core-lib';
import { PlatformRegistryStack } from './platform-stack';
import { TeamImagesStack } from './team-images-stack';

export function buildApp(outdir?: string): App {
  const app = new App({ outdir });
  new PlatformRegistryStack(app, 'platform-registry-access', {
    region: 'cn-hangzhou',
    teams: { payments: ['alice', 'bob'], search: ['carol'] },
    auditors: ['dave'],
  });
  new TeamImagesStack(app, 'team-web-images', {
    region: 'cn-hangzhou',
    team: 'web',
    developers: ['erin', 'frank'],
  });
  return app;
}

if (require.main === module) {
  const app = buildApp();
  app.synth();
  if (process.env.CR_ACCESS_SUMMARY === '1') {
    for (const stack of app.node.children.filter(TerraformStack.isStack))
      console.log(CrAccessReport.text(stack));
  }
}
