/**
 * The Graph reads the flow-set commands share. Graph has no way to expand a set's flows inline
 * (docs/graph-notes.md#types: provisioningFlows is not returned by the set GET/list), so each set costs one
 * list-flows call; those run in parallel, a few at a time, to stay clear of throttling (docs/graph-notes.md#throttling).
 * Errors are AppErrors from the Graph client and are not caught here: the error boundary shows them.
 */
import type { FlowSetWithFlows } from '../domain/flowSummary';
import type { IndustryDataApi } from '../graph';
import type { FlowSet } from '../domain/flowSchemas';
import { mapLimit } from '../domain/concurrency';

/**
 * Concurrent list-flows calls: a whole card page (10 sets) at once, so `list` and `status` make
 * one round of flow reads instead of two. Graph throttles per app and tenant over seconds, not on
 * a burst of 20 small GETs, and a 429 is retried after its Retry-After
 * (https://learn.microsoft.com/en-us/graph/throttling, docs/graph-notes.md#throttling).
 */
export const FLOW_READ_CONCURRENCY = 20;

/** One list-flows call per set, in parallel; order kept. */
export function withFlows(
  api: IndustryDataApi,
  sets: readonly FlowSet[],
): Promise<FlowSetWithFlows[]> {
  return mapLimit(sets, FLOW_READ_CONCURRENCY, async (set) => ({
    set,
    flows: (await api.listFlows(set.id)).data,
  }));
}
