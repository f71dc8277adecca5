import { effectOf, MAX_ATTEMPTS } from '../../src/notifications/outcomes';
import type { SendOutcome } from '../../src/notifications/sender';
import { AT, delivery } from './fixtures';

const NOW = new Date(AT);
const sending = delivery({
  state: 'sending',
  attempts: 1,
  claim: { by: 'me', at: AT, deadline: AT },
});
const half = () => 0.5;

describe('effectOf (what a send outcome does to the outbox item)', () => {
  it.each<[string, SendOutcome, string, boolean]>([
    ['sent', { kind: 'sent', activityId: 'a1' }, 'sent', false],
    [
      '429 with Retry-After',
      { kind: 'throttled', status: 429, retryAfterMs: 3000 },
      'pending',
      true,
    ],
    ['429 without Retry-After', { kind: 'throttled', status: 429 }, 'pending', true],
    ['refused before it left', { kind: 'notSent', detail: 'ECONNREFUSED' }, 'pending', true],
    ['403', { kind: 'gone', status: 403, detail: 'BotNotInConversationRoster' }, 'failed', false],
    ['404', { kind: 'gone', status: 404, detail: 'not found' }, 'failed', false],
    [
      '502 (may have been posted)',
      { kind: 'unknown', status: 502, detail: 'bad gateway' },
      'uncertain',
      false,
    ],
    ['timeout', { kind: 'unknown', detail: 'no answer' }, 'uncertain', false],
    ['400', { kind: 'rejected', status: 400, detail: 'bad card' }, 'failed', false],
  ])('when the send ends with %s, then the item becomes %s', (_name, outcome, state, pauses) => {
    const effect = effectOf(sending, outcome, NOW, half);
    expect(effect.next.state).toBe(state);
    expect(effect.next.claim).toBeUndefined();
    expect(effect.pauseUntil !== undefined).toBe(pauses);
    expect(!!effect.gone).toBe(outcome.kind === 'gone');
  });

  it('when Teams says Retry-After 3 s, then the item and the conversation wait exactly that long', () => {
    const effect = effectOf(
      sending,
      { kind: 'throttled', status: 429, retryAfterMs: 3000 },
      NOW,
      half,
    );
    expect(effect.next.nextAttemptAt).toBe(new Date(NOW.getTime() + 3000).toISOString());
    expect(effect.pauseUntil).toBe(NOW.getTime() + 3000);
  });

  it('when 429s come without Retry-After, then the wait grows exponentially with jitter (2 s base, 60 s cap)', () => {
    const waits = [1, 2, 3, 4, 8].map((attempts) => {
      const e = effectOf({ ...sending, attempts }, { kind: 'throttled', status: 429 }, NOW, half);
      return e.pauseUntil! - NOW.getTime();
    });
    expect(waits).toEqual([1500, 3000, 6000, 12000, 45000]);
  });

  it(`when an item was throttled ${MAX_ATTEMPTS} times, then it fails instead of retrying forever`, () => {
    const effect = effectOf(
      { ...sending, attempts: MAX_ATTEMPTS },
      { kind: 'throttled', status: 429, retryAfterMs: 1 },
      NOW,
    );
    expect(effect.next.state).toBe('failed');
    expect(effect.next.note).toMatch(/gave up after 10 attempts/);
  });

  it('when the conversation is gone, then the detail explains it in words an admin understands', () => {
    const effect = effectOf(sending, { kind: 'gone', status: 403, detail: 'x' }, NOW);
    expect(effect.gone).toMatch(/403: the bot is no longer in this conversation/);
  });
});
