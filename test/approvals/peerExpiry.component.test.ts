/**
 * Expiry over real HTTP, with the sweep driven by a clock: an
 * undecided request expires after APPROVAL_TTL_HOURS and every copy of its card says so; a plain
 * preview expires after PREVIEW_TTL_MINUTES and its card is updated too; a click after the expiry
 * decides nothing.
 */
import { SYSTEM_ACTOR } from '../../src/history';
import { SEED_IDS } from '../../src/sandbox/emulator';
import { cardText, type TestBot } from '../support/testBot';
import { BLAKE, buttons, graphWrites, invoke, updatesOf } from '../changes/support';
import { CHANNEL_ID, invokeInChannel, postsTo, request, stateOf } from './support';
import { usePeerApprovalBot } from '../support/peerApprovalHarness';

const HOUR = 3_600_000;
const later = (ms: number) => new Date(Date.now() + ms);
const lastUpdate = (bot: TestBot, activityId: string) =>
  updatesOf(bot, activityId).at(-1)?.activity.attachments[0].content;

describe('expiry of requests and previews (component)', () => {
  const bot = usePeerApprovalBot({ env: { APPROVAL_TTL_HOURS: '2' }, channelBy: BLAKE });

  it('when nobody decides within the TTL, then the sweep expires the request and updates both copies of its card', async () => {
    const { changeId, previewActivityId } = await request(bot, `delete ${SEED_IDS.fabrikamPilot}`);
    const post = postsTo(bot, CHANNEL_ID).at(-1)!;
    expect((await bot.app.approvals.sweepNow(later(HOUR))).expired).toBe(0); // the 15-min preview TTL no longer applies
    const swept = await bot.app.approvals.sweepNow(later(2 * HOUR + 1000));
    expect(swept).toMatchObject({ expired: 1, cardsUpdated: 2 });
    expect(await stateOf(bot, changeId)).toBe('expired');
    for (const id of [post.activityId, previewActivityId]) {
      expect(cardText(lastUpdate(bot, id))).toContain('Nobody decided before');
      expect(buttons(lastUpdate(bot, id))).toEqual([]);
    }
    const [latest] = (await bot.app.services.audit.list({ changeId })).entries;
    expect(latest).toMatchObject({ event: 'expired', actor: SYSTEM_ACTOR });
    const late = await invokeInChannel(
      bot,
      'approval.approve',
      { changeId },
      BLAKE,
      post.activityId,
    );
    expect(cardText(late.value)).toContain('Expired');
    expect(graphWrites(bot)).toEqual([]);
    expect((await bot.app.approvals.sweepNow(later(3 * HOUR))).cardsUpdated).toBe(0); // nothing left to do
  });

  it('when a click finds a request past its expiry before the sweep did, then it expires it and decides nothing', async () => {
    const { changeId } = await request(bot, `delete ${SEED_IDS.northwind}`);
    // Move the stored expiry into the past, as if two hours had gone by.
    const { approvalStores } = await import('../../src/approvals/stores');
    const changes = approvalStores(bot.app.services.storage).changes;
    const stored = (await changes.get(changeId))!;
    await changes.replace(
      changeId,
      { ...stored.value, expiresAt: new Date(Date.now() - 1000).toISOString() },
      stored.eTag,
    );
    const post = postsTo(bot, CHANNEL_ID).at(-1)!;
    const late = await invokeInChannel(
      bot,
      'approval.approve',
      { changeId },
      BLAKE,
      post.activityId,
    );
    expect(cardText(late.value)).toContain('so the request expired');
    expect(await stateOf(bot, changeId)).toBe('expired');
    expect(graphWrites(bot)).toEqual([]);
  });

  it('when a plain preview is left alone, then the sweep expires it after the preview TTL and updates its card', async () => {
    const preview = await invoke(
      bot,
      'flowset.delete',
      { setId: SEED_IDS.allSchools, version: '2025-08-18T14:05:11.0000000Z' },
      BLAKE,
      'set-card',
    );
    const changeId = buttons(preview.value).find((b) => b.verb === 'approval.request')?.data
      .changeId as string;
    expect(changeId).toBeDefined();
    await bot.app.approvals.sweepNow(later(16 * 60_000));
    expect(await stateOf(bot, changeId)).toBe('expired');
    expect(cardText(lastUpdate(bot, 'set-card'))).toContain('Expired');
  });
});
