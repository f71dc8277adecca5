/**
 * Peer approval end to end in a browser: the bot (sandbox mode, APPROVAL_POLICY=peer, approvers
 * = the sandbox group "SDS Approvers", i.e. Blake) behind the Microsoft 365 Agents Playground.
 * Avery (the Playground's user) may not choose the approvals channel (she is no approver); Blake
 * makes "SDS Approvals" the approvals channel; Avery previews a delete in her 1:1 chat and
 * requests approval with a reason; the request card appears in the channel, naming who chose it.
 * The Playground has no user switcher, so Blake's message and his Approve click on that channel
 * card are sent as his own activities through the Playground (POST
 * /_internal/v1/customActivities), the way Teams would send them; the bot answers through the
 * Playground's mocked connector. Both copies, Avery's and the channel's, must then show the final
 * state without buttons, and Graph must have been written once, with Blake's token. Avery's own Approve click in the channel is refused first.
 * A failure saves a screenshot and the logs to test-results/.
 */
import type { Locator, Page } from 'playwright-core';
import type { RunningApp } from '../../src/app/startApp';
import type { RunningPlayground } from '../../src/sandbox/playground';
import { approvalStores } from '../../src/approvals/stores';
import { SEED_IDS } from '../../src/sandbox/emulator';
import { SANDBOX_TENANT_ID, SANDBOX_USERS } from '../../src/sandbox/users';
import { describeWithBrowser } from '../support/browser';
import { PEER_ENV } from '../support/peerApprovalHarness';
import { type E2E, startE2E } from './harness';
import { openConversation, sendMessage, untilText, waitForReplyCard } from './playgroundPage';

const CHANNEL = 'Contoso District IT - SDS Approvals';
/** From .m365agentsplayground.yml. */
const CHANNEL_ID = '19:sandbox-sds-approvals@thread.tacv2';
const TEAM_ID = '19:sandbox-general-channel@thread.tacv2';
const BOT = { id: '28:0b0b0b0b-1c1c-4d2d-8e3e-4f4f4f4f4f4f', name: 'SDS Flow Admin' };
const BLAKE = {
  id: '29:sandbox-blake',
  name: SANDBOX_USERS[1]!.name,
  aadObjectId: SANDBOX_USERS[1]!.aadObjectId,
};

let e2e: E2E;
let app: RunningApp;
let playground: RunningPlayground;
let page: Page;
const withEvidence = (name: string, step: () => Promise<void>) => e2e.withEvidence(name, step);

beforeAll(async () => {
  e2e = await startE2E({
    env: {
      NOTIFY_POLL_SECONDS: '0',
      ...PEER_ENV,
    },
    viewport: { width: 1280, height: 1000 },
  });
  ({ app, playground, page } = e2e);
}, 90_000);

afterAll(() => e2e?.stop(), 30_000);

/** An activity from Blake in the approvals channel, sent through the Playground. */
async function sendAsBlake(replyToId: string, fields: Record<string, unknown>): Promise<void> {
  const activity = {
    ...fields,
    id: `e2e-${Date.now()}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: `${playground!.url}/_connector`,
    from: BLAKE,
    recipient: BOT,
    conversation: {
      id: `${CHANNEL_ID};messageid=${replyToId}`,
      conversationType: 'channel',
      isGroup: true,
      tenantId: SANDBOX_TENANT_ID,
    },
    replyToId,
    channelData: {
      tenant: { id: SANDBOX_TENANT_ID },
      team: { id: TEAM_ID, name: 'Contoso District IT' },
      channel: { id: CHANNEL_ID, name: 'SDS Approvals' },
    },
  };
  const res = await fetch(`${playground!.url}/_internal/v1/customActivities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  expect(res.status).toBe(200);
}

/** Blake clicks a button of the channel's request card: his invoke. */
const clickAsBlake = (verb: string, data: unknown, replyToId: string) =>
  sendAsBlake(replyToId, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });

/** Blake @mentions the bot in a new thread of the channel. */
const sayAsBlake = (text: string) => {
  const mention = `<at>${BOT.name}</at>`;
  return sendAsBlake(`${Date.now()}`, {
    type: 'message',
    text: `${mention} ${text}`,
    textFormat: 'plain',
    entities: [{ type: 'mention', text: mention, mentioned: BOT }],
  });
};

const requestCard = (where: Page): Locator =>
  where
    .locator('.ac-adaptiveCard')
    .filter({ hasText: 'Delete flow set "Fabrikam Elementary pilot"' })
    .last();

describeWithBrowser('peer approval in the Agents Playground', () => {
  it('when Avery requests in 1:1 and Blake approves in the channel, then both cards show the final state', async () => {
    await withEvidence('approvals-e2e', async () => {
      const ui = page!;
      await openConversation(ui, CHANNEL);
      // Avery is no approver: she may not choose where requests go. Blake, an approver, does.
      await sendMessage(ui, 'approvals here', { mention: true, thread: 'new' });
      await ui
        .getByText(/Only approvers can choose where approval requests go/)
        .first()
        .waitFor({ timeout: 20_000 });
      await sayAsBlake('approvals here');
      await ui
        .getByText(/Approval requests will be posted in this channel/)
        .first()
        .waitFor({ timeout: 20_000 });

      await openConversation(ui, 'Personal Chat');
      const command = `delete ${SEED_IDS.fabrikamPilot}`;
      await sendMessage(ui, command);
      // Anchored on the title: the card is replaced in place and keeps it.
      const mine = await waitForReplyCard(ui, {
        after: command,
        containing: 'Fabrikam Elementary pilot',
      });
      await mine.locator('textarea, input[type="text"]').first().fill('Pilot ends this term');
      await mine.getByRole('button', { name: 'Request approval' }).click();
      await untilText(mine, 'Waiting for approval');
      expect(await mine.innerText()).toContain('Pilot ends this term');

      const [request] = (await approvalStores(app!.services.storage).requests.list()).map(
        (r) => r.value,
      );
      const post = request!.copies.find((c) => c.role === 'channel');
      expect(post?.activityId).toBeTruthy();

      await openConversation(ui, CHANNEL);
      const inChannel = requestCard(ui);
      await untilText(inChannel, 'Approval needed');
      expect(await inChannel.innerText()).toContain('chosen by Blake Approver');
      await inChannel.getByRole('button', { name: 'Approve' }).click(); // Avery: refused, it is hers
      await ui
        .getByText(/someone else has to approve/)
        .first()
        .waitFor({ timeout: 20_000 });
      expect(app!.sandbox!.emulator.requests.filter((r) => r.method !== 'GET')).toEqual([]);

      await clickAsBlake('approval.approve', { changeId: request!.changeId }, post!.activityId!);
      await untilText(inChannel, '✓ Applied', { timeoutMs: 30_000 });
      expect(await inChannel.getByRole('button').count()).toBe(0);
      expect(await inChannel.innerText()).toContain(
        'Requested by Avery Admin, approved by Blake Approver',
      );

      await openConversation(ui, 'Personal Chat');
      const averyCopy = requestCard(ui);
      await untilText(averyCopy, '✓ Applied');
      expect(await averyCopy.getByRole('button').count()).toBe(0);

      const writes = app!.sandbox!.emulator.requests.filter((r) => r.method !== 'GET');
      expect(writes.map((w) => [w.method, w.callerOid])).toEqual([['DELETE', BLAKE.aadObjectId]]);
    });
  }, 120_000);
});
