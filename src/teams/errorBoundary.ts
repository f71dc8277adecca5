/**
 * The one boundary that turns an error into what the user sees (a friendly card, or an invoke
 * error) and one structured log line with the correlation ids. No stack trace reaches chat.
 */
import type { TurnContext } from 'botbuilder';
import { errorCard } from '../views/messageCards';
import { AppError, toAppError } from '../errors';
import type { Logger } from '../log';
import { activeTraceId, failTurn } from '../telemetry';
import { InvokeResponse, cardInvokeResponse, errorInvokeResponse } from './invokeResponse';
import { cardActivity } from './replies';

export function logFailure(logger: Logger, ctx: TurnContext, err: unknown): AppError {
  const error = toAppError(err);
  failTurn(error);
  const cause = error.cause instanceof Error ? error.cause : undefined;
  logger[error.code === 'internal' ? 'error' : 'warn']('turn failed', {
    code: error.code,
    activityId: ctx.activity.id,
    activityType: ctx.activity.type,
    invokeName: ctx.activity.type === 'invoke' ? ctx.activity.name : undefined,
    conversationId: ctx.activity.conversation?.id,
    userOid: ctx.activity.from?.aadObjectId,
    graphRequestId: error.requestId,
    message: error.userMessage,
    cause: cause ? { name: cause.name, message: cause.message, stack: cause.stack } : error.cause,
    fields: error.fields,
  });
  return error;
}

/** For a chat message: the error as a card in the conversation. */
export async function replyWithError(
  logger: Logger,
  ctx: TurnContext,
  err: unknown,
  /** The command that failed: a temporary failure's card offers Retry, which runs it again. */
  retryCommand?: string,
): Promise<void> {
  const error = logFailure(logger, ctx, err);
  await ctx.sendActivity(
    cardActivity(
      errorCard(error, { activityId: ctx.activity.id, retryCommand, traceId: activeTraceId() }),
    ),
  );
}

/** For a card action: bad input is an invoke error; anything else shows as a card. */
export function invokeResponseForError(
  logger: Logger,
  ctx: TurnContext,
  err: unknown,
): InvokeResponse {
  const error = logFailure(logger, ctx, err);
  if (error.code === 'bad_input') {
    const details = error.fields
      ? ' ' +
        Object.entries(error.fields)
          .map(([k, v]) => `${k}: ${v}`)
          .join('; ')
      : '';
    return errorInvokeResponse(400, 'BadRequest', error.userMessage + details);
  }
  return cardInvokeResponse(
    errorCard(error, { activityId: ctx.activity.id, traceId: activeTraceId() }),
  );
}
