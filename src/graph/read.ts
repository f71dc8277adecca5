/**
 * Reading Graph answers: schema-checked single objects and collections followed across pages.
 */
import type { z } from 'zod';
import { AppError } from '../errors';
import { unreadableResponse, type OperationContext } from './errors';
import type { GraphResponse, SendGraphRequest } from './http';
import { page } from '../domain/flowSchemas';
import type { GraphResult, TokenProvider } from './types';

/** A guard against a service that keeps sending next links (or loops): no real list is this long. */
const MAX_PAGES = 200;

export function parseAnswer<T>(schema: z.ZodType<T>, res: GraphResponse): T {
  const parsed = schema.safeParse(res.body);
  if (!parsed.success) throw unreadableResponse(res.requestId, parsed.error);
  return parsed.data;
}

/**
 * Refuses a next link to another origin: following it would hand the caller's token to that host.
 * Otherwise the link is used verbatim (docs/graph-notes.md#paging: it carries `$skiptoken` and the query).
 */
function checkNextLink(baseUrl: string, link: string, requestId: string): string {
  let origin: string | undefined;
  try {
    origin = new URL(link).origin;
  } catch {
    origin = undefined;
  }
  if (origin !== new URL(baseUrl).origin) {
    throw new AppError('internal', 'Graph returned data we could not read.', {
      requestId,
      cause: new Error(`next link outside ${new URL(baseUrl).origin}: ${link}`),
    });
  }
  return link;
}

/**
 * One page schema per item schema, built on first use: zod compiles a parser for each new schema
 * object, so building `page(item)` per call cost a compile on every list request.
 */
type PageSchema = z.ZodType<{ value: unknown[]; '@odata.nextLink'?: string }>;
const pageSchemas = new WeakMap<z.ZodType, PageSchema>();

export function pageOf(item: z.ZodType): PageSchema {
  let schema = pageSchemas.get(item);
  if (!schema) {
    schema = page(item);
    pageSchemas.set(item, schema);
  }
  return schema;
}

/** GETs `firstUrl` and every `@odata.nextLink` after it; returns all items of all pages. */
export async function readAllPages<T>(args: {
  send: SendGraphRequest;
  token: TokenProvider;
  baseUrl: string;
  firstUrl: string;
  item: z.ZodType<T>;
  context: OperationContext;
}): Promise<GraphResult<T[]>> {
  const schema = pageOf(args.item);
  const items: T[] = [];
  const requestIds: string[] = [];
  const seen = new Set<string>();
  let url: string | undefined = args.firstUrl;
  while (url !== undefined) {
    if (seen.has(url) || seen.size >= MAX_PAGES) {
      throw new AppError('internal', 'Graph returned data we could not read.', {
        requestId: requestIds.at(-1),
        cause: new Error(`paging did not end after ${seen.size} pages`),
      });
    }
    seen.add(url);
    const res = await args.send(args.token, { method: 'GET', url, context: args.context });
    requestIds.push(res.requestId);
    const body = parseAnswer(schema, res);
    items.push(...(body.value as T[]));
    const next = body['@odata.nextLink'];
    url = next === undefined ? undefined : checkNextLink(args.baseUrl, next, res.requestId);
  }
  return { data: items, requestId: requestIds[0] ?? '', requestIds };
}
