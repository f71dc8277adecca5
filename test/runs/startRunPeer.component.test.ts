/**
 * `start run` under APPROVAL_POLICY_START_RUN=peer: Avery's preview asks for approval, Blake
 * approves in the approvals channel, and the start is sent with Blake's own token (recorded with
 * both identities), like every other change under peer policy.
 */
import { cardText } from '../support/testBot';
import { AVERY, BLAKE, buttons, cardFor, cardOf, press } from '../changes/support';
import { CHANNEL_ID, invokeInChannel, postsTo } from '../approvals/support';
import { usePeerApprovalBot } from '../support/peerApprovalHarness';

describe('start run under peer approval (component)', () => {
  const bot = usePeerApprovalBot({
    channelBy: BLAKE,
    resetEach: true,
    env: { APPROVAL_POLICY: 'self', APPROVAL_POLICY_START_RUN: 'peer' },
  });

  it('when Avery asks to start a run and Blake approves, then Graph gets the start with Blake’s token', async () => {
    const preview = await cardFor(bot, 'start run');
    expect(buttons(preview).map((b) => b.title)).toContain('Request approval');
    expect(buttons(preview).map((b) => b.title)).not.toContain('Apply');
    const changeId = buttons(preview).find((b) => b.title === 'Request approval')!.data
      .changeId as string;
    const waiting = cardOf(
      await press(bot, preview, 'Request approval', { typed: { reason: 'Fix for today' } }),
    );
    expect(cardText(waiting)).toContain('Waiting for approval');
    const [post] = postsTo(bot, CHANNEL_ID);
    const approved = cardOf(
      await invokeInChannel(bot, 'approval.approve', { changeId }, BLAKE, post!.activityId),
    );
    expect(cardText(approved)).toContain('✓ Applied');
    const started = bot.app.sandbox!.emulator.control.runs().runs[0]!;
    expect(started).toMatchObject({ trigger: 'onDemand', startedBy: BLAKE.aadObjectId });
    const audit = (await bot.app.services.audit.list({ changeId })).entries;
    expect(audit[0]).toMatchObject({
      event: 'applied',
      kind: 'startRun',
      requester: { aadObjectId: AVERY.aadObjectId },
      approver: { aadObjectId: BLAKE.aadObjectId },
    });
  });
});
