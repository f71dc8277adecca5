/** The loud start-up banner of sandbox mode: nobody should mistake the emulator for a tenant. */
import type { RunningApp } from '../app';
import type { Config } from '../config';

export function printBanner(
  app: RunningApp & { playgroundUrl?: string; idpUrl?: string },
  config: Config,
): void {
  const line = '='.repeat(78);
  const rows = [
    line,
    '  SANDBOX MODE: no BOT_ID is set.',
    '  Every change goes to the LOCAL GRAPH EMULATOR, not to a Microsoft 365 tenant.',
    line,
    `  Bot endpoint        ${app.botUrl}/api/messages`,
    `  Graph emulator      ${app.graphBaseUrl ?? '(not started)'}`,
    ...(app.idpUrl ? [`  Identity provider   ${app.idpUrl}`] : []),
    ...(app.playgroundUrl
      ? [`  Agents Playground   ${app.playgroundUrl}   <- open this in your browser`]
      : []),
    ...(config.sandbox.playground ? [] : ['  Agents Playground   not started (PLAYGROUND=false)']),
    `  Curl the emulator   TOKEN=$(npm run -s token -- avery); curl -H "Authorization: Bearer $TOKEN" ${app.graphBaseUrl ?? ''}/external/industryData/outboundProvisioningFlowSets`,
    line,
  ];
  process.stdout.write('\n' + rows.join('\n') + '\n\n');
}
