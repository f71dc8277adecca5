/**
 * The walkthrough in docs/walkthrough.md, played in the Agents Playground (harness.ts): help,
 * list, a set, its edit form, the preview, the applied result and the history, each asserted to
 * render. WALKTHROUGH_SCREENSHOTS=1 also saves each card, cropped to the card, as
 * docs/walkthrough/<step>.png (`npm run`-free: `WALKTHROUGH_SCREENSHOTS=1 npx jest test/e2e/walkthrough`).
 * Skipped without a browser like the other browser suites (test/support/browser.ts).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describeWithBrowser } from '../support/browser';
import { type E2E, ROOT, startE2E } from './harness';
import { openConversation, sendMessage, untilText, waitForReplyCard } from './playgroundPage';

const SHOTS = process.env.WALKTHROUGH_SCREENSHOTS === '1';
const DIR = join(ROOT, 'docs', 'walkthrough');

describeWithBrowser('the walkthrough of the main cards (docs/walkthrough.md)', () => {
  let e2e: E2E;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2E({ env: {} });
    page = e2e.page;
    await openConversation(page, 'Personal Chat');
    // Tall enough that a whole card fits in the chat pane.
    await page.setViewportSize({ width: 1280, height: 1900 });
    if (SHOTS) mkdirSync(DIR, { recursive: true });
  }, 90_000);

  afterAll(() => e2e?.stop(), 30_000);

  /** Asserts the card shows `text`; with WALKTHROUGH_SCREENSHOTS=1 saves it, cropped to the card. */
  async function step(name: string, card: Locator, text: string | RegExp): Promise<void> {
    await untilText(card, text);
    if (SHOTS) {
      await card.scrollIntoViewIfNeeded();
      await page.waitForTimeout(300); // let images and fonts settle
      await card.screenshot({ path: join(DIR, `${name}.png`) });
    }
  }

  it('when Avery goes from help to an applied rename and its history, then every card renders', async () => {
    await e2e.withEvidence('walkthrough', async () => {
      await sendMessage(page, 'help');
      const help = await waitForReplyCard(page, { after: 'help', containing: 'SDS Flow Admin' });
      await step('1-help', help, /\blist\b/);

      await sendMessage(page, 'list');
      const list = await waitForReplyCard(page, { after: 'list', containing: 'Northwind' });
      await step('2-list', list, 'Northwind High School');

      await sendMessage(page, 'show northwind');
      const set = await waitForReplyCard(page, {
        after: 'show northwind',
        containing: 'Northwind',
      });
      await step('3-show', set, 'Created');

      await set.getByRole('button', { name: 'Edit', exact: true }).last().click();
      const name = set.locator('input[type="text"]').first();
      await name.waitFor({ timeout: 20_000 });
      await name.fill('Northwind High School (2027)');
      await step('4-edit-form', set, 'Preview');

      await set.getByRole('button', { name: 'Preview' }).click();
      await untilText(set, 'Apply');
      await step('5-preview', set, 'Northwind High School (2027)');

      await set.getByRole('button', { name: 'Apply' }).click();
      await untilText(set, 'Apply', { absent: true });
      await step('6-applied', set, /Applied/);

      await sendMessage(page, 'history');
      const history = await waitForReplyCard(page, { after: 'history', containing: 'history' });
      await history.getByRole('button', { name: 'Details' }).first().click();
      await step('7-history', history, /UTC · ✓ Applied/);
    });
  }, 180_000);
});
