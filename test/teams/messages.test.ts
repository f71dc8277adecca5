import { useTestBot, cardText, cardsSentTo } from '../support/testBot';

describe('POST /api/messages (component, sandbox mode)', () => {
  const bot = useTestBot();

  it('when an admin types help in 1:1 chat, then the bot answers with the generated help card', async () => {
    const activity = bot.activity('message-personal', { text: 'help' });
    const res = await bot.send(activity);
    expect(res.status).toBe(200);
    const [card] = cardsSentTo(bot.connector, activity.conversation.id).slice(-1);
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe('1.5');
    const text = cardText(card);
    expect(text).toContain('SDS Flow Admin');
    for (const command of bot.app.services.commands) expect(text).toContain(command.usage);
    expect(text).toContain('Sandbox mode');
  });

  it('when the bot is @mentioned in a channel, then the mention is stripped and the command runs', async () => {
    const activity = bot.activity('message-channel', { text: '<at>SDS Flow Admin</at> whoami' });
    await bot.send(activity);
    const [card] = cardsSentTo(bot.connector, activity.conversation.id).slice(-1);
    expect(cardText(card)).toContain('11111111-aaaa-4aaa-8aaa-111111111111');
    expect(cardText(card)).toContain('channel');
  });

  it('when the input is unknown, then the bot says so and suggests the closest commands', async () => {
    const activity = bot.activity('message-personal', { text: 'hepl me' });
    await bot.send(activity);
    const [card] = cardsSentTo(bot.connector, activity.conversation.id).slice(-1);
    const text = cardText(card);
    expect(text).toContain(`I didn't understand "hepl me"`);
    expect(text).toContain('Show help');
  });

  it('when a command gets arguments it does not take, then the user sees the usage, not a stack trace', async () => {
    const activity = bot.activity('message-personal', { text: 'whoami please' });
    await bot.send(activity);
    const [card] = cardsSentTo(bot.connector, activity.conversation.id).slice(-1);
    const text = cardText(card);
    expect(text).toContain('Usage\nwhoami');
    expect(text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('when help names one command, then that command is explained with its examples', async () => {
    const activity = bot.activity('message-personal', { text: 'HELP whoami' });
    await bot.send(activity);
    const [card] = cardsSentTo(bot.connector, activity.conversation.id).slice(-1);
    expect(cardText(card)).toContain('who am i');
  });
});
