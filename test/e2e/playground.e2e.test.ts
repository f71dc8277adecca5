/**
 * End to end in a browser: the bot (sandbox mode) behind the Microsoft 365 Agents Playground,
 * driven with playwright-core and Chromium or Chrome (see test/support/browser.ts; without one the
 * suite is skipped, or fails under CI). Avery types "help" in the personal chat and must get the
 * help Adaptive Card.
 * E2E_SCREENSHOT=1 saves docs/playground-help.png (used by the README); a failure saves a
 * screenshot and the logs to test-results/.
 *
 * The Playground's DOM and behaviour are described in test/e2e/playgroundPage.ts.
 */
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../src/app/startApp';
import { join } from 'node:path';
import { describeWithBrowser } from '../support/browser';
import { type E2E, ROOT, startE2E } from './harness';
import { openConversation, sendMessage, untilText, waitForReplyCard } from './playgroundPage';

let e2e: E2E;
let app: RunningApp;
let page: Page;
const withEvidence = (name: string, step: () => Promise<void>) => e2e.withEvidence(name, step);

beforeAll(async () => {
  e2e = await startE2E({ env: {} });
  ({ app, page } = e2e);
  await openConversation(page, 'Personal Chat');
}, 90_000);

afterAll(() => e2e?.stop(), 30_000);

describeWithBrowser('SDS Flow Admin in the Agents Playground', () => {
  it('when Avery types help in the personal chat, then the help Adaptive Card lists the commands', async () => {
    await withEvidence('playground-help', async () => {
      const chat = page!;
      await sendMessage(chat, 'help');
      const card = await waitForReplyCard(chat, { after: 'help', containing: 'SDS Flow Admin' });
      const text = await card.innerText();
      expect(text).toContain('SDS Flow Admin');
      expect(text).toMatch(/\blist\b/);
      expect(text).toMatch(/\bshow\b/);
      if (process.env.E2E_SCREENSHOT === '1') {
        // Tall enough for the whole help card in the chat pane, then back to normal.
        await chat.setViewportSize({ width: 1280, height: 1900 });
        await chat.screenshot({ path: join(ROOT, 'docs', 'playground-help.png') });
        await chat.setViewportSize({ width: 1280, height: 900 });
      }
    });
  }, 60_000);

  it('when Avery lists, opens a set, edits its name and applies, then the card shows the new name', async () => {
    await withEvidence('playground-edit', async () => {
      const chat = page!;
      await sendMessage(chat, 'list');
      const list = await waitForReplyCard(chat, { after: 'list', containing: 'Northwind' });
      // Buttons replace the card in place (Action.Execute): keep following the same card.
      // The Show button that follows the set's name in the list.
      await list
        .locator(
          `xpath=.//*[normalize-space(text())='Northwind High School']/following::button[normalize-space(.)='Show'][1]`,
        )
        .click();
      await untilText(list, 'Created');
      await list.getByRole('button', { name: 'Edit', exact: true }).last().click();
      const name = list.locator('input[type="text"]').first();
      await name.waitFor({ timeout: 20_000 });
      await name.fill('Northwind High School (renamed in e2e)');
      await list.getByRole('button', { name: 'Preview' }).click();
      await untilText(list, '(renamed in e2e)');
      await list.getByRole('button', { name: 'Apply' }).click();
      await untilText(list, 'Apply', { absent: true });
      await untilText(list, 'Northwind High School (renamed in e2e)');
      const stored = await app!.services.graph.forApp().listFlowSets();
      expect(stored.data.map((s) => s.displayName)).toContain(
        'Northwind High School (renamed in e2e)',
      );
    });
  }, 90_000);

  it('when Avery resets a flow with its button, then a preview warns and Apply leaves it not ready', async () => {
    await withEvidence('playground-reset', async () => {
      const chat = page!;
      await sendMessage(chat, 'show northwind');
      const card = await waitForReplyCard(chat, { after: 'show northwind', containing: 'Reset' });
      await card.getByRole('button', { name: 'Reset', exact: true }).first().click();
      await untilText(card, 'Apply');
      await untilText(card, /reprocess/i);
      await card.getByRole('button', { name: 'Apply' }).click();
      await untilText(card, /not ready/i);
      const writes = app!.sandbox!.emulator.requests.filter((r) => r.path.endsWith('/reset'));
      expect(writes).toHaveLength(1);
    });
  }, 90_000);
});
