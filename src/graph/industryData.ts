/**
 * The industryData operations of docs/graph-notes.md#operations, one method each, bound to the caller's identity.
 * Every method returns `{ data, requestId, requestIds }` (see GraphResult in types.ts).
 */
import type { z } from 'zod';
import { AppError } from '../errors';
import {
  FlowCreateInput,
  FlowPatchInput,
  FlowSetCreateInput,
  FlowSetPatchInput,
} from '../domain/flowInputs';
import type { OperationContext } from './errors';
import type { SendGraphRequest } from './http';
import { buildUrl, paths } from './paths';
import { parseAnswer, readAllPages } from './read';
import { FlowSet, ProvisioningFlow, RoleGroup } from '../domain/flowSchemas';
import type { GraphResult, ListOptions, TokenProvider } from './types';
import { flowSetToWire, flowToWire, parseInput } from './wire';
import { READ_SCOPE, READWRITE_SCOPE, ROLE_GROUPS_SCOPE } from './permissions';
import { bindRuns, type RunsApi } from './runs';

/** Flow sets, flows and role groups here; the sync-run methods come from runs.ts. */
export interface IndustryDataApi extends RunsApi {
  listFlowSets(options?: ListOptions): Promise<GraphResult<FlowSet[]>>;
  getFlowSet(id: string): Promise<GraphResult<FlowSet>>;
  createFlowSet(body: FlowSetCreateInput): Promise<GraphResult<FlowSet>>;
  /** PATCH, then the stored set (Graph answers 204 without a body, docs/graph-notes.md#operations). */
  updateFlowSet(id: string, patch: FlowSetPatchInput): Promise<GraphResult<FlowSet>>;
  deleteFlowSet(id: string): Promise<GraphResult<void>>;
  listFlows(setId: string, options?: ListOptions): Promise<GraphResult<ProvisioningFlow[]>>;
  createFlow(setId: string, body: FlowCreateInput): Promise<GraphResult<ProvisioningFlow>>;
  getFlow(setId: string, flowId: string): Promise<GraphResult<ProvisioningFlow>>;
  /** PATCH, then the stored flow (204 without a body, docs/graph-notes.md#operations). */
  updateFlow(
    setId: string,
    flowId: string,
    patch: FlowPatchInput,
  ): Promise<GraphResult<ProvisioningFlow>>;
  deleteFlow(setId: string, flowId: string): Promise<GraphResult<void>>;
  /** Reprocess all data as if it were the first run (202, no body, docs/graph-notes.md#reset). Never retried if unanswered. */
  resetFlow(setId: string, flowId: string): Promise<GraphResult<void>>;
  listRoleGroups(options?: ListOptions): Promise<GraphResult<RoleGroup[]>>;
  getRoleGroup(id: string): Promise<GraphResult<RoleGroup>>;
}

// Least-privileged delegated permissions per operation (docs/graph-notes.md#permissions).
const READ = `${READ_SCOPE} (or ReadWrite.All)`;
const WRITE = READWRITE_SCOPE;
const ROLES = ROLE_GROUPS_SCOPE;
const ctx = (what: string, permission: string): OperationContext => ({ what, permission });
const SET_READ = ctx('flow set', READ);
const SET_WRITE = ctx('flow set', WRITE);
const FLOW_READ = ctx('provisioning flow', READ);
const FLOW_WRITE = ctx('provisioning flow', WRITE);
const ROLE_READ = ctx('role group', ROLES);

const done = (requestId: string): GraphResult<void> => ({
  data: undefined,
  requestId,
  requestIds: [requestId],
});

