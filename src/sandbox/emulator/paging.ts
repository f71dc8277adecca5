/**
 * Query options and server-side paging. The docs say only that "some" OData query options are
 * supported (docs/graph-notes.md#paging) and show no nextLink (docs/graph-notes.md#paging); the emulator follows general
 * Graph paging: `$top` sets the page size and the response carries an absolute
 * `@odata.nextLink` with an opaque `$skiptoken` that a client follows verbatim. Other `$` options
 * are refused with a 400 rather than silently ignored, so a client never relies on a filter the
 * emulator did not apply.
 */
import { badRequest } from './graphErrors';

export const MAX_TOP = 999;

export interface PageRequest {
  top?: number;
  offset: number;
}

const SUPPORTED = ['$top', '$skiptoken'];

function parseTop(raw: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_TOP) {
    throw badRequest(
      `Invalid value '${raw}' for query option '$top': it must be a whole number from 1 to ${MAX_TOP}.`,
    );
  }
  return Number(raw);
}

export function encodeSkipToken(offset: number): string {
  return Buffer.from(`offset:${offset}`, 'utf8').toString('base64url');
}

function decodeSkipToken(token: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!match)
    throw badRequest(
      `Invalid value for query option '$skiptoken': '${token}' is not a token this service issued.`,
    );
  return Number(match[1]);
}

/** Reads paging options of a collection GET; `collection` false means a single item (no options). */
export function parsePageRequest(search: URLSearchParams, collection: boolean): PageRequest {
  const request: PageRequest = { offset: 0 };
  for (const [name, value] of search) {
    if (!name.startsWith('$')) continue;
    const option = name.toLowerCase();
    if (!collection || !SUPPORTED.includes(option)) {
      throw badRequest(
        `The query option '${name}' is not supported on this resource${collection ? '; supported: $top (with $skiptoken in nextLinks)' : ''}.`,
      );
    }
    if (option === '$top') request.top = parseTop(value);
    else request.offset = decodeSkipToken(value);
  }
  return request;
}

export interface Page<T> {
  items: T[];
  nextLink?: string;
}

export function pageOf<T>(all: T[], request: PageRequest, collectionUrl: string): Page<T> {
  if (request.top === undefined) return { items: all.slice(request.offset) };
  const end = request.offset + request.top;
  const items = all.slice(request.offset, end);
  if (end >= all.length) return { items };
  // `$` written literally, as in Graph's own nextLinks.
  return {
    items,
    nextLink: `${collectionUrl}?$top=${request.top}&$skiptoken=${encodeSkipToken(end)}`,
  };
}
