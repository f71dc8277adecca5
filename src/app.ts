/**
 * Composition root: builds storage, the sandbox services (Graph emulator, identity provider)
 * when there is no BOT_ID, the command and action tables, the adapter and the HTTP server.
 */
import { join } from 'node:path';
import { actionTable } from './actions';
import { commandTable } from './commands';
import type { Config } from './config';
import { createLogger, type Logger } from './log';
import type { AppServices } from './services';
import { createConversationStore } from './store/conversationStore';
import { createSqliteStorage } from './store/sqliteStorage';
import { createAdapter } from './teams/adapter';
import { startBotServer } from './teams/server';
import { createTurnHandler } from './teams/turnHandler';

export interface RunningApp {
  botUrl: string;
  graphBaseUrl?: string;
  services: AppServices;
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
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const storage = createSqliteStorage(join(config.dataDir, 'bot.sqlite'));
  const stops: Array<() => Promise<void>> = [() => storage.close()];
  const graphBaseUrl = config.graph.baseUrl;

  const services: AppServices = {
    config,
    logger,
    storage,
    conversations: createConversationStore(storage),
    commands: commandTable,
  };
  const server = await startBotServer({
    host: config.host,
    port: config.port,
    adapter: createAdapter(config, logger),
    handler: createTurnHandler(services, actionTable),
    readiness: [
      { name: 'storage', check: () => storage.ping() },
      ...(graphBaseUrl ? [{ name: 'graph', check: () => reachable(graphBaseUrl) }] : []),
    ],
    logger,
  });
  stops.unshift(() => server.close());

  return {
    botUrl: server.url,
    graphBaseUrl,
    services,
    async stop() {
      for (const stop of stops)
        await stop().catch((err) => logger.error('stop failed', { error: err }));
    },
  };
}
