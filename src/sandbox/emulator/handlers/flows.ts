/**
 * Operations 6–11 of docs/graph-notes.md#operations: list/create flows in a set; get/update/delete any flow
 * (dispatching on its stored type, docs/graph-notes.md#operations); and the `reset` action (202, no body, docs/graph-notes.md#reset).
 */
import { FLOW_ODATA_TYPES } from '../../../domain/flowSchemas';
import { badRequest, type Outcome } from '../graphErrors';
import { pageOf } from '../paging';
import { canonicalCollectionPath } from '../router';
import { type FlowView, contextUrls, serializeFlow } from '../serializers';
import { checkFlowKindUnchanged, flowKindForCreate, parseFlowFields } from '../validation';
import { type HandlerContext, requireBody, requireFlow, requireFlowSet } from './context';

function view(
  ctx: HandlerContext,
  context: string | undefined,
  inlineRoleGroups: boolean,
): FlowView {
  return {
    context,
    inlineRoleGroups,
    findRoleGroup: (id) => ctx.store.findRoleGroup(id),
    nowMs: ctx.nowMs,
  };
}

export function listFlows(ctx: HandlerContext): Outcome {
  const set = requireFlowSet(ctx);
  const url = ctx.baseUrl + canonicalCollectionPath({ kind: 'flows', setId: set.id });
  const page = pageOf(ctx.store.listFlows(set.id), ctx.page, url);
  const itemView = view(ctx, undefined, true);
  return {
    status: 200,
    body: {
      '@odata.context': contextUrls.flows(set.id),
      ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
      value: page.items.map((flow) => serializeFlow(flow, itemView)),
    },
  };
}

/** A set holds no more than one flow of each type (docs/graph-notes.md#one-flow-per-type). */
export function createFlow(ctx: HandlerContext): Outcome {
  const set = requireFlowSet(ctx);
  const body = requireBody(ctx);
  const kind = flowKindForCreate(body);
  const existing = ctx.store.findFlowOfKind(set.id, kind);
  if (existing) {
    throw badRequest(
      `The outbound provisioning flow set '${set.displayName}' (${set.id}) already has a ${FLOW_ODATA_TYPES[kind].slice(1)} (${existing.id}). A flow set may contain no more than one provisioning flow of each type: update or delete the existing one instead.`,
    );
  }
  const fields = parseFlowFields(kind, body, undefined, (id) => ctx.store.findRoleGroup(id));
  const flow = ctx.store.createFlow(set.id, kind, fields);
  return { status: 201, body: serializeFlow(flow, view(ctx, contextUrls.flow(set.id), false)) };
}

export function getFlow(ctx: HandlerContext): Outcome {
  const { set, flow } = requireFlow(ctx);
  return { status: 200, body: serializeFlow(flow, view(ctx, contextUrls.flow(set.id), true)) };
}

export function updateFlow(ctx: HandlerContext): Outcome {
  const { flow } = requireFlow(ctx);
  const body = requireBody(ctx);
  checkFlowKindUnchanged(body, flow.kind, flow.id);
  const fields = parseFlowFields(flow.kind, body, flow.fields, (id) => ctx.store.findRoleGroup(id));
  ctx.store.updateFlow(flow, fields);
  return { status: 204 };
}

export function deleteFlow(ctx: HandlerContext): Outcome {
  ctx.store.deleteFlow(requireFlow(ctx).flow);
  return { status: 204 };
}

/** "Don't supply a request body": any body sent is ignored. */
export function resetFlow(ctx: HandlerContext): Outcome {
  ctx.store.resetFlow(requireFlow(ctx).flow);
  return { status: 202 };
}
