/**
 * Readiness notifications end to end in a browser: the bot (sandbox mode) behind the Microsoft 365
 * Agents Playground. Avery @mentions the bot with "notify here" in the team's "SDS Approvals"
 * channel (not General), a flow is forced to failed through the emulator control, the bot polls,
 * and the notification card must appear in that channel, posted through the Playground's mocked
 * Bot Connector (teams-platform.md §6.1) with the stored conversation reference.
 * A failure saves a screenshot and the logs to test-results/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { startApp, type RunningApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createMemoryLogger } from '../../src/log';
import { SEED_IDS } from '../../src/sandbox/emulator';
import { startPlayground, type RunningPlayground } from '../../src/sandbox/playground';
import { openConversation, sendMessage } from './playgroundPage';

const ROOT = join(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHANNEL = 'Contoso District IT - SDS Approvals';
/** The channel's id in .m365agentsplayground.yml. */
const CHANNEL_ID = '19:sandbox-sds-approvals@thread.tacv2';

const { logger, lines } = createMemoryLogger('debug');
let dataDir: string | undefined;
let app: RunningApp | undefined;
let playground: RunningPlayground | undefined;
let browser: Browser | undefined;
let page: Page | undefined;

async function startEverything(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH.`,
    );
  }
  dataDir = mkdtempSync(join(tmpdir(), 'sds-e2e-notify-'));
  app = await startApp(
    loadConfig({
      PORT: '0',
      PLAYGROUND: 'false',
      DATA_DIR: dataDir,
      EMULATOR_PORT: '0',
      IDP_PORT: '0',
      // Polls happen when the test says so; seeded notReady flows stay notReady.
      NOTIFY_POLL_SECONDS: '0',
      SANDBOX_READY_DELAY_MS: '3600000',
    }),
    { logger },
  );
  playground = await startPlayground({
    port: 0,
    botEndpoint: `${app.botUrl}/api/messages`,
    logger,
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      '--disable-quic',
    ],
    timeout: 30_000,
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // The Playground UI fetches web fonts from a CDN: keep the test on loopback only.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort());
}

async function withEvidence(name: string, step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (err) {
    const dir = join(ROOT, 'test-results');
    mkdirSync(dir, { recursive: true });
    await page
      ?.screenshot({ path: join(dir, `${name}.png`), fullPage: true })
      .catch(() => undefined);
    writeFileSync(join(dir, `${name}.log`), lines.join('\n'));
    throw err;
  }
}

beforeAll(() => withEvidence('notifications-e2e-setup', startEverything), 90_000);

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
  await app?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

describe('readiness notifications in the Agents Playground', () => {
  it('when Avery says notify here in SDS Approvals and a flow fails, then the card appears in that channel', async () => {
    await withEvidence('notifications-e2e', async () => {
      const channel = page!;
      await channel.goto(playground!.url, { timeout: 30_000 });
      await openConversation(channel, CHANNEL);
      await sendMessage(channel, 'notify here', { mention: true, thread: 'new' });
      await channel
        .getByText(/Notifications on: I will post readiness changes/)
        .first()
        .waitFor({ timeout: 20_000 });
      const subscription = await app!.notifications.subscriptions.get(CHANNEL_ID);
      expect(subscription?.reference.serviceUrl).toMatch(/\/_connector\/?$/);

      expect((await app!.notifications.pollNow()).kind).toBe('done'); // the baseline
      app!.sandbox!.emulator.control.setReadiness(SEED_IDS.northwindUser, 'failed');
      const poll = await app!.notifications.pollNow();
      expect(poll).toMatchObject({ kind: 'done', deliveries: 1 });
      await app!.notifications.deliverNow();
      const [delivery] = await app!.notifications.outbox.list();
      expect(delivery?.value).toMatchObject({ state: 'sent', conversationKey: CHANNEL_ID });

      const card = channel
        .locator('.ac-adaptiveCard')
        .filter({ hasText: 'Northwind High School · Users ✗ failed' });
      await card.first().waitFor({ state: 'visible', timeout: 20_000 });
      const text = await card.first().innerText();
      expect(text).toMatch(/not ready → ✗ failed/);
      expect(text).toContain('Mute this set here');
      if (process.env.E2E_SCREENSHOT === '1') {
        await channel.screenshot({ path: join(ROOT, 'docs', 'playground-notification.png') });
      }
    });
  }, 90_000);
});
