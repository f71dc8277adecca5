/**
 * Composition root: builds every service (buildServices.ts), then the command and action
 * tables, the adapter and the HTTP server, and stops them all again on failure or stop().
 */
import { actionTable } from '../actions';
import type { Config } from '../config';
import { createLogger, type Logger } from '../log';
import type { Notifications } from '../notifications';
import type { Approvals } from '../approvals/access';
import { warmUpGraphSchemas } from '../graph/warmUp';
import type { SandboxServices } from '../sandbox/startSandbox';
import type { AppServices } from '../bot/command';
import { createAdapter } from '../teams/adapter';
import type { TeamsSso } from '../teams/sso';
import { startBotServer } from '../teams/server';
import { createTurnHandler } from '../teams/turnHandler';
import { warmUpTemplates } from '../views/render';
import { buildServices, type Stops } from './buildServices';

export interface RunningApp {
  botUrl: string;
  graphBaseUrl: string;
  services: AppServices;
  /** Only in sandbox mode. */
  sandbox?: SandboxServices;
  /** Only when SSO tokens come from Teams (SSO_MODE=teams). */
  teamsSso?: TeamsSso;
  // Notifications: the poller and outbox worker (pollNow/deliverNow for tests and benches).
  notifications: Notifications;
  // Approvals: peer approval's sweep (sweepNow for tests) and approver directory.
  approvals: Approvals;
  stop(): Promise<void>;
}

/** Any HTTP answer (even 401) means Graph is reachable; only a network failure or 5xx is not. */
async function reachable(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { method: 'GET', signal: AbortSignal.timeout(3000) });
    return res.status < 500;
  } catch {
    return false;
  }
}

export async function startApp(
  config: Config,
  options: { logger?: Logger } = {},
): Promise<RunningApp> {
  const logger =
    options.logger ??
    createLogger({ level: config.logLevel }).child({ instance: config.instanceId });
  const stops: Stops = [];
  const stopAll = async () => {
    for (const stop of stops)
      await stop().catch((err) => logger.error('stop failed', { error: err }));
  };
  try {
    const built = await buildServices(config, logger, stops);
    const { services, storage, graphBaseUrl, sandbox, teamsSso, notifications, approvals } = built;
    // Before the server listens (so before /readyz can say ready): the first card is not slow,
    // nor the first parse of a Graph answer (the inbound activity schema warms in teams/server).
    warmUpTemplates();
    warmUpGraphSchemas();
    const server = await startBotServer({
      host: config.host,
      port: config.port,
      adapter: createAdapter(config, logger),
      handler: createTurnHandler(services, actionTable, teamsSso),
      readiness: [
        { name: 'storage', check: () => storage.ping() },
        { name: 'graph', check: () => reachable(graphBaseUrl) },
      ],
      about: { storage: built.storageKind, instance: config.instanceId },
      logger,
    });
    stops.unshift(() => server.close());
    return {
      botUrl: server.url,
      graphBaseUrl,
      services,
      sandbox,
      teamsSso,
      notifications, // Notifications
      approvals, // Approvals
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
