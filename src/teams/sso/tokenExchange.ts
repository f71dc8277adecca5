/**
 * `signin/tokenExchange`: Teams hands us the user's SSO token after showing our OAuthCard
 * (docs/teams-notes.md#sso-token-exchange). We verify it, exchange it on-behalf-of the user (msal, our own OBO:
 * botbuilder's middleware would call the Azure Bot Service token store instead, docs/teams-notes.md#app-registration), and answer
 * 200, or 412 so Teams falls back to the card's sign-in button.
 *
 * Deduplication (docs/teams-notes.md#sso-token-exchange): every Teams client of the user sends the same `value.id`.
 * botbuilder's middleware exchanges *before* deduplicating so that every client gets its 412 when
 * consent is missing. We keep that property (nothing marks an id as done until an exchange
 * succeeded, so while consent is missing every client exchanges and gets its 412), but a
 * duplicate that arrives *after* a success is answered 200 from the ledger without a second
 * OBO request: each client's SSO token is a different msal cache key (docs/teams-notes.md#msal-on-behalf-of), so exchanging it
 * again would cost a real token request for nothing. Only duplicates that race the first
 * exchange still exchange; the ledger's create-if-absent write then makes sure only one of them
 * resumes the pending command.
 */
import type { TurnContext } from 'botbuilder';
import { MessageFactory } from 'botbuilder';
import { z } from 'zod';
import { toAppError } from '../../errors';
import type { InvokeResponse } from '../invokeResponse';
import type { TeamsSsoParts, ResumeCommand } from './types';

const TokenExchangeValue = z.object({
  id: z.string().min(1).max(200),
  connectionName: z.string().max(200).optional(),
  token: z.string().min(1).max(16_000),
});

/** Body shape of botbuilder's TokenExchangeInvokeResponse. */
function answer(
  status: 200 | 400 | 412,
  id: string | undefined,
  connectionName: string,
  failureDetail: string | null,
): InvokeResponse {
  return { status, body: { id, connectionName, failureDetail } };
}

export async function onTokenExchange(
  ctx: TurnContext,
  parts: TeamsSsoParts,
  resume: ResumeCommand,
): Promise<InvokeResponse> {
  const { activity } = ctx;
  const parsed = TokenExchangeValue.safeParse(activity.value);
  if (!parsed.success) {
    const id = (activity.value as { id?: unknown } | undefined)?.id;
    return answer(
      400,
      typeof id === 'string' ? id : undefined,
      '',
      'The token exchange request is malformed.',
    );
  }
  const { id, token } = parsed.data;
  const connectionName = parsed.data.connectionName ?? '';
  const oid = activity.from?.aadObjectId ?? '';
  const key = {
    channelId: activity.channelId,
    conversationId: activity.conversation?.id ?? '',
    exchangeId: id,
  };
  const log = parts.logger.child({ exchangeId: id, userOid: oid, activityId: activity.id });

  let expiresAt: number;
  try {
    ({ expiresAt } = await parts.validator(token, {
      aadObjectId: oid,
      tenantId: activity.conversation?.tenantId,
    }));
  } catch (err) {
    const error = toAppError(err);
    log.warn('sso token refused', { code: error.code, reason: causeMessage(error.cause) });
    return answer(412, id, connectionName, error.userMessage);
  }

  if (await parts.ledger.alreadyExchanged(key)) {
    // Verified and the same user: good enough to keep for this instance, no token request needed.
    parts.tokens.remember(oid, token, expiresAt);
    log.info('sso token exchange duplicate');
    return { status: 200 };
  }

  try {
    await parts.identity.onBehalfOf(token)();
  } catch (err) {
    const error = toAppError(err);
    log.warn('sso token exchange failed', { code: error.code });
    const first = (await parts.ledger.recordFailed(key)) === 'first';
    // A sign-in pop-up cannot fix missing admin consent or an outage (docs/teams-notes.md#app-registration):
    // say what will, once per request rather than once per Teams client.
    if (first && error.code !== 'sign_in_required') {
      await ctx.sendActivity(MessageFactory.text(error.userMessage));
    }
    return answer(412, id, connectionName, error.userMessage);
  }

  parts.tokens.remember(oid, token, expiresAt);
  if ((await parts.ledger.recordExchanged(key)) === 'duplicate') {
    log.info('sso token exchange duplicate (raced)');
    return { status: 200 };
  }
  log.info('sso token exchanged');
  await resumePending(ctx, parts, resume, token, log);
  return answer(200, id, connectionName, null);
}

async function resumePending(
  ctx: TurnContext,
  parts: TeamsSsoParts,
  resume: ResumeCommand,
  token: string,
  log: TeamsSsoParts['logger'],
): Promise<void> {
  const oid = ctx.activity.from?.aadObjectId ?? '';
  const text = await parts.pending.claim(oid, ctx.activity.conversation?.id ?? '');
  if (text === undefined) return;
  log.info('resuming command after sign-in');
  // Runs inside the invoke turn: the invoke's HTTP answer waits for it (docs/teams-notes.md#updating-a-sent-card), which is fine for
  // the quick commands that need a sign-in first; `resume` reports its own errors to the user.
  await resume(ctx, text, token);
}

function causeMessage(cause: unknown): string | undefined {
  return cause instanceof Error ? cause.message : undefined;
}
