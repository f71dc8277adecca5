/**
 * The Graph client: `createGraphClient(options).as(tokenProvider)` gives the industryData API
 * acting as whoever the token provider represents. The client never picks an identity itself.
 */
import { createHttp } from './http';
import { bindIndustryData, type IndustryDataApi } from './industryData';
import type { GraphClientOptions, TokenProvider } from './types';

export interface GraphClient {
  as(token: TokenProvider): IndustryDataApi;
}

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const send = createHttp({ ...options, baseUrl });
  return { as: (token) => bindIndustryData(send, baseUrl, token) };
}

export type { IndustryDataApi } from './industryData';
export type { RunsApi } from './runs';
export { runStartRefusal, type RunStartRefusal } from './runRefusal';
export type {
  GraphClientOptions,
  GraphResult,
  ListOptions,
  RetryOptions,
  TokenProvider,
} from './types';
export * from '../domain/flowInputs';
export { RETRY_DEFAULTS, DEFAULT_TIMEOUT_MS } from './retry';
export { GraphCallError } from './errors';
