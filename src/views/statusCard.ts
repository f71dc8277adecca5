/** View-model of `status`: the flow sets that need attention, worst first, one page at a time. */
import { flowLabel, readinessBadge } from '../domain/flowSummary';
import { pageButtons, type Page } from '../domain/paging';
import {
  overviewCounts,
  type ReadinessOverview,
  type SetNeedingAttention,
} from '../domain/readinessOverview';
import { showCommandFor } from './flowSetListCard';
import { AdaptiveCard, renderCard } from './render';
import type { RunLike } from '../domain/runHealth';
import { runRow } from './runViews';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function allGood(overview: ReadinessOverview): string {
  if (overview.needingAttention.length) return '';
  if (!overview.setCount) return 'There are no flow sets yet.';
  if (!overview.flowCount) return 'None of the flow sets has flows yet.';
  return `Everything is ready: ${plural(overview.flowCount, 'flow')} in ${plural(overview.setCount, 'flow set')}.`;
}

function row({ set, flows, worst }: SetNeedingAttention) {
  const worstFlow = flows.find((f) => readinessBadge(f.readinessStatus).severity === worst);
  return {
    name: set.displayName,
    problems: flows
      .map((f) => `${flowLabel(f)} ${readinessBadge(f.readinessStatus).text}`)
      .join(' · '),
    color: readinessBadge(worstFlow?.readinessStatus).color,
    command: showCommandFor(set.id),
  };
}

const DONUT: Array<[string, string, string]> = [
  ['failed', 'Failed', 'attention'],
  ['expired', 'Expired', 'categoricalRed'],
  ['disabled', 'Disabled', 'neutral'],
  ['notReady', 'Not ready', 'warning'],
];

/** Ready and not-ready flows as a Teams donut chart, with a FactSet of the same numbers. */
function readinessChart(overview: ReadinessOverview) {
  const known = new Set(DONUT.map(([s]) => s));
  const other = Object.entries(overview.byStatus)
    .filter(([s]) => !known.has(s))
    .reduce((sum, [, n]) => sum + n, 0);
  const data = [
    { legend: 'Ready', value: overview.readyCount, color: 'good' },
    ...DONUT.map(([s, legend, color]) => ({ legend, value: overview.byStatus[s] ?? 0, color })),
    { legend: 'Unknown', value: other, color: 'divergingGray' },
  ].filter((d) => d.value > 0);
  return {
    show: overview.flowCount > 0,
    data,
    facts: data.map((d) => ({ title: d.legend, value: String(d.value) })),
  };
}

/** The last sync run beside readiness: its outcome, or why it is not shown. */
export type LastRun =
  | { kind: 'run'; run: RunLike; now: Date }
  | { kind: 'none' }
  | { kind: 'unreadable'; message: string };

function lastRunModel(last: LastRun | undefined) {
  if (!last) return { show: false, note: '' };
  if (last.kind === 'none') return { show: false, note: 'Sync runs: none yet.' };
  if (last.kind === 'unreadable') return { show: false, note: `Sync runs: ${last.message}` };
  return { show: true, note: '', ...runRow(last.run, last.now) };
}

export function statusCard(
  overview: ReadinessOverview,
  page: Page<SetNeedingAttention>,
  last?: LastRun,
): AdaptiveCard {
  const sets = plural(overview.setCount, 'flow set');
  return renderCard('status', {
    chart: readinessChart(overview),
    lastRun: lastRunModel(last),
    title: 'Readiness',
    summary: overview.flowCount
      ? `${plural(overview.flowCount, 'flow')} in ${sets}: ${overviewCounts(overview)}.`
      : `${sets}, no flows.`,
    allGood: allGood(overview),
    rows: page.items.map(row),
    footer:
      page.pageCount > 1
        ? `Flow sets needing attention, worst first: page ${page.page} of ${page.pageCount}.`
        : '',
    buttons: [
      ...pageButtons(page, 'status'),
      { title: 'List flow sets', command: 'list' },
      ...(last?.kind === 'run' ? [{ title: 'Sync runs', command: 'runs' }] : []),
    ],
  });
}
