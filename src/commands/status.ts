/**
 * `status`: readiness across all flow sets (a donut of flows by readiness), the last sync run's
 * outcome beside it, and what needs attention first, each with a Show button.
 */
import { statusCard, type LastRun } from '../views/statusCard';
import { AppError } from '../errors';
import type { IndustryDataApi } from '../graph';
import { newestFirst } from '../domain/runHealth';
import { pageOf, parsePageArg } from '../domain/paging';
import { readinessOverview } from '../domain/readinessOverview';
import { withFlows } from './flowSetReads';
import { command } from '../bot/command';

export const STATUS_PAGE_SIZE = 10;

/**
 * The last sync run (1 more Graph call). A person who may not read runs still gets readiness: the
 * card says why the run is missing instead of failing as a whole.
 */
async function lastRunFor(api: IndustryDataApi): Promise<LastRun> {
  try {
    const [run] = newestFirst((await api.listRuns()).data);
    return run ? { kind: 'run', run, now: new Date() } : { kind: 'none' };
  } catch (err) {
    if (!(err instanceof AppError) || err.code === 'internal') throw err;
    return { kind: 'unreadable', message: err.userMessage };
  }
}

export const statusCommand = command<{ page: number }>({
  name: 'status',
  aliases: ['readiness', 'health'],
  usage: 'status [page N]',
  summary:
    'Readiness at a glance: flows that are not ready, failed, expired or disabled, and how the last sync run went.',
  examples: ['status'],
  parse: parsePageArg,
  async run(ctx, { page }) {
    const api = ctx.services.graph.forUser(ctx);
    const { data: sets } = await api.listFlowSets();
    // Readiness lives on the flows: 1 + one call per set.
    const overview = readinessOverview(await withFlows(api, sets));
    const last = await lastRunFor(api);
    const shown = pageOf(overview.needingAttention, page, STATUS_PAGE_SIZE);
    return [{ card: statusCard(overview, shown, last) }];
  },
});
