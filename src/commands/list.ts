/** `list`: every flow set with its filter and the readiness of its flows, a page at a time. */
import { flowSetListCard } from '../views/flowSetListCard';
import { sortByName } from '../domain/flowSummary';
import { pageOf, parsePageArg } from '../domain/paging';
import { withFlows } from './flowSetReads';
import { command } from '../bot/command';

export const LIST_PAGE_SIZE = 10;

export const listCommand = command<{ page: number }>({
  name: 'list',
  aliases: ['flowsets', 'flow sets', 'list flow sets'],
  usage: 'list [page N]',
  summary: 'All flow sets: their filter, flow types and readiness, 10 per page.',
  examples: ['list', 'list page 2'],
  parse: parsePageArg,
  async run(ctx, { page }) {
    const api = ctx.services.graph.forUser(ctx);
    const { data: sets } = await api.listFlowSets();
    const shown = pageOf(sortByName(sets), page, LIST_PAGE_SIZE);
    // Flows only for the sets on this page: 1 + (at most 10) Graph calls.
    const items = await withFlows(api, shown.items);
    return [{ card: flowSetListCard({ ...shown, items }) }];
  },
});
