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

export function statusCard(
  overview: ReadinessOverview,
  page: Page<SetNeedingAttention>,
): AdaptiveCard {
  const sets = plural(overview.setCount, 'flow set');
  return renderCard('status', {
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
    buttons: [...pageButtons(page, 'status'), { title: 'List flow sets', command: 'list' }],
  });
}
