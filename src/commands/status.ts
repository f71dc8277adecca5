/** `status`: readiness across all flow sets; what needs attention first, each with a Show button. */
import { statusCard } from '../views/statusCard';
import { pageOf, parsePageArg } from '../domain/paging';
import { readinessOverview } from '../domain/readinessOverview';
import { withFlows } from './flowSetReads';
import { command } from '../bot/command';

export const STATUS_PAGE_SIZE = 10;

export const statusCommand = command<{ page: number }>({
  name: 'status',
  aliases: ['readiness', 'health'],
  usage: 'status [page N]',
  summary: 'Readiness at a glance: flows that are not ready, failed, expired or disabled.',
  examples: ['status'],
  parse: parsePageArg,
  async run(ctx, { page }) {
    const api = ctx.services.graph.forUser(ctx);
    const { data: sets } = await api.listFlowSets();
    // Readiness lives on the flows: 1 + one call per set.
    const overview = readinessOverview(await withFlows(api, sets));
    return [
      { card: statusCard(overview, pageOf(overview.needingAttention, page, STATUS_PAGE_SIZE)) },
    ];
  },
});
