/**
 * Where requests go and who can decide them, over real HTTP: without an approvals channel each
 * approver gets the request in their 1:1 chat (and the requester learns who could not be
 * reached); with no approvers configured nobody can approve and every card says so; `approvals`
 * lists what waits, with Approve only for approvers.
 */
import { SEED_IDS } from '../../src/sandbox/emulator';
import { cardText } from '../support/testBot';
import { AVERY, BLAKE, DANA, buttons, cardOf, graphWrites, invoke } from '../changes/support';
import { chatOf, ELI, postsTo, pressIn, request, say, stateOf } from './support';
import { usePeerApprovalBot } from '../support/peerApprovalHarness';

describe('requests in 1:1 chats (component)', () => {
  const bot = usePeerApprovalBot({ env: { APPROVERS: ELI.aadObjectId }, greet: [BLAKE] });

  it('when there is no approvals channel, then each reachable approver gets the request and the requester is told who was not reached', async () => {
    const posted = bot.connector.calls.length;
    const { changeId, waiting } = await request(bot, `delete ${SEED_IDS.fabrikamPilot}`);
    const toBlake = bot.connector.calls
      .slice(posted)
      .filter((c) => c.method === 'POST' && c.conversationId === chatOf(BLAKE));
    expect(toBlake).toHaveLength(1);
    const post = toBlake[0]!;
    expect(cardText(post.activity.attachments[0].content)).toContain('Approval needed');
    expect(buttons(post.activity.attachments[0].content).map((b) => b.verb)).toEqual([
      'approval.approve',
      'approval.reject',
    ]);
    expect(cardText(waiting)).toContain('Blake Approver (chat)');
    expect(cardText(waiting)).toContain(
      `Not reached (no chat with the bot yet, or the post failed): ${ELI.aadObjectId}`,
    );

    const list = await say(bot, 'approvals', BLAKE);
    expect(cardText(list)).toContain('1 waiting for a decision');
    expect(cardText(list)).toContain('Reason: Term starts Monday');
    const approved = cardOf(await pressIn(bot, list, 'Approve', { user: BLAKE }));
    expect(cardText(approved)).toContain('0 waiting for a decision'); // the list, redrawn
    expect(await stateOf(bot, changeId)).toBe('applied');
    expect(graphWrites(bot).map((w) => [w.method, w.callerOid])).toEqual([
      ['DELETE', BLAKE.aadObjectId],
    ]);
    const blakeCopy = bot.connector.calls.filter(
      (c) => c.method === 'PUT' && c.activityId === post.assignedId,
    );
    expect(cardText(blakeCopy.at(-1)!.activity.attachments[0].content)).toContain('✓ Applied');
  });

  it('when Avery lists approvals, then her own request shows Cancel but no Approve', async () => {
    const { changeId } = await request(bot, `delete ${SEED_IDS.northwind}`);
    const list = await say(bot, 'approvals', AVERY);
    expect(cardText(list)).toContain('You are not an approver.');
    expect(buttons(list).map((b) => b.title)).toEqual(['Open', 'Cancel request', 'Refresh']);
    cardOf(await pressIn(bot, list, 'Cancel request', { user: AVERY }));
    expect(await stateOf(bot, changeId)).toBe('cancelled');
  });
});

describe('rejecting from the approvals list (component)', () => {
  const bot = usePeerApprovalBot({ greet: [BLAKE] });

  it('when Blake rejects a request from the list with a reason, then the list is redrawn and Avery’s card shows why', async () => {
    const { changeId, previewActivityId } = await request(bot, `delete ${SEED_IDS.northwind}`);
    const list = await say(bot, 'approvals', BLAKE);
    expect(buttons(list).map((b) => b.title)).toEqual([
      'Approve',
      'Reject',
      'Open',
      'Cancel request',
      'Refresh',
    ]);
    const typed = { [`rejectReason-${changeId}`]: 'Wrong set' };
    const redrawn = cardOf(await pressIn(bot, list, 'Reject', { user: BLAKE, typed }));
    expect(cardText(redrawn)).toContain('0 waiting for a decision');
    expect(await stateOf(bot, changeId)).toBe('rejected');
    const averyCopy = bot.connector.calls
      .filter((c) => c.method === 'PUT' && c.activityId === previewActivityId)
      .at(-1);
    expect(cardText(averyCopy!.activity.attachments[0].content)).toContain(
      'Rejected by Blake Approver',
    );
    expect(cardText(averyCopy!.activity.attachments[0].content)).toContain('Wrong set');
  });
});

describe('no approvers configured (component)', () => {
  const bot = usePeerApprovalBot({ env: { APPROVER_GROUP_ID: '' }, greet: [BLAKE] });

  it('when the approver list is empty, then the preview and the request say nobody can approve, and nobody can', async () => {
    const preview = await say(bot, `delete ${SEED_IDS.fabrikamPilot}`);
    expect(cardText(preview)).toContain('nobody can approve this change');
    const { changeId, waiting } = await request(bot, `delete ${SEED_IDS.fabrikamPilot}`);
    expect(cardText(waiting)).toContain('nobody can approve this request');
    for (const user of [BLAKE, DANA, ELI]) {
      const answer = await invoke(bot, 'approval.approve', { changeId }, user);
      expect(answer.value).toContain('nobody can approve');
    }
    expect(
      postsTo(bot, chatOf(BLAKE)).filter((p) => cardText(p.card).includes('Approval needed')),
    ).toEqual([]);
    expect(graphWrites(bot)).toEqual([]);
    expect(await stateOf(bot, changeId)).toBe('pending');
  });
});
