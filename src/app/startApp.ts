/**
 * Composition root: builds every service (buildServices.ts), then the command and action
 * tables, the adapter and the HTTP server, and stops them all again on failure or stop().
 */
import { actionTable } from '../actions';
import type { Config } from '../config';
import { createLogger, type Logger } from '../log';
import type { Notifications } from '../notifications';
import type { Approvals } from '../approvals/access';
import { graphReachable } from '../graph/reachable';
import { warmUpGraphSchemas } from '../graph/warmUp';
import type { SandboxServices } from '../sandbox/startSandbox';
import type { AppServices } from '../bot/command';
import { warmUpConversationRecord } from '../store/conversationStore';
import { createAdapter } from '../teams/adapter';
import type { TeamsSso } from '../teams/sso';
import { startBotServer } from '../teams/server';
import { createTurnHandler, type TurnHandler } from '../teams/turnHandler';
import { FIRST_TEMPLATES, warmUpOtherTemplatesLater, warmUpTemplates } from '../views/render';
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

/** The turn handler, counting the turns that are running (the late warm-up waits for none). */
function countingTurns(inner: TurnHandler) {
  const turns = {
    running: 0,
    handler: (async (ctx) => {
      turns.running++;
      try {
        await inner(ctx);
      } finally {
        turns.running--;
      }
    }) as TurnHandler,
  };
  return turns;
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
    // Before the server listens (so before /readyz can say ready): the first card of the usual
    // first commands is not slow, nor the first parse of a Graph answer or of the conversation
    // record a first turn stores (the inbound activity schema warms in teams/server). The other
    // cards are warmed right after (render.ts).
    warmUpTemplates(FIRST_TEMPLATES);
    warmUpGraphSchemas();
    warmUpConversationRecord();
    const turns = countingTurns(createTurnHandler(services, actionTable, teamsSso));
    const server = await startBotServer({
      host: config.host,
      port: config.port,
      adapter: createAdapter(config, logger),
      handler: turns.handler,
      readiness: [
        { name: 'storage', check: () => storage.ping() },
        { name: 'graph', check: () => graphReachable(graphBaseUrl) },
      ],
      about: { storage: built.storageKind, instance: config.instanceId },
      logger,
    });
    stops.unshift(() => server.close());
    const stopWarmUp = warmUpOtherTemplatesLater(() => turns.running > 0);
    stops.unshift(async () => stopWarmUp());
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
