/**
 * Readiness across all flow sets at a glance, for `status`: which sets have flows that are not
 * ready (failed, expired, disabled, not ready yet, or a status we do not know), worst first, and
 * how many flows are ready. Pure.
 */
import type { FlowSet, ProvisioningFlow } from './flowSchemas';
import {
  compareByName,
  isReady,
  readinessBadge,
  sortFlows,
  type FlowSetWithFlows,
} from './flowSummary';

export interface SetNeedingAttention {
  set: FlowSet;
  /** Its flows that are not ready, in flow-type order. */
  flows: ProvisioningFlow[];
  /** Severity of its worst flow (see readinessBadge). */
  worst: number;
}

export interface ReadinessOverview {
  setCount: number;
  flowCount: number;
  readyCount: number;
  /** Not-ready flows by status: { failed: 2, notReady: 1 }. */
  byStatus: Record<string, number>;
  needingAttention: SetNeedingAttention[];
}

export function readinessOverview(all: readonly FlowSetWithFlows[]): ReadinessOverview {
  const byStatus: Record<string, number> = {};
  const needingAttention: SetNeedingAttention[] = [];
  let flowCount = 0;
  for (const { set, flows } of all) {
    flowCount += flows.length;
    const notReady = sortFlows(flows.filter((f) => !isReady(f)));
    for (const f of notReady) {
      const status = f.readinessStatus || 'unknown';
      byStatus[status] = (byStatus[status] ?? 0) + 1;
    }
    if (notReady.length) {
      const worst = Math.min(...notReady.map((f) => readinessBadge(f.readinessStatus).severity));
      needingAttention.push({ set, flows: notReady, worst });
    }
  }
  needingAttention.sort((a, b) => a.worst - b.worst || compareByName(a.set, b.set));
  const attention = Object.values(byStatus).reduce((sum, n) => sum + n, 0);
  return {
    setCount: all.length,
    flowCount,
    readyCount: flowCount - attention,
    byStatus,
    needingAttention,
  };
}

const STATUS_WORDS: Array<[string, string]> = [
  ['failed', 'failed'],
  ['expired', 'expired'],
  ['disabled', 'disabled'],
  ['notReady', 'not ready'],
];

/** "7 ready · 1 failed · 1 expired · 1 disabled · 1 not ready" (zero counts left out, ready first). */
export function overviewCounts(overview: ReadinessOverview): string {
  const known = new Set(STATUS_WORDS.map(([s]) => s));
  const other = Object.entries(overview.byStatus)
    .filter(([s]) => !known.has(s))
    .reduce((sum, [, n]) => sum + n, 0);
  const parts = [
    `${overview.readyCount} ready`,
    ...STATUS_WORDS.filter(([s]) => overview.byStatus[s]).map(
      ([s, word]) => `${overview.byStatus[s]} ${word}`,
    ),
    ...(other ? [`${other} unknown`] : []),
  ];
  return parts.join(' · ');
}
