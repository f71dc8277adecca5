/**
 * `npm start`: loads .env, validates configuration (failing fast with every bad key listed),
 * starts the bot, and in sandbox mode the Graph emulator, identity provider and Agents Playground.
 */
import { printBanner, startPlayground } from './app/sandboxConsole';
import { startApp } from './app/startApp';
import { ConfigError, loadConfig, loadDotEnv, type Config } from './config';
import { createLogger, type Logger } from './log';
import { startTelemetry } from './telemetry/setup';

function configOrExit(): Config {
  try {
    loadDotEnv();
    return loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`\nSDS Flow Admin cannot start.\n${err.message}\n\n`);
      process.exit(2);
    }
    throw err;
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const config = configOrExit();
  // Readable lines for a person watching `npm start` of the sandbox; JSON for log pipelines.
  const format =
    config.logFormat ?? (config.mode === 'sandbox' && process.stdout.isTTY ? 'pretty' : 'json');
  // Every line names this instance: with several instances behind a load balancer, a log
  // line must say which one wrote it.
  const logger = createLogger({ level: config.logLevel, format }).child({
    instance: config.instanceId,
  });
  const stops: Array<() => Promise<void>> = [];

  // Signal handlers come first: a SIGTERM that lands while we are still starting must still
  // stop whatever has started, once it has (the platform may stop us at any moment).
  let starting: Promise<unknown> = Promise.resolve();
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    await starting.catch(() => undefined);
    for (const stop of stops)
      await stop().catch((err: unknown) => logger.error('stop failed', { error: err }));
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  starting = startEverything(config, logger, stops, started);
  await starting;
}

async function startEverything(
  config: Config,
  logger: Logger,
  stops: Array<() => Promise<void>>,
  started: number,
): Promise<void> {
  // Before the app: its first spans and instruments must find the providers registered.
  const telemetry = await startTelemetry(config.telemetry);
  if (telemetry) {
    stops.push(() => telemetry.stop()); // last: flushes what the stopping app recorded
    logger.info('telemetry on', {
      azureMonitor: Boolean(config.telemetry.appInsightsConnectionString),
      otlp: Boolean(config.telemetry.otlpEndpoint),
    });
  }
  const app = await startApp(config, { logger });
  stops.unshift(() => app.stop());
  let playgroundUrl: string | undefined;
  if (config.mode === 'sandbox' && config.sandbox.playground) {
    const playground = await startPlayground({
      port: config.sandbox.playgroundPort,
      botEndpoint: `${app.botUrl}/api/messages`,
      logger,
    });
    playgroundUrl = playground.url;
    stops.unshift(() => playground.stop());
  }
  const startupMs = Date.now() - started;
  logger.info('started', {
    mode: config.mode,
    botUrl: app.botUrl,
    graph: app.graphBaseUrl,
    playgroundUrl,
    startupMs,
  });
  if (config.mode === 'sandbox') {
    printBanner({ ...app, playgroundUrl, idpUrl: app.sandbox?.idp.issuerBaseUrl }, config);
  }
}

main().catch((err) => {
  process.stderr.write(
    `SDS Flow Admin failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
