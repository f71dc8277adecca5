/**
 * What every browser end-to-end test needs: the bot in sandbox mode, the Agents Playground in
 * front of it, and Chromium or Chrome driven by playwright-core (found by test/support/browser.ts:
 * CHROMIUM_PATH, else the usual places), kept on loopback. `withEvidence` keeps a screenshot and
 * the logs in test-results/ on failure.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { startApp, type RunningApp } from '../../src/app/startApp';
import { loadConfig } from '../../src/config';
import { createMemoryLogger } from '../../src/log';
import { startPlayground, type RunningPlayground } from '../../src/sandbox/playground';
import { chromiumPath } from '../support/browser';

export const ROOT = join(__dirname, '..', '..');
// As root on a closed network: see the node machine notes (background networking is refused).
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface E2E {
  app: RunningApp;
  playground: RunningPlayground;
  page: Page;
  withEvidence(name: string, step: () => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

export async function startE2E(options: {
  env?: Record<string, string>;
  viewport?: { width: number; height: number };
}): Promise<E2E> {
  const executablePath = chromiumPath(); // throws how to get a browser, before starting anything
  const { logger, lines } = createMemoryLogger('debug');
  const dataDir = mkdtempSync(join(tmpdir(), 'sds-e2e-'));
  let app: RunningApp | undefined;
  let playground: RunningPlayground | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const stop = async () => {
    await browser?.close();
    await playground?.stop();
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const withEvidence = async (name: string, step: () => Promise<void>) => {
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
  };
  try {
    const env = {
      PORT: '0',
      PLAYGROUND: 'false',
      DATA_DIR: dataDir,
      EMULATOR_PORT: '0',
      IDP_PORT: '0',
      ...options.env,
    };
    app = await startApp(loadConfig(env), { logger });
    playground = await startPlayground({
      port: 0,
      botEndpoint: `${app.botUrl}/api/messages`,
      logger,
    });
    browser = await chromium.launch({
      executablePath,
      args: CHROMIUM_ARGS,
      timeout: 30_000,
    });
    page = await browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 900 } });
    // The Playground UI fetches web fonts from a CDN: keep the test on loopback only.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort());
    await page.goto(playground.url, { timeout: 30_000 });
  } catch (err) {
    await withEvidence('e2e-setup', async () => {
      throw err;
    }).catch(() => undefined);
    await stop();
    throw err;
  }
  return { app, playground, page, withEvidence, stop };
}
