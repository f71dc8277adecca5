/**
 * A change made outside the bot, end to end in a browser: the bot (sandbox mode) behind the
 * Microsoft 365 Agents Playground. Avery subscribes the team's "SDS Approvals" channel, the user
 * flow of Northwind is PATCHed directly against the Graph emulator (as the SDS portal would), the
 * bot polls, and the "Changed outside the bot" card must appear in that channel; Revert opens the
 * ordinary preview below it, and Apply there restores the value (Applied). A failure saves a
 * screenshot and the logs to test-results/.
 */
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../src/app/startApp';
import { SEED_IDS } from '../../src/sandbox/emulator';
import { SANDBOX_USERS } from '../../src/sandbox/users';
import { describeWithBrowser } from '../support/browser';
import { type E2E, startE2E } from './harness';
import { openConversation, sendMessage, untilText } from './playgroundPage';

const CHANNEL = 'Contoso District IT - SDS Approvals';

let e2e: E2E;
let app: RunningApp;
let page: Page;

beforeAll(async () => {
  e2e = await startE2E({ env: { NOTIFY_POLL_SECONDS: '0', SANDBOX_READY_DELAY_MS: '3600000' } });
  ({ app, page } = e2e);
}, 90_000);

afterAll(() => e2e?.stop(), 30_000);

/** Graph as Avery, straight to the emulator: not through the bot's preview and Apply. */
const outside = () => {
  const avery = SANDBOX_USERS.find((u) => u.name === 'Avery Admin')!;
  return app.services.graph.forUser({
    user: { aadObjectId: avery.aadObjectId, name: avery.name },
    conversation: { id: 'outside-the-bot', type: 'personal' },
  });
};

describeWithBrowser('changes made outside the bot in the Agents Playground', () => {
  it('when a flow is changed outside the bot, then the card appears in the channel, and Revert → Apply puts the value back', async () => {
    await e2e.withEvidence('drift-e2e', async () => {
      await openConversation(page, CHANNEL);
      await sendMessage(page, 'notify here only drift', { mention: true, thread: 'new' });
      await page
        .getByText(/Notifications on: I will post changes made outside the bot/)
        .first()
        .waitFor({ timeout: 20_000 });
      expect((await app.notifications.pollNow()).kind).toBe('done'); // the baseline

      await outside().updateFlow(SEED_IDS.northwind, SEED_IDS.northwindUser, {
        kind: 'user',
        createUnmatchedUsers: true,
        managementOptions: {
          additionalAttributes: ['userGradeLevel'],
          additionalOptions: { allowStudentContactAssociation: false, studentAgeGroup: 'notAdult' },
        },
      });
      expect(await app.notifications.pollNow()).toMatchObject({ kind: 'done', deliveries: 1 });
      await app.notifications.deliverNow();

      const drift = page
        .locator('.ac-adaptiveCard')
        .filter({ hasText: 'Northwind High School · Users flow settings changed' })
        .first();
      await drift.waitFor({ state: 'visible', timeout: 20_000 });
      expect(await drift.innerText()).toMatch(/Create unmatched users/);

      await drift.getByRole('button', { name: 'Revert', exact: true }).click();
      await untilText(drift, /Revert proposed by Avery Admin/);
      const preview = page
        .locator('.ac-adaptiveCard')
        .filter({ hasText: 'Revert of the change made outside the bot' })
        .last();
      await preview.waitFor({ state: 'visible', timeout: 20_000 });
      await preview.getByRole('button', { name: 'Apply', exact: true }).click();
      // The preview is replaced in place by the result, which no longer says "Revert of…".
      await page
        .locator('.ac-adaptiveCard')
        .filter({ hasText: '✓ Applied' })
        .filter({ hasText: 'Change the user flow of "Northwind High School"' })
        .last()
        .waitFor({ state: 'visible', timeout: 20_000 });

      const flow = await outside().getFlow(SEED_IDS.northwind, SEED_IDS.northwindUser);
      expect(flow.data).toMatchObject({ createUnmatchedUsers: false });
    });
  }, 120_000);
});
