/**
 * The real app with SSO_MODE=teams (sandbox IdP + Graph emulator, SQLite, CloudAdapter over
 * HTTP, loopback connector). Tests play Teams: they mint SSO tokens from the sandbox IdP and
 * send the invokes Teams sends.
 */
import type { LoopbackConnector } from '../../../src/sandbox/connector';
import type { LocalIdentityProvider } from '../../../src/sandbox/idp';
import { SANDBOX_CLIENT_ID } from '../../../src/sandbox/users';
import type { DurableStorage } from '../../../src/store/storage';
import type { TeamsSso } from '../../../src/teams/sso';
import type { Activity } from '../../support/activities';
import { startTestBot } from '../../support/testBot';

export const APP_ID_URI = `api://botid-${SANDBOX_CLIENT_ID}`;

export interface SsoTestBot {
  idp: LocalIdentityProvider;
  connector: LoopbackConnector;
  storage: DurableStorage;
  sso: TeamsSso;
  logLines: string[];
  send(activity: Activity): Promise<{ status: number; body: unknown }>;
  activity(name: string, overrides?: Activity): Activity;
  stop(): Promise<void>;
}

export async function startSsoTestBot(): Promise<SsoTestBot> {
  const bot = await startTestBot({ SSO_MODE: 'teams' });
  return {
    idp: bot.app.sandbox!.idp,
    connector: bot.connector,
    storage: bot.app.services.storage,
    sso: bot.app.teamsSso!,
    logLines: bot.logLines,
    send: bot.send,
    activity: bot.activity,
    stop: bot.stop,
  };
}
