/**
 * Peer approval end to end over real HTTP (app + Graph emulator + IdP + loopback connector), with
 * two sandbox users: Avery asks, Blake (in the "SDS Approvers" group) approves in the approvals
 * channel, and the change is made with Blake's own on-behalf-of token.
 */
import { SEED_IDS } from '../../src/sandbox/emulator';
import { cardText } from '../support/testBot';
import {
  AVERY,
  BLAKE,
  DANA,
  adminGraph,
  buttons,
  cardFor,
  cardOf,
  graphWrites,
  updatesOf,
} from '../changes/support';
import { CHANNEL_ID, ELI, invokeInChannel, postsTo, request, requestOf, stateOf } from './support';
import { usePeerApprovalBot } from '../support/peerApprovalHarness';

describe('peer approval (component)', () => {
  const bot = usePeerApprovalBot({ channelBy: BLAKE, resetEach: true });

  it('when Avery requests a rename and Blake approves it in the channel, then Graph is written once with Blake’s token and both cards show the result', async () => {
    const preview = await cardFor(bot, `edit ${SEED_IDS.northwind}`);
    expect(cardText(preview)).toContain('Flow set name');
    const form = preview;
    const { press } = await import('../changes/support');
    const proposed = cardOf(
      await press(bot, form, 'flowset.preview', { typed: { displayName: 'Northwind HS' } }),
    );
    expect(buttons(proposed).map((b) => b.title)).toEqual(
      expect.arrayContaining(['Request approval', 'Cancel']),
    );
    expect(buttons(proposed).map((b) => b.title)).not.toContain('Apply');
    const changeId = buttons(proposed).find((b) => b.title === 'Request approval')!.data
      .changeId as string;

    const waiting = cardOf(
      await press(bot, proposed, 'Request approval', {
        typed: { reason: 'Rebranding' },
        replyToId: 'avery-preview',
      }),
    );
    expect(cardText(waiting)).toContain('Waiting for approval');
    expect(cardText(waiting)).toContain('Rebranding');
    expect(cardText(waiting)).toContain('SDS Approvals in Contoso District IT');
    expect(graphWrites(bot)).toEqual([]);

    const [post] = postsTo(bot, CHANNEL_ID);
    expect(cardText(post!.card)).toContain('Approval needed');
    expect(buttons(post!.card).map((b) => b.verb)).toEqual([
      'approval.approve',
      'approval.reject',
      'approval.cancel',
    ]);

    const approved = cardOf(
      await invokeInChannel(bot, 'approval.approve', { changeId }, BLAKE, post!.activityId),
    );
    expect(cardText(approved)).toContain('✓ Applied');
    expect(cardText(approved)).toContain('Requested by Avery Admin, approved by Blake Approver');
    expect(buttons(approved)).toEqual([]);
    expect(graphWrites(bot).map((w) => [w.method, w.status, w.callerOid])).toEqual([
      ['PATCH', 204, BLAKE.aadObjectId],
    ]);
    expect((await adminGraph(bot).getFlowSet(SEED_IDS.northwind)).data.displayName).toBe(
      'Northwind HS',
    );

    // Both copies were updated in place: the channel post (the clicked one) and Avery's card.
    for (const id of [post!.activityId, 'avery-preview']) {
      const last = updatesOf(bot, id).at(-1)!.activity.attachments[0].content;
      expect(cardText(last)).toContain('✓ Applied');
      expect(buttons(last)).toEqual([]);
    }
    expect(await stateOf(bot, changeId)).toBe('applied');
    const audit = (await bot.app.services.audit.list({ changeId })).entries;
    expect(audit.map((e) => [e.event, e.actor.name])).toEqual([
      ['applied', BLAKE.name],
      ['approved', BLAKE.name],
      ['requested', AVERY.name],
    ]);
    expect(audit[0]).toMatchObject({
      requester: { aadObjectId: AVERY.aadObjectId },
      approver: { aadObjectId: BLAKE.aadObjectId },
    });
    expect((await requestOf(bot, changeId))?.cardsShow).toBe('applied');
  });

  it.each([
    ['the requester', AVERY, 'someone else has to approve'],
    ['a non-admin outside the group', DANA, 'not one of them'],
    ['a read-only admin outside the group', ELI, 'not one of them'],
  ])('when %s clicks Approve, then it is refused and nothing is written', async (_, user, says) => {
    const { changeId } = await request(bot, `delete ${SEED_IDS.fabrikamPilot}`);
    const post = postsTo(bot, CHANNEL_ID).at(-1)!;
    const answer = await invokeInChannel(
      bot,
      'approval.approve',
      { changeId },
      user,
      post.activityId,
    );
    expect(answer.type).toBe('application/vnd.microsoft.activity.message');
    expect(answer.value).toContain(says);
    expect(graphWrites(bot)).toEqual([]);
    expect(await stateOf(bot, changeId)).toBe('pending');
    await invokeInChannel(bot, 'approval.cancel', { changeId }, AVERY, post.activityId);
    expect(await stateOf(bot, changeId)).toBe('cancelled');
  });
});
