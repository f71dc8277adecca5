/**
 * `npm start`: loads .env, validates configuration (failing fast with every bad key listed),
 * starts the bot, and in sandbox mode the Graph emulator, identity provider and Agents Playground.
 */
import { startApp } from './app';
import { ConfigError, loadConfig, loadDotEnv } from './config';
import { createLogger } from './log';
import { printBanner } from './sandbox/banner';

async function main(): Promise<void> {
  const started = Date.now();
  loadDotEnv();
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`\nSDS Flow Admin cannot start.\n${err.message}\n\n`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger({ level: config.logLevel });
  const app = await startApp(config, { logger });
  logger.info('started', {
    mode: config.mode,
    botUrl: app.botUrl,
    graph: app.graphBaseUrl,
    startupMs: Date.now() - started,
  });
  if (config.mode === 'sandbox') printBanner(app, config);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    await app.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  process.stderr.write(
    `SDS Flow Admin failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
