import { CARD_TYPE, ERROR_TYPE } from '../../src/teams/invokeResponse';
import { useTestBot, cardText } from '../support/testBot';

describe('adaptiveCard/action invokes (component)', () => {
  const bot = useTestBot();

  it('when a command.run button is clicked, then the invoke answers 200 with the command card', async () => {
    const res = await bot.send(bot.activity('invoke-action'));
    expect(res.status).toBe(200);
    const body = res.body as { statusCode: number; type: string; value: unknown };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe(CARD_TYPE);
    expect(cardText(body.value)).toContain('SDS Flow Admin');
  });

  it.each([
    [
      'an unknown verb',
      { action: { type: 'Action.Execute', verb: 'flowset.explode', data: {} } },
      'not something I know',
    ],
    [
      'data of the wrong shape',
      { action: { type: 'Action.Execute', verb: 'command.run', data: { command: 42 } } },
      'command',
    ],
    ['no action at all', { nothing: true }, 'malformed'],
    [
      'an Action.Submit payload',
      { action: { type: 'Action.Submit', verb: 'command.run' } },
      'malformed',
    ],
  ])(
    'when the payload has %s, then the bot answers a specific 400 error and does not crash',
    async (_name, value, message) => {
      const activity = bot.activity('invoke-action');
      activity.value = value; // replace, not merge
      const res = await bot.send(activity);
      expect(res.status).toBe(200);
      const body = res.body as { statusCode: number; type: string; value: { message: string } };
      expect(body.statusCode).toBe(400);
      expect(body.type).toBe(ERROR_TYPE);
      expect(body.value.message).toContain(message);
    },
  );

  it('when an unknown invoke arrives, then it is answered 501 and logged nowhere as a crash', async () => {
    const res = await bot.send(bot.activity('invoke-action', { name: 'composeExtension/query' }));
    expect(res.status).toBe(501);
  });
});
