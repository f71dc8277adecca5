/**
 * Starts the real app (restify + CloudAdapter + SQLite) in sandbox mode on random ports, plus a
 * loopback connector that receives what the bot sends. Tests talk to it over real HTTP.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../../src/app/startApp';
import { loadConfig } from '../../src/config';
import { createMemoryLogger } from '../../src/log';
import { startLoopbackConnector, type LoopbackConnector } from '../../src/sandbox/connector';
import { fixture, type Activity } from './activities';

export interface TestBot {
  app: RunningApp;
  connector: LoopbackConnector;
  logLines: string[];
  dataDir: string;
  /** POSTs an activity to /api/messages; resolves when the turn is over (replies already sent). */
  send(activity: Activity): Promise<{ status: number; body: unknown }>;
  /** Builds a fixture pointed at this bot's connector. */
  activity(name: string, overrides?: Activity): Activity;
  stop(): Promise<void>;
}

export async function startTestBot(
  env: Record<string, string> = {},
  options: { dataDir?: string } = {},
): Promise<TestBot> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sds-bot-'));
  const { logger, lines } = createMemoryLogger('debug');
  const connector = await startLoopbackConnector();
  const config = loadConfig({
    PORT: '0',
    EMULATOR_PORT: '0',
    IDP_PORT: '0',
    PLAYGROUND: 'false',
    DATA_DIR: dataDir,
    SANDBOX_READY_DELAY_MS: '100',
    // No background readiness polling: tests that count Graph requests or inject faults must
    // not race it. Notification tests poll explicitly (app.notifications.pollNow()).
    NOTIFY_POLL_SECONDS: '0',
    // Emulated sync runs on the real 12-hour clock: no run starts or ends by itself during a
    // test (a run ending with warnings would be announced in subscribed channels); tests that
    // need one force it through the emulator's run controls.
    SANDBOX_RUN_INTERVAL_SECONDS: '43200',
    ...env,
  });
  const app = await startApp(config, { logger });
  return {
    app,
    connector,
    logLines: lines,
    dataDir,
    async send(activity) {
      const res = await fetch(`${app.botUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    activity: (name, overrides) => fixture(name, connector.serviceUrl, overrides),
    async stop() {
      await app.stop();
      await connector.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface UseTestBotOptions {
  /** Before each test: the emulator's seed state again ('state'), and also an empty request log ('state+requests'). */
  resetEach?: 'state' | 'state+requests';
  /** Runs once the bot is up (in the same beforeAll), e.g. to choose an approvals channel. */
  setUp?: (bot: TestBot) => Promise<void>;
}

/**
 * The lifecycle most component suites share: a bot started once in beforeAll (with `env`), reset
 * before each test if asked, stopped in afterAll. Call it in a describe (or at the top of a file);
 * it returns a stand-in that forwards to the running bot, to be used as a plain `TestBot` in the
 * suite's tests, hooks and helpers.
 */
export function useTestBot(
  env: Record<string, string> = {},
  options: UseTestBotOptions = {},
): TestBot {
  let running: TestBot | undefined;
  beforeAll(async () => {
    running = await startTestBot(env);
    await options.setUp?.(running);
  });
  if (options.resetEach) {
    beforeEach(() => {
      running!.app.sandbox!.emulator.control.resetState();
      if (options.resetEach === 'state+requests')
        running!.app.sandbox!.emulator.control.clearRequests();
    });
  }
  afterAll(async () => {
    await running?.stop();
    running = undefined;
  });
  return new Proxy({} as TestBot, {
    get(_, property) {
      if (!running)
        throw new Error('the test bot runs only inside the describe block that uses it');
      return Reflect.get(running, property);
    },
  });
}

/** The Adaptive Cards the bot sent (as new messages) to one conversation, in order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function cardsSentTo(connector: LoopbackConnector, conversationId: string): any[] {
  return connector.calls
    .filter((c) => c.method === 'POST' && c.conversationId === conversationId)
    .flatMap((c) => (c.activity?.attachments ?? []).map((a: { content: unknown }) => a.content));
}

/** A markdown-escaped card string as Teams shows it: `\*\*x\*\*` shows `**x**`. */
export const shownText = (text: string): string =>
  text.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/\u200b/g, '');

/**
 * All text (TextBlocks, facts, action titles) of a card as Teams shows it, markdown escapes
 * removed (src/views/markdown.ts), for readable assertions.
 */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (typeof v === 'string' && ['text', 'title', 'value', 'label', 'placeholder'].includes(k))
          out.push(shownText(v));
        else walk(v);
      }
    }
  };
  walk(card);
  return out.join('\n');
}
