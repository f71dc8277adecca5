/**
 * Peer-approval requests by the state of their change (pending, approved, rejected, expired,
 * applied, …), as a gauge read from the store only when metrics are collected (src/telemetry).
 */
import { observeGauge } from '../telemetry';
import type { DurableStorage } from '../store/storage';
import { approvalStores } from './stores';

/** Registers the gauge; returns the function that removes it (on stop). */
export function observeApprovals(storage: DurableStorage): () => void {
  const stores = approvalStores(storage);
  return observeGauge({
    name: 'sds.approvals.requests',
    description: 'Peer-approval requests, by the state of the change they ask about',
    async observe(result) {
      const [requests, changes] = await Promise.all([
        stores.requests.list(),
        stores.changes.list(),
      ]);
      const stateOf = new Map(changes.map((c) => [c.id, c.value.state]));
      const counts = new Map<string, number>();
      for (const request of requests) {
        const state = stateOf.get(request.value.changeId) ?? 'unknown';
        counts.set(state, (counts.get(state) ?? 0) + 1);
      }
      for (const [state, count] of counts) result.observe(count, { state });
    },
  });
}
