/** Operations 1–5 of docs/graph-notes.md#operations: list, create, get, update, delete flow sets. */
import type { Outcome } from '../graphErrors';
import { pageOf } from '../paging';
import { canonicalCollectionPath } from '../router';
import { contextUrls, serializeFlowSet } from '../serializers';
import { parseFlowSetFields } from '../validation';
import { type HandlerContext, requireBody, requireFlowSet } from './context';

export function listFlowSets(ctx: HandlerContext): Outcome {
  const url = ctx.baseUrl + canonicalCollectionPath(ctx.route);
  const page = pageOf(ctx.store.listFlowSets(), ctx.page, url);
  return {
    status: 200,
    body: {
      '@odata.context': contextUrls.flowSets,
      ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
      value: page.items.map((set) => serializeFlowSet(set)),
    },
  };
}

export function createFlowSet(ctx: HandlerContext): Outcome {
  const fields = parseFlowSetFields(requireBody(ctx));
  const set = ctx.store.createFlowSet(fields);
  return { status: 201, body: serializeFlowSet(set, contextUrls.flowSet) };
}

export function getFlowSet(ctx: HandlerContext): Outcome {
  return { status: 200, body: serializeFlowSet(requireFlowSet(ctx), contextUrls.flowSet) };
}

/** PATCH answers 204 with no body (docs/graph-notes.md#patch-merge). */
export function updateFlowSet(ctx: HandlerContext): Outcome {
  const set = requireFlowSet(ctx);
  const { displayName, filter } = set;
  const fields = parseFlowSetFields(requireBody(ctx), { displayName, filter });
  ctx.store.updateFlowSet(set, fields);
  return { status: 204 };
}

export function deleteFlowSet(ctx: HandlerContext): Outcome {
  ctx.store.deleteFlowSet(requireFlowSet(ctx));
  return { status: 204 };
}
