/** View-model of `list`: one page of flow sets with their filter, flow types and readiness. */
import { filterSummary, flowsSummary, type FlowSetWithFlows } from '../domain/flowSummary';
import { pageButtons, type Page } from '../domain/paging';
import { AdaptiveCard, renderCard } from './render';

export const showCommandFor = (setId: string): string => `show ${setId}`;

export function flowSetListCard(page: Page<FlowSetWithFlows>): AdaptiveCard {
  const { total } = page;
  const count = `${total} flow set${total === 1 ? '' : 's'}`;
  return renderCard('flowset-list', {
    title: 'Flow sets',
    subtitle: page.pageCount > 1 ? `${count} · page ${page.page} of ${page.pageCount}` : count,
    empty: total
      ? ''
      : 'There are no outbound provisioning flow sets yet. Create one in School Data Sync, or with "new" when this bot offers it.',
    sets: page.items.map(({ set, flows }) => ({
      name: set.displayName,
      filter: filterSummary(set.filter),
      flows: flowsSummary(flows),
      command: showCommandFor(set.id),
    })),
    buttons: [
      ...pageButtons(page, 'list'),
      ...(total ? [{ title: 'Readiness status', command: 'status' }] : []),
    ],
  });
}
