/**
 * Issue 16 in a browser: Avery types "runs" in the Agents Playground's personal chat and the runs
 * card renders — with the line chart, or, where the Playground does not draw Teams charts, its
 * FactSet fallback with the same numbers. Skipped without a browser (test/support/browser.ts).
 */
import type { Page } from 'playwright-core';
import { describeWithBrowser } from '../support/browser';
import { type E2E, startE2E } from './harness';
import { openConversation, sendMessage, waitForReplyCard } from './playgroundPage';

let e2e: E2E;
let page: Page;

beforeAll(async () => {
  e2e = await startE2E({ env: {} });
  ({ page } = e2e);
  await openConversation(page, 'Personal Chat');
}, 90_000);

afterAll(() => e2e?.stop(), 30_000);

describeWithBrowser('sync runs in the Agents Playground', () => {
  it('when Avery types runs, then the runs card shows the runs, their status and the error trend', async () => {
    await e2e.withEvidence('playground-runs', async () => {
      await sendMessage(page, 'runs');
      const card = await waitForReplyCard(page, {
        after: 'runs',
        containing: 'School Data Sync runs',
      });
      const text = await card.innerText();
      expect(text).toContain('School Data Sync runs');
      expect(text).toMatch(/failed/);
      expect(text).toMatch(/completed with (errors|warnings)/);
      // Drawn as a chart, or its fallback: one "n errors, m warnings" fact per run.
      const chart = await card.locator('svg, canvas').count();
      if (!chart) expect(text).toMatch(/\d+ errors, \d+ warnings/);
      expect(await card.getByRole('button', { name: 'Latest run' }).count()).toBe(1);
    });
  }, 60_000);
});
