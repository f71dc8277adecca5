/**
 * Issue 12 item 17: the "Graph is busy" card agrees with itself (one time to wait, in words that
 * fit the number) and offers Retry, which runs the command again.
 */
import { GraphCallError, mapHttpError } from '../../src/graph/errors';
import { cardText, useTestBot } from '../support/testBot';
import { click, executeActions, say } from './support';

describe('Graph is busy (component)', () => {
  const bot = useTestBot();
  const control = () => bot.app.sandbox!.emulator.control;
  afterEach(() => control().clearFaults());

  it('when Graph keeps throttling, then the card names one time to wait and Retry runs the command again', async () => {
    control().addFault({ status: 429, count: 50, retryAfterSeconds: 0 });
    const card = await say(bot, 'status');
    const text = cardText(card);
    expect(text).toContain('Microsoft Graph is busy');
    expect(text).not.toMatch(/in a minute[\s\S]*in a minute|seconds[\s\S]*in a minute/);
    const retry = executeActions(card).find((a) => a.title === 'Retry')!;
    expect(retry.data).toEqual({ command: 'status' });

    control().clearFaults();
    expect(cardText(await click(bot, retry))).not.toContain('Microsoft Graph is busy');
  });

  it('when Graph asks to wait about one second, then the message says "1 second", not "1 seconds"', () => {
    const error = mapHttpError({
      status: 429,
      body: {},
      requestId: 'req-1',
      context: { what: 'flow set', permission: 'IndustryData-OutboundFlow.Read.All' },
      retryAfterMs: 800,
      cause: new GraphCallError('x', { method: 'GET', path: '/p', clientRequestId: 'c' }),
    });
    expect(error.userMessage).toContain('in about 1 second.');
  });
});
