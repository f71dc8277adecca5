/**
 * The rules that make a peer approval trustworthy, over real
 * HTTP: an empty approver list means nobody; 20 concurrent Approve clicks write once; a set that
 * moved after the request is stale and nothing is written; one waiting request per flow set.
 */
import { SEED_IDS } from '../../src/sandbox/emulator';
import { cardText } from '../support/testBot';
import {
  AVERY,
  BLAKE,
  adminGraph,
  button,
  buttons,
  cardOf,
  graphWrites,
  invoke,
  press,
} from '../changes/support';
import { CHANNEL_ID, invokeInChannel, postsTo, request, stateOf } from './support';
import { usePeerApprovalBot } from '../support/peerApprovalHarness';

describe('peer approval rules (component)', () => {
  const bot = usePeerApprovalBot({ channelBy: BLAKE, resetEach: true });

  it('when 20 Approve clicks arrive at once, then exactly one Graph write and one applied record result', async () => {
    const { changeId } = await request(bot, `delete ${SEED_IDS.fabrikamPilot}`);
    const post = postsTo(bot, CHANNEL_ID).at(-1)!;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        invokeInChannel(bot, 'approval.approve', { changeId }, BLAKE, post.activityId),
      ),
    );
    expect(graphWrites(bot).map((w) => [w.method, w.callerOid])).toEqual([
      ['DELETE', BLAKE.aadObjectId],
    ]);
    // Only the winner ran the write (its card carries the write's own note); every other click
    // got the change's state at that moment, as a card: being applied, or applied.
    expect(
      answers.filter((a) => cardText(a.value).includes('and its flows are deleted')),
    ).toHaveLength(1);
    for (const answer of answers) expect(cardText(answer.value)).toMatch(/✓ Applied|Being applied/);
    expect(await stateOf(bot, changeId)).toBe('applied');
    const events = (await bot.app.services.audit.list({ changeId })).entries.map((e) => e.event);
    expect(events.filter((e) => e === 'applied')).toHaveLength(1);
    expect(events.filter((e) => e === 'approved')).toHaveLength(1);
  });

  it('when the set changes between the request and Approve, then the request is stale, the card says what changed and nothing is written', async () => {
    const { changeId } = await request(bot, `delete ${SEED_IDS.northwind}`);
    await adminGraph(bot).updateFlowSet(SEED_IDS.northwind, { displayName: 'Northwind Renamed' });
    bot.app.sandbox!.emulator.control.clearRequests();
    const post = postsTo(bot, CHANNEL_ID).at(-1)!;
    const answer = cardOf(
      await invokeInChannel(bot, 'approval.approve', { changeId }, BLAKE, post.activityId),
    );
    expect(cardText(answer)).toContain('changed since the preview');
    expect(cardText(answer)).toContain('Northwind High School → Northwind Renamed');
    expect(graphWrites(bot)).toEqual([]);
    expect(await stateOf(bot, changeId)).toBe('stale');
    expect((await adminGraph(bot).getFlowSet(SEED_IDS.northwind)).data.displayName).toBe(
      'Northwind Renamed',
    );
  });

  it('when a second change to the same set is requested, then it is refused naming the waiting one, which either of them can cancel', async () => {
    const first = await request(bot, `delete ${SEED_IDS.northwind}`);
    const second = await request(
      bot,
      `reset class flow in ${SEED_IDS.northwind}`,
      'Rollover',
      BLAKE,
    );
    expect(await stateOf(bot, second.changeId)).toBe('pending');
    const text = cardText(second.waiting);
    expect(text).toContain(
      'already has a change waiting for approval: Delete flow set "Northwind High School", asked by Avery Admin',
    );
    expect(button(second.waiting, 'Show the waiting request').data).toEqual({
      changeId: first.changeId,
    });
    const shown = await press(bot, second.waiting, 'Show the waiting request', { user: BLAKE });
    expect(shown.value).toBe('Here is that request.');

    const freed = cardOf(
      await press(bot, second.waiting, 'Cancel the waiting request', { user: BLAKE }),
    );
    expect(await stateOf(bot, first.changeId)).toBe('cancelled');
    expect(cardText(freed)).toContain('you can request approval for this change now');
    const again = cardOf(
      await press(bot, freed, 'Request approval', { user: BLAKE, typed: { reason: 'Rollover' } }),
    );
    expect(cardText(again)).toContain('Waiting for approval');
    // Avery's own request card (her preview message) now says it was cancelled, by Blake.
    const averyCard = bot.connector.calls
      .filter((c) => c.method === 'PUT' && c.activityId === first.previewActivityId)
      .at(-1);
    expect(cardText(averyCard!.activity.attachments[0].content)).toContain(
      'Cancelled by Blake Approver',
    );
    await invoke(bot, 'approval.cancel', { changeId: second.changeId }, BLAKE);
  });

  it('when Blake rejects with a reason, then every copy says so and the set can be requested again', async () => {
    const { changeId, previewActivityId } = await request(bot, `delete ${SEED_IDS.allSchools}`);
    const post = postsTo(bot, CHANNEL_ID).at(-1)!;
    const rejected = cardOf(
      await invokeInChannel(
        bot,
        'approval.reject',
        { changeId, rejectReason: 'Not during exams' },
        BLAKE,
        post.activityId,
      ),
    );
    expect(cardText(rejected)).toContain('Rejected by Blake Approver');
    expect(cardText(rejected)).toContain('Not during exams');
    const averyCard = bot.connector.calls
      .filter((c) => c.method === 'PUT' && c.activityId === previewActivityId)
      .at(-1);
    expect(cardText(averyCard!.activity.attachments[0].content)).toContain('Not during exams');
    expect(graphWrites(bot)).toEqual([]);
    const next = await request(bot, `delete ${SEED_IDS.allSchools}`);
    expect(cardText(next.waiting)).toContain('Waiting for approval');
    await invoke(bot, 'approval.cancel', { changeId: next.changeId }, AVERY);
  });

  it('when the requester clicks Apply on an old preview, then peer policy refuses it and asks for approval', async () => {
    const preview = cardOf(
      await invoke(bot, 'command.run', { command: `delete ${SEED_IDS.fabrikamPilot}` }, AVERY),
    );
    const changeId = button(preview, 'Request approval').data.changeId;
    const answer = cardOf(await invoke(bot, 'change.apply', { changeId }, AVERY));
    expect(cardText(answer)).toContain('needs approval by another admin');
    expect(buttons(answer).map((b) => b.title)).toContain('Request approval');
    expect(graphWrites(bot)).toEqual([]);
  });
});