export function bindIndustryData(
  send: SendGraphRequest,
  baseUrl: string,
  token: TokenProvider,
): IndustryDataApi {
  const url = (path: string, options?: ListOptions) =>
    buildUrl(baseUrl, path, { top: options?.pageSize });

  /** The parsed object of a request that answered with one. */
  const answer = <T>(schema: z.ZodType<T>, res: Awaited<ReturnType<typeof send>>) => ({
    data: parseAnswer(schema, res),
    requestId: res.requestId,
    requestIds: [res.requestId],
  });

  const getOne = async <T>(schema: z.ZodType<T>, path: string, context: OperationContext) =>
    answer(schema, await send(token, { method: 'GET', url: url(path), context }));

  const post = async <T>(
    schema: z.ZodType<T>,
    path: string,
    body: unknown,
    context: OperationContext,
  ) => answer(schema, await send(token, { method: 'POST', url: url(path), body, context }));

  /** PATCH; a 204 is followed by a GET so callers see what Graph stored (it may normalise values, docs/graph-notes.md#reference-codes). */
  async function patch<T>(
    schema: z.ZodType<T>,
    path: string,
    body: unknown,
    context: OperationContext,
  ) {
    const res = await send(token, { method: 'PATCH', url: url(path), body, context });
    if (res.body !== undefined) return answer(schema, res);
    try {
      const stored = await getOne(schema, path, context);
      return {
        data: stored.data,
        requestId: res.requestId,
        requestIds: [res.requestId, stored.requestId],
      };
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      throw new AppError(
        err.code,
        `The change was saved, but reading it back failed. ${err.userMessage}`,
        {
          retryable: err.retryable,
          requestId: err.requestId,
          status: err.status,
          cause: err,
          savedButUnread: true,
        },
      );
    }
  }

  /** DELETE, or the body-less reset action (POST → 202). */
  async function noContent(method: 'DELETE' | 'POST', path: string, context: OperationContext) {
    const res = await send(token, { method, url: url(path), context });
    return done(res.requestId);
  }

  const list = <T>(
    item: z.ZodType<T>,
    path: string,
    context: OperationContext,
    options?: ListOptions,
  ) => readAllPages({ send, token, baseUrl, firstUrl: url(path, options), item, context });

  // async arrows: invalid input rejects the returned promise instead of throwing synchronously.
  return {
    listFlowSets: (options) => list(FlowSet, paths.flowSets(), SET_READ, options),
    getFlowSet: (id) => getOne(FlowSet, paths.flowSet(id), SET_READ),
    createFlowSet: async (body) =>
      post(
        FlowSet,
        paths.flowSets(),
        flowSetToWire(parseInput(FlowSetCreateInput, body)),
        SET_WRITE,
      ),
    updateFlowSet: async (id, body) =>
      patch(
        FlowSet,
        paths.flowSet(id),
        flowSetToWire(parseInput(FlowSetPatchInput, body)),
        SET_WRITE,
      ),
    deleteFlowSet: (id) => noContent('DELETE', paths.flowSet(id), SET_WRITE),
    listFlows: (setId, options) => list(ProvisioningFlow, paths.flows(setId), FLOW_READ, options),
    createFlow: async (setId, body) =>
      post(
        ProvisioningFlow,
        paths.flows(setId),
        flowToWire(baseUrl, parseInput(FlowCreateInput, body)),
        FLOW_WRITE,
      ),
    getFlow: (setId, flowId) => getOne(ProvisioningFlow, paths.flow(setId, flowId), FLOW_READ),
    updateFlow: async (setId, flowId, body) =>
      patch(
        ProvisioningFlow,
        paths.flow(setId, flowId),
        flowToWire(baseUrl, parseInput(FlowPatchInput, body)),
        FLOW_WRITE,
      ),
    deleteFlow: (setId, flowId) => noContent('DELETE', paths.flow(setId, flowId), FLOW_WRITE),
    resetFlow: (setId, flowId) => noContent('POST', paths.resetFlow(setId, flowId), FLOW_WRITE),
    listRoleGroups: (options) => list(RoleGroup, paths.roleGroups(), ROLE_READ, options),
    getRoleGroup: (id) => getOne(RoleGroup, paths.roleGroup(id), ROLE_READ),
    ...bindRuns(send, baseUrl, token),
  };
}
