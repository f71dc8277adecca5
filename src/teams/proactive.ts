/**
 * Proactive sends (the only botbuilder code of notifications): `continueConversationAsync` into a
 * stored conversation reference, then `sendActivity` / `updateActivity` (docs/teams-notes.md#proactive-messages;
 * the old `continueConversation` throws on CloudAdapter). Outcomes are classified for the outbox.
 *
 * Why the connector client's retry policy is removed: botbuilder's ConnectorClient runs on
 * @azure/core-rest-pipeline with its default retry policy (docs/teams-notes.md#rate-limits marks this
 * [UNCONFIRMED]; we confirmed it against the loopback connector: a POST answered 503 or 500 was
 * silently sent again and reported as success, and a 429 was retried inside the call). Re-POSTing
 * an activity after a 5xx can post it twice, and a hidden 429 retry
 * bypasses our limiter. So every send here is exactly one HTTP request, and the outbox decides.
 */
import type { ConversationReference, TurnContext } from 'botbuilder';
import { type AdaptiveCard } from '../domain/adaptiveCard';
import type { Config } from '../config';
import type { Logger } from '../log';
import type { NotificationSender, SendOutcome } from '../notifications/sender';
import type { StoredConversationReference } from '../store/conversationStore';
import { createAdapter } from './adapter';
import { cardActivity } from './replies';

/** Transport errors where nothing reached the service: sending again cannot post twice. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

interface RestErrorLike {
  statusCode?: number;
  code?: string;
  message?: string;
  response?: { headers?: { get?(name: string): string | undefined } };
}

/** Maps a failed send (a core-rest-pipeline RestError or a transport error) to an outcome. */
export function classifySendError(err: unknown, nowMs = Date.now()): SendOutcome {
  const e = (err ?? {}) as RestErrorLike;
  const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  const detail = `${status ?? e.code ?? 'error'}: ${String(e.message ?? err).slice(0, 200)}`;
  if (status === undefined) {
    return e.code && NOT_SENT_CODES.has(e.code)
      ? { kind: 'notSent', detail }
      : { kind: 'unknown', detail };
  }
  if (status === 429) return { kind: 'throttled', status, retryAfterMs: retryAfterMs(e, nowMs) };
  if (status === 403 || status === 404 || status === 410) return { kind: 'gone', status, detail };
  // 401: the connector refused our token; 412: the docs list it as retryable (rate-limit.md).
  if (status === 401 || status === 412) return { kind: 'notSent', status, detail };
  if (status >= 500) return { kind: 'unknown', status, detail };
  return { kind: 'rejected', status, detail };
}

function retryAfterMs(e: RestErrorLike, nowMs: number): number | undefined {
  const value = e.response?.headers?.get?.('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

type PipelineOwner = { client?: { pipeline?: { removePolicy(p: { name: string }): unknown } } };

class PipelineUnreachable extends Error {}

function withoutHiddenRetries(ctx: TurnContext): void {
  const adapter = ctx.adapter as unknown as { ConnectorClientKey: symbol };
  const connector = ctx.turnState.get(adapter.ConnectorClientKey) as PipelineOwner | undefined;
  const pipeline = connector?.client?.pipeline;
  // Refuse to send rather than risk hidden re-POSTs if a botbuilder update moved the pipeline.
  if (!pipeline) throw new PipelineUnreachable('connector pipeline not found');
  pipeline.removePolicy({ name: 'defaultRetryPolicy' });
}

function outcomeOf(err: unknown, logger: Logger): SendOutcome {
  if (err instanceof PipelineUnreachable) {
    logger.error('proactive send refused: cannot turn off connector retries', { error: err });
    return { kind: 'rejected', status: 0, detail: err.message };
  }
  return classifySendError(err);
}

export interface ProactiveMessenger extends NotificationSender {
  update(
    reference: StoredConversationReference,
    activityId: string,
    card: AdaptiveCard,
  ): Promise<SendOutcome>;
}

export function createProactiveMessenger(
  config: Config,
  logger: Logger,
  options: { timeoutMs: number },
): ProactiveMessenger {
  const adapter = createAdapter(config, logger);
  const botAppId = config.bot.id ?? '';

  /** One HTTP request inside continueConversationAsync, bounded by the send timeout. */
  const once = (
    reference: StoredConversationReference,
    act: (ctx: TurnContext) => Promise<string | undefined>,
  ): Promise<SendOutcome> => {
    const attempt: Promise<SendOutcome> = (async () => {
      let outcome: SendOutcome = { kind: 'notSent', detail: 'the turn did not run' };
      // Validated by zod when stored; botbuilder's type wants `name` on every account.
      const ref = reference as unknown as Partial<ConversationReference>;
      await adapter.continueConversationAsync(botAppId, ref, async (ctx) => {
        // Caught here: errors escaping the logic would go to the adapter's onTurnError and vanish.
        try {
          withoutHiddenRetries(ctx);
          outcome = { kind: 'sent', activityId: await act(ctx) };
        } catch (err) {
          outcome = outcomeOf(err, logger);
        }
      });
      return outcome;
    })().catch((err: unknown) => outcomeOf(err, logger));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<SendOutcome>((resolve) => {
      timer = setTimeout(
        () =>
          resolve({
            kind: 'unknown',
            detail: `no answer within ${options.timeoutMs} ms`,
            settled: attempt,
          }),
        options.timeoutMs,
      );
    });
    return Promise.race([attempt, timeout]).finally(() => clearTimeout(timer));
  };

  return {
    send: (reference, card) =>
      once(reference, async (ctx) => (await ctx.sendActivity(cardActivity(card)))?.id),
    update: (reference, activityId, card) =>
      once(reference, async (ctx) => {
        await ctx.updateActivity({ ...cardActivity(card), id: activityId });
        return activityId;
      }),
  };
}
