/**
 * Peer approval with real Teams SSO (SSO_MODE=teams; docs/teams-notes.md#sso-on-a-card-button): bot SSO does not
 * work in channels, so Blake's Approve there first comes without a token. The bot answers 401
 * loginRequest before deciding anything; Teams resends the same invoke with
 * `value.authentication.token`, and only then is the request approved and applied, with Blake's
 * on-behalf-of token.
 */
import { SEED_IDS } from '../../src/sandbox/emulator';
import type { SandboxUser } from '../../src/sandbox/users';
import { cardText } from '../support/testBot';
import { AVERY, BLAKE, button, from, graphWrites, type InvokeBody } from '../changes/support';
import { CHANNEL_ID, postsTo, stateOf } from './support';
import { usePeerApprovalBot } from '../support/peerApprovalHarness';

describe('peer approval with Teams SSO (component)', () => {
  const bot = usePeerApprovalBot({ env: { SSO_MODE: 'teams' }, channelBy: BLAKE });

  /** An Action.Execute as Teams sends it; `signedIn` adds the SSO token Teams got after a loginRequest. */
  async function click(
    user: SandboxUser,
    verb: string,
    data: unknown,
    where: { channelPost?: string; signedIn?: boolean } = {},
  ) {
    const activity = bot.activity('invoke-action', {
      ...from(user),
      replyToId: where.channelPost ?? 'card-1',
      ...(where.channelPost
        ? {
            conversation: {
              isGroup: true,
              conversationType: 'channel',
              id: `${CHANNEL_ID};messageid=${where.channelPost}`,
            },
          }
        : {}),
    });
    activity.value = { action: { type: 'Action.Execute', verb, data } };
    if (where.signedIn) {
      const token = await bot.app.sandbox!.idp.mintSsoToken(user.aadObjectId);
      activity.value.authentication = { id: `auth-${user.name}`, connectionName: '', token };
    }
    return (await bot.send(activity)).body as InvokeBody;
  }

  it('when Blake approves in the channel without a token, then he is asked to sign in first and nothing is decided; with the token it is applied as him', async () => {
    const preview = await click(
      AVERY,
      'command.run',
      { command: `delete ${SEED_IDS.fabrikamPilot}` },
      { signedIn: true },
    );
    const changeId = button(preview.value, 'Request approval').data.changeId as string;
    const waiting = await click(AVERY, 'approval.request', { changeId, reason: 'Pilot ends' });
    expect(cardText(waiting.value)).toContain('Waiting for approval');

    const post = postsTo(bot, CHANNEL_ID).at(-1)!.activityId;
    const first = await click(BLAKE, 'approval.approve', { changeId }, { channelPost: post });
    expect(first).toMatchObject({
      statusCode: 401,
      type: 'application/vnd.microsoft.activity.loginRequest',
    });
    expect(await stateOf(bot, changeId)).toBe('pending');
    expect(graphWrites(bot)).toEqual([]);

    const resent = await click(
      BLAKE,
      'approval.approve',
      { changeId },
      { channelPost: post, signedIn: true },
    );
    expect(cardText(resent.value)).toContain('✓ Applied');
    expect(graphWrites(bot).map((w) => [w.method, w.callerOid])).toEqual([
      ['DELETE', BLAKE.aadObjectId],
    ]);
  });
});
