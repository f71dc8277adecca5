/**
 * The set-up every SIGKILL restart test shares: the bot is built once (test/support/botProcess.ts),
 * each test gets a fresh loopback connector and DATA_DIR, `start()` starts the built bot as a child
 * process on that DATA_DIR (call it again after a kill to "restart" the same bot), and after each
 * test every process still running is killed and the DATA_DIR removed.
 *
 *   const harness = useRestartHarness({ env: { NOTIFY_POLL_SECONDS: '0.5' }, name: 'notify' });
 *   it('…', async () => {
 *     const first = await harness.start();
 *     await first.kill('SIGKILL');
 *     const second = await harness.start();               // same DATA_DIR, same connector
 *   });
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLoopbackConnector, type LoopbackConnector } from '../../src/sandbox/connector';
import { buildOnce, startBotProcess, type BotProcess } from './botProcess';

export interface RestartHarnessOptions {
  /** The bot's environment, the same for every start. */
  env: Record<string, string>;
  /** Names the temporary DATA_DIR (sds-<name>-restart-…). */
  name: string;
  /** How long the one build may take. */
  buildTimeoutMs?: number;
}

export interface RestartHarness {
  /** This test's loopback connector: it outlives every kill and restart within the test. */
  readonly connector: LoopbackConnector;
  /** This test's DATA_DIR, shared by every process the test starts. */
  readonly dataDir: string;
  /** Starts the built bot on this test's DATA_DIR; it is killed after the test if still running. */
  start(): Promise<BotProcess>;
}

/** Registers the build (beforeAll) and the per-test connector, DATA_DIR and clean-up hooks. */
export function useRestartHarness(options: RestartHarnessOptions): RestartHarness {
  let connector: LoopbackConnector | undefined;
  let dataDir: string | undefined;
  const running: BotProcess[] = [];
  const current = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the restart harness has no ${what} outside a test`);
    return value;
  };

  beforeAll(() => buildOnce(), options.buildTimeoutMs ?? 180_000);
  beforeEach(async () => {
    connector = await startLoopbackConnector();
    dataDir = mkdtempSync(join(tmpdir(), `sds-${options.name}-restart-`));
  });
  afterEach(async () => {
    for (const bot of running.splice(0)) await bot.kill();
    await connector?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    connector = undefined;
    dataDir = undefined;
  });

  return {
    get connector() {
      return current(connector, 'connector');
    },
    get dataDir() {
      return current(dataDir, 'DATA_DIR');
    },
    async start() {
      const bot = await startBotProcess({
        dataDir: current(dataDir, 'DATA_DIR'),
        env: options.env,
      });
      running.push(bot);
      return bot;
    },
  };
}
