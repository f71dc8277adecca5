/**
 * The conversation reference is stored once, not on every message: a new message id alone is
 * not a change (issue 13; docs/performance.md).
 */
import { SANDBOX_USERS } from '../../src/sandbox/users';
import { useTestBot } from '../support/testBot';

describe('conversation references (component, sandbox mode)', () => {
  const bot = useTestBot();
  const blake = SANDBOX_USERS[1]!;

  it('when the same person writes twice in a chat, then the stored reference is written once and has no message id', async () => {
    const first = bot.activity('message-personal', { text: 'help' });
    await bot.send(first);
    const stored = await bot.app.services.conversations.get(first.conversation.id);
    expect(stored).toBeDefined();
    expect(stored!.reference).not.toHaveProperty('activityId');

    const second = bot.activity('message-personal', { text: 'whoami' });
    expect(second.id).not.toBe(first.id);
    await bot.send(second);
    const again = await bot.app.services.conversations.get(first.conversation.id);
    expect(again!.updatedAt).toBe(stored!.updatedAt);
  });

  it('when someone else writes in the same channel, then the reference is written again with them as its user', async () => {
    const first = bot.activity('message-channel', { text: 'help' });
    await bot.send(first);
    const other = bot.activity('message-channel', {
      text: 'help',
      from: { id: '29:blake', name: blake.name, aadObjectId: blake.aadObjectId },
    });
    await bot.send(other);
    const stored = await bot.app.services.conversations.get(first.conversation.id);
    expect(stored!.reference.user?.id).toBe('29:blake');
  });
});
