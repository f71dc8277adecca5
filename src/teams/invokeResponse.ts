/**
 * The one place that shapes invoke responses. Teams requires HTTP 200 for a handled
 * `adaptiveCard/action`, with the real outcome in the body (docs/teams-notes.md#invoke-responses); the card
 * type is `application/vnd.microsoft.card.adaptive` (not `…adaptive.card`).
 */
import { type AdaptiveCard } from '../domain/adaptiveCard';

export const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';
export const MESSAGE_TYPE = 'application/vnd.microsoft.activity.message';
export const ERROR_TYPE = 'application/vnd.microsoft.error';
export const LOGIN_REQUEST_TYPE = 'application/vnd.microsoft.activity.loginRequest';
export const PRECONDITION_FAILED_TYPE = 'application/vnd.microsoft.error.preconditionFailed';

export interface InvokeResponse {
  status: number;
  body?: unknown;
}

export function cardInvokeResponse(card: AdaptiveCard): InvokeResponse {
  return { status: 200, body: { statusCode: 200, type: CARD_TYPE, value: card } };
}

export function messageInvokeResponse(text: string): InvokeResponse {
  return { status: 200, body: { statusCode: 200, type: MESSAGE_TYPE, value: text } };
}

export function errorInvokeResponse(
  statusCode: 400 | 403 | 404 | 409 | 500 | 503,
  code: string,
  message: string,
): InvokeResponse {
  return { status: 200, body: { statusCode, type: ERROR_TYPE, value: { code, message } } };
}

export interface LoginRequest {
  text: string;
  connectionName: string;
  tokenExchangeResource: { id: string; uri: string; providerId?: string };
  buttons: Array<{ type: 'signin'; title: string; value: string }>;
}

/** Asks Teams to get an SSO token and resend the same Action.Execute (docs/teams-notes.md#sso-on-a-card-button). */
export function loginRequestInvokeResponse(value: LoginRequest): InvokeResponse {
  return { status: 200, body: { statusCode: 401, type: LOGIN_REQUEST_TYPE, value } };
}

export function preconditionFailedInvokeResponse(message: string): InvokeResponse {
  return {
    status: 200,
    body: { statusCode: 412, type: PRECONDITION_FAILED_TYPE, value: { code: '412', message } },
  };
}
