/**
 * The set-up every peer-approval test shares: the bot's environment (APPROVAL_POLICY=peer, the
 * sandbox "SDS Approvers" group, no background sweep), a bot started in-process (testBot.ts), and
 * the lifecycle most suites want: started once per describe (or file), the approvals channel chosen
 * by an approver and/or users greeting it in 1:1, optionally a clean emulator before each test, and
 * stopped at the end. The helpers that talk to it (request, sayInChannel, …) are in
 * test/approvals/support.ts.
 *
 *   const bot = usePeerApprovalBot({ channelBy: BLAKE, resetEach: true });
 *   it('…', async () => { await request(bot, 'delete …'); });
 */
import { SANDBOX_APPROVER_GROUP_ID } from '../../src/sandbox/emulator';
import type { SandboxUser } from '../../src/sandbox/users';
import { greet, sayInChannel } from '../approvals/support';
import { startTestBot, useTestBot, type TestBot } from './testBot';

/** The configuration of a peer-approval bot (the sandbox approvers are Blake's group). */
export const PEER_ENV: Readonly<Record<string, string>> = {
  APPROVAL_POLICY: 'peer',
  APPROVER_GROUP_ID: SANDBOX_APPROVER_GROUP_ID,
  APPROVAL_SWEEP_SECONDS: '0',
};

/** A peer-approval bot, started now (`env` is added to, or overrides, PEER_ENV). */
export const startPeerBot = (env: Record<string, string> = {}): Promise<TestBot> =>
  startTestBot({ ...PEER_ENV, ...env });

export interface PeerBotOptions {
  /** Added to, or overriding, PEER_ENV. */
  env?: Record<string, string>;
  /** This approver says "approvals here" in the tests' channel once the bot is up. */
  channelBy?: SandboxUser;
  /** These users say hello in their 1:1 chat once the bot is up (so it can reach them there). */
  greet?: SandboxUser[];
  /** The emulator's state and request log are reset before each test. */
  resetEach?: boolean;
}

/**
 * Registers beforeAll/afterAll (and beforeEach with `resetEach`) in the enclosing describe, and
 * returns the bot (see useTestBot): a peer-approval bot with its approvals channel and 1:1 chats
 * set up as asked.
 */
export function usePeerApprovalBot(options: PeerBotOptions = {}): TestBot {
  return useTestBot(
    { ...PEER_ENV, ...options.env },
    {
      resetEach: options.resetEach ? 'state+requests' : undefined,
      async setUp(bot) {
        if (options.channelBy) {
          expect(await sayInChannel(bot, 'approvals here', options.channelBy)).toContain(
            'Approval requests will be posted in this channel',
          );
        }
        for (const user of options.greet ?? []) await greet(bot, user);
      },
    },
  );
}
