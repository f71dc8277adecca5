/**
 * Sends a change's exact stored body to Graph as the clicking user, then reads back what is
 * stored, for the result card. The write and the read-back are separate on purpose: once the
 * write succeeded the change *is* applied, even when the read-back fails.
 */
import type { StoredData } from '../domain/changeResult';
import type { PendingChange } from '../domain/pendingChange';
import { AppError } from '../errors';
import type { IndustryDataApi } from '../graph';
import type { FlowSet, ProvisioningFlow } from '../domain/flowSchemas';
import type { FlowSetPatchInput } from '../domain/flowInputs';
import type { ChangeView } from './changeView';

export interface Executed {
  /** Graph's request-id of the write. */
  requestId?: string;
  stored?: StoredData;
  /** e.g. the read-back failed, or what a delete leaves behind. */
  note?: string;
  /** The id Graph gave a created set or flow: recorded, so undo finds it after a rename. */
  createdId?: string;
}

type ReadBack = () => Promise<StoredData | undefined>;
interface Written {
  requestId?: string;
  createdId?: string;
  readBack?: ReadBack;
  note?: string;
}

/**
 * The client's update = PATCH then GET (Graph answers 204, industryData.ts); when only the GET
 * failed its error is flagged `savedButUnread` — the write happened.
 */
const savedButUnread = (err: unknown): err is AppError =>
  err instanceof AppError && err.savedButUnread;

async function patched<T>(
  write: Promise<{ data: T; requestId: string }>,
  show: (data: T) => StoredData | Promise<StoredData>,
): Promise<Written> {
  try {
    const { data, requestId } = await write;
    return { requestId, readBack: async () => show(data) };
  } catch (err) {
    if (savedButUnread(err)) return { note: err.userMessage };
    throw err;
  }
}

/**
 * A set PATCH leaves the set's flows as they are, so the flows for the result card are read while
 * the PATCH and its re-GET run: one sequential Graph round fewer per Apply. When the write fails
 * this read is simply unused (its failure is caught here and never reported).
 */
function updateSetWithFlows(graph: IndustryDataApi, setId: string, body: FlowSetPatchInput) {
  const flows = graph.listFlows(setId);
  flows.catch(() => undefined);
  return patched(graph.updateFlowSet(setId, body), async (set: FlowSet) => ({
    kind: 'set' as const,
    set,
    flows: (await flows).data,
  }));
}

async function write(
  graph: IndustryDataApi,
  change: PendingChange,
  view: ChangeView,
): Promise<Written> {
  const flowView = (flow: ProvisioningFlow): StoredData => ({
    kind: 'flow',
    setName: view.setName,
    flow,
  });
  switch (change.kind) {
    case 'createFlowSet': {
      const { data, requestId } = await graph.createFlowSet(change.body);
      return {
        requestId,
        createdId: data.id,
        readBack: async () => ({
          kind: 'set',
          set: (await graph.getFlowSet(data.id)).data,
          flows: [],
        }),
      };
    }
    case 'updateFlowSet':
      return updateSetWithFlows(graph, change.target.setId, change.body);
    case 'deleteFlowSet': {
      const { requestId } = await graph.deleteFlowSet(change.target.setId);
      return { requestId, note: `Flow set "${view.setName}" and its flows are deleted.` };
    }
    case 'createFlow': {
      const { setId } = change.target;
      const { data, requestId } = await graph.createFlow(setId, change.body);
      return {
        requestId,
        createdId: data.id,
        readBack: async () => flowView((await graph.getFlow(setId, data.id)).data),
      };
    }
    case 'updateFlow':
      return patched(
        graph.updateFlow(change.target.setId, change.target.flowId, change.body),
        flowView,
      );
    case 'deleteFlow': {
      const { requestId } = await graph.deleteFlow(change.target.setId, change.target.flowId);
      return { requestId, note: `The flow is removed from "${view.setName}".` };
    }
    case 'resetFlow': {
      const { setId, flowId } = change.target;
      const { requestId } = await graph.resetFlow(setId, flowId);
      return {
        requestId,
        note: 'The flow reprocesses everything now; it shows "not ready" until the run is done.',
        readBack: async () => flowView((await graph.getFlow(setId, flowId)).data),
      };
    }
    case 'startRun': {
      // 202 with a Location to the operation (docs/graph-notes.md#runs): recorded as the created id.
      const { data, requestId } = await graph.startRun();
      return {
        requestId,
        ...(data.operationId ? { createdId: data.operationId } : {}),
        note: 'School Data Sync accepted the start (202). The run shows in "runs" as running until it ends.',
      };
    }
  }
}

/** Writes (throws the Graph AppError when the write fails), then reads back (never throws). */
export async function executeChange(
  graph: IndustryDataApi,
  change: PendingChange,
  view: ChangeView,
): Promise<Executed> {
  const written = await write(graph, change, view);
  const { requestId, createdId } = written;
  const ids = { requestId, ...(createdId ? { createdId } : {}) };
  if (!written.readBack) return { ...ids, note: written.note };
  try {
    return { ...ids, note: written.note, stored: await written.readBack() };
  } catch (err) {
    const message = err instanceof AppError ? err.userMessage : 'Reading it back failed.';
    return {
      ...ids,
      note: [written.note, `It was saved, but reading it back failed: ${message}`]
        .filter(Boolean)
        .join(' '),
    };
  }
}
