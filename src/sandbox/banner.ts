/** The loud start-up banner of sandbox mode: nobody should mistake the emulator for a tenant. */
import type { Config } from '../config';

export type BannerApp = {
  botUrl: string;
  graphBaseUrl: string;
  playgroundUrl?: string;
  idpUrl?: string;
};

/**
 * The port `npm run token` must ask (scripts/sandbox-token.mjs reads IDP_PORT, default 3980):
 * the port the identity provider really listens on, else the configured IDP_PORT.
 */
function idpPortOf(app: BannerApp, config: Config): number {
  const listening = app.idpUrl ? Number(new URL(app.idpUrl).port) : NaN;
  return Number.isInteger(listening) && listening > 0 ? listening : config.sandbox.idpPort;
}

export function bannerText(app: BannerApp, config: Config): string {
  const line = '='.repeat(78);
  const tokenCommand = `IDP_PORT=${idpPortOf(app, config)} npm run -s token -- avery`;
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
    `  Curl the emulator   TOKEN=$(${tokenCommand}); curl -H "Authorization: Bearer $TOKEN" ${app.graphBaseUrl ?? ''}/external/industryData/outboundProvisioningFlowSets`,
    line,
  ];
  return '\n' + rows.join('\n') + '\n\n';
}

export function printBanner(app: BannerApp, config: Config): void {
  process.stdout.write(bannerText(app, config));
}
