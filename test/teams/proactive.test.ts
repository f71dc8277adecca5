/**
 * src/teams/proactive.ts against the loopback connector over real HTTP: one send is exactly one
 * POST (botbuilder's hidden pipeline retries are off), and every answer maps to the right outcome.
 */
import { loadConfig } from '../../src/config';
import { createMemoryLogger } from '../../src/log';
import type { StoredConversationReference } from '../../src/store/conversationStore';
import { startLoopbackConnector, type LoopbackConnector } from '../../src/sandbox/connector';
import { classifySendError, createProactiveMessenger } from '../../src/teams/proactive';
import { notificationCard } from '../../src/views/notificationCard';
import { statusEvent } from '../notifications/fixtures';

const CHANNEL = '19:sds-alerts@thread.tacv2';
const card = notificationCard(statusEvent());

describe('proactive sends (loopback connector)', () => {
  let connector: LoopbackConnector;
  let reference: StoredConversationReference;
  const messenger = createProactiveMessenger(loadConfig({}), createMemoryLogger('error').logger, {
    timeoutMs: 500,
  });

  beforeAll(async () => {
    connector = await startLoopbackConnector();
    reference = {
      serviceUrl: connector.serviceUrl,
      channelId: 'msteams',
      conversation: { id: CHANNEL, conversationType: 'channel', isGroup: true },
      bot: { id: '28:bot', name: 'SDS Flow Admin' },
    };
  });
  afterAll(() => connector.close());
  beforeEach(() => {
    connector.calls.length = 0;
    connector.refused.length = 0;
    connector.faults.length = 0;
    connector.latencyMs = 0;
  });

  it('when the connector accepts, then the card is posted once to the channel itself and its id returned', async () => {
    const outcome = await messenger.send(reference, card);
    expect(outcome).toEqual({ kind: 'sent', activityId: connector.calls[0]!.assignedId });
    expect(connector.calls).toHaveLength(1);
    expect(connector.calls[0]).toMatchObject({ method: 'POST', conversationId: CHANNEL });
    expect(connector.calls[0]!.activity.attachments[0].content.type).toBe('AdaptiveCard');
  });

  it.each([
    [503, 'acceptThenFail', 'unknown', 1],
    [500, 'acceptThenFail', 'unknown', 1],
    [502, 'refuse', 'unknown', 0],
    [403, 'refuse', 'gone', 0],
    [404, 'refuse', 'gone', 0],
    [400, 'refuse', 'rejected', 0],
    [412, 'refuse', 'notSent', 0],
  ] as const)(
    'when the connector answers %i (%s), then the outcome is %s and nothing is re-sent behind our back',
    async (status, mode, kind, posted) => {
      connector.faults.push({ status, times: 1, mode });
      const outcome = await messenger.send(reference, card);
      expect(outcome.kind).toBe(kind);
      expect(connector.calls).toHaveLength(posted);
      expect(connector.calls.length + connector.refused.length).toBe(1);
    },
  );

  it('when the connector answers 429 with Retry-After, then the wait is reported, not slept through', async () => {
    connector.faults.push({ status: 429, times: 1, retryAfterSeconds: 7 });
    expect(await messenger.send(reference, card)).toEqual({
      kind: 'throttled',
      status: 429,
      retryAfterMs: 7000,
    });
    expect(connector.refused).toHaveLength(1);
  });

  it('when the connector takes the post but never answers, then the outcome is unknown, with the late answer', async () => {
    connector.faults.push({ status: 200, times: 1, mode: 'acceptThenHang' });
    const outcome = await messenger.send(reference, card);
    expect(outcome).toMatchObject({ kind: 'unknown', detail: 'no answer within 500 ms' });
    expect(connector.calls).toHaveLength(1);
  });

  it('when the answer comes after the timeout, then `settled` reports that it was sent', async () => {
    connector.latencyMs = 800;
    const outcome = await messenger.send(reference, card);
    expect(outcome.kind).toBe('unknown');
    const late = outcome.kind === 'unknown' ? await outcome.settled : undefined;
    expect(late).toMatchObject({ kind: 'sent' });
    expect(connector.calls).toHaveLength(1);
  });

  it('when nothing listens at the service URL, then it was not sent (safe to try again)', async () => {
    const outcome = await messenger.send({ ...reference, serviceUrl: 'http://127.0.0.1:1' }, card);
    expect(outcome.kind).toBe('notSent');
  });

  it('when an activity is updated, then the connector gets a PUT of that activity id', async () => {
    expect(await messenger.update(reference, 'act-1', card)).toEqual({
      kind: 'sent',
      activityId: 'act-1',
    });
    expect(connector.calls[0]).toMatchObject({
      method: 'PUT',
      activityId: 'act-1',
      conversationId: CHANNEL,
    });
  });
});

describe('classifySendError', () => {
  const restError = (statusCode: number, retryAfter?: string) => ({
    statusCode,
    message: 'x',
    response: { headers: { get: (n: string) => (n === 'retry-after' ? retryAfter : undefined) } },
  });
  it.each([
    [restError(429, '2.5'), { kind: 'throttled', retryAfterMs: 2500 }],
    [restError(429, 'Wed, 21 Oct 2015 07:28:05 GMT'), { kind: 'throttled', retryAfterMs: 5000 }],
    [restError(429), { kind: 'throttled', retryAfterMs: undefined }],
    [restError(401), { kind: 'notSent' }],
    [restError(504), { kind: 'unknown' }],
    [{ code: 'ECONNRESET', message: 'socket hang up' }, { kind: 'unknown' }],
    [{ code: 'ENOTFOUND', message: 'dns' }, { kind: 'notSent' }],
  ])('when the error is %j, then %j', (err, expected) => {
    expect(classifySendError(err, Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toMatchObject(
      expected,
    );
  });
});
