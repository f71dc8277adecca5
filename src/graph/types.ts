/**
 * Shared types of the Graph client. `TokenProvider` (an async function giving a bearer token) is
 * the identity module's: the caller picks the identity (on-behalf-of user or app), never the client.
 */
import type { Logger } from '../log';

/** An async function giving a bearer token for Graph (identity/ provides them). */
export type TokenProvider = () => Promise<string>;

/**
 * What every operation returns. `requestId` is Graph's `request-id` of the call that did the work
 * (the PATCH of an update, the POST of a create, the first page of a list) — the id the audit log
 * and error cards show. `requestIds` lists every call the operation made, in order (pages,
 * re-GET after a 204 PATCH). When Graph sends no `request-id`, our `client-request-id` stands in.
 */
export interface GraphResult<T> {
  data: T;
  requestId: string;
  requestIds: string[];
}

export interface RetryOptions {
  /** Attempts per request, the first included. */
  maxAttempts?: number;
  /** First backoff step when Graph gives no Retry-After. */
  baseDelayMs?: number;
  /** Cap for one backoff step. */
  maxDelayMs?: number;
  /** Overall budget for one request, all attempts and waits included. */
  deadlineMs?: number;
}

export interface GraphClientOptions {
  /** e.g. `https://graph.microsoft.com/beta` or the emulator's `http://127.0.0.1:PORT/beta`. */
  baseUrl: string;
  logger?: Logger;
  /**
   * Level of the line logged for a successful attempt; default 'info'. Background polling uses
   * 'debug' so its routine reads do not fill the console (failures always log at 'warn').
   */
  successLogLevel?: 'info' | 'debug';
  fetch?: typeof fetch;
  retry?: RetryOptions;
  /** Per-attempt timeout (headers and body). */
  timeoutMs?: number;
}

export interface ListOptions {
  /** Page size asked for with `$top`; Graph may return fewer. Omitted → the service default. */
  pageSize?: number;
}

export interface GraphRequest {
  method: HttpMethod;
  url: string;
  body?: unknown;
  context: OperationContext;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** What an operation is about, so messages can name it and the permission it needs. */
export interface OperationContext {
  /** e.g. "flow set", "provisioning flow", "role group". */
  what: string;
  /** The delegated permission the operation needs (docs/graph-notes.md#permissions). */
  permission: string;
}
