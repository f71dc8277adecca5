/**
 * Readiness notifications end to end in a browser: the bot (sandbox mode) behind the Microsoft 365
 * Agents Playground. Avery @mentions the bot with "notify here" in the team's "SDS Approvals"
 * channel (not General), a flow is forced to failed through the emulator control, the bot polls,
 * and the notification card must appear in that channel, posted through the Playground's mocked
 * Bot Connector (docs/teams-notes.md#agents-playground) with the stored conversation reference.
 * A failure saves a screenshot and the logs to test-results/.
 */
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../src/app/startApp';
import { join } from 'node:path';
import { SEED_IDS } from '../../src/sandbox/emulator';
import { describeWithBrowser } from '../support/browser';
import { type E2E, ROOT, startE2E } from './harness';
import { openConversation, sendMessage } from './playgroundPage';

const CHANNEL = 'Contoso District IT - SDS Approvals';
/** The channel's id in .m365agentsplayground.yml. */
const CHANNEL_ID = '19:sandbox-sds-approvals@thread.tacv2';

let e2e: E2E;
let app: RunningApp;
let page: Page;
const withEvidence = (name: string, step: () => Promise<void>) => e2e.withEvidence(name, step);

beforeAll(async () => {
  e2e = await startE2E({ env: { NOTIFY_POLL_SECONDS: '0', SANDBOX_READY_DELAY_MS: '3600000' } });
  ({ app, page } = e2e);
}, 90_000);

afterAll(() => e2e?.stop(), 30_000);

describeWithBrowser('readiness notifications in the Agents Playground', () => {
  it('when Avery says notify here in SDS Approvals and a flow fails, then the card appears in that channel', async () => {
    await withEvidence('notifications-e2e', async () => {
      const channel = page!;
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
