/**
 * The one error type of the app. Every failure the user can see is an AppError with a code,
 * a message written for a school IT admin, a retryable flag and the underlying cause.
 */
export type AppErrorCode =
  | 'bad_input' // the user typed or submitted something we cannot accept
  | 'unknown_command'
  | 'not_found'
  | 'forbidden' // Graph or our own policy says no
  | 'consent_required' // the tenant admin has not consented to the permission
  | 'sign_in_required' // no valid SSO token for this user
  | 'conflict' // the object changed, or a duplicate, or a stale eTag
  | 'validation' // Graph rejected the body
  | 'throttled'
  | 'unavailable'
  | 'config' // missing or invalid configuration
  | 'internal';

export interface AppErrorOptions {
  retryable?: boolean;
  cause?: unknown;
  /** Graph `request-id` (or another upstream correlation id) for the structured log and the card. */
  requestId?: string;
  /** HTTP status from upstream, when there was one. */
  status?: number;
  /** Field-level problems, for forms: field id → message. */
  fields?: Record<string, string>;
  /** A write went through but reading it back failed: the change happened (check this, not the text). */
  savedButUnread?: boolean;
  /**
   * A write was sent but no usable answer came back (timeout, dropped connection, a 5xx to a
   * POST): Graph may or may not have made it. Record the change's outcome as unknown and settle
   * it by reading Graph, never by sending it again.
   */
  outcomeUnknown?: boolean;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;
  readonly retryable: boolean;
  readonly requestId?: string;
  readonly status?: number;
  readonly fields?: Record<string, string>;
  readonly savedButUnread: boolean;
  readonly outcomeUnknown: boolean;

  constructor(code: AppErrorCode, userMessage: string, options: AppErrorOptions = {}) {
    super(userMessage, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.userMessage = userMessage;
    this.retryable = options.retryable ?? false;
    this.requestId = options.requestId;
    this.status = options.status;
    this.fields = options.fields;
    this.savedButUnread = options.savedButUnread ?? false;
    this.outcomeUnknown = options.outcomeUnknown ?? false;
  }
}

/** Turns anything thrown into an AppError without leaking internals into the user message. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return new AppError(
    'internal',
    'Something went wrong on our side. The details are in the bot log.',
    {
      cause: err,
    },
  );
}
