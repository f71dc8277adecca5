/**
 * The typing indicator: a message turn whose command has not answered within TYPING_DELAY_MS gets
 * a `typing` activity (Teams shows "…is typing" while the command waits on Graph), before any
 * reply, in personal and group chats; a quick answer, a channel post and a card click (an
 * invoke) get none.
 */
import { TYPING_DELAY_MS } from '../../src/teams/messageTurns';
import { useTestBot } from '../support/testBot';

describe('typing indicator (component)', () => {
  const bot = useTestBot();
  afterEach(() => bot.app.sandbox!.emulator.control.setLatency(0));

  it('when a command waits on Graph for long, then a typing activity goes to that conversation before the reply', async () => {
    bot.app.sandbox!.emulator.control.setLatency(TYPING_DELAY_MS);
    const activity = bot.activity('message-personal', { text: 'list' });
    const conversationId = activity.conversation.id;
    const typingBefore = bot.connector.typing.length;
    const callsBefore = bot.connector.calls.length;
    expect((await bot.send(activity)).status).toBe(200);

    const typing = bot.connector.typing.slice(typingBefore);
    expect(typing.map((t) => [t.conversationId, t.activity.type])).toEqual([
      [conversationId, 'typing'],
    ]);
    const replies = bot.connector.calls.slice(callsBefore).filter((c) => c.method === 'POST');
    expect(replies.length).toBeGreaterThan(0);
    expect(typing[0]!.time).toBeLessThanOrEqual(replies[0]!.time);
  });

  it('when a command answers quickly, then no typing activity is sent (one message less per turn)', async () => {
    const typingBefore = bot.connector.typing.length;
    const activity = bot.activity('message-personal', { text: 'help' });
    expect((await bot.send(activity)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, TYPING_DELAY_MS + 100));
    expect(bot.connector.typing.slice(typingBefore)).toEqual([]);
  });

  it('when a command is posted in a channel, then no typing activity is sent (channels show none)', async () => {
    const typingBefore = bot.connector.typing.length;
    const activity = bot.activity('message-channel', { text: '<at>SDS Flow Admin</at> help' });
    expect((await bot.send(activity)).status).toBe(200);
    expect(bot.connector.typing.slice(typingBefore)).toEqual([]);
  });

  it('when a card button is clicked (an invoke), then no typing activity is sent', async () => {
    const typingBefore = bot.connector.typing.length;
    const click = bot.activity('invoke-action');
    click.value = {
      action: { type: 'Action.Execute', verb: 'command.run', data: { command: 'help' } },
    };
    expect((await bot.send(click)).status).toBe(200);
    expect(bot.connector.typing.slice(typingBefore)).toEqual([]);
  });
});
