/**
 * `start run`: a preview of starting an on-demand School Data Sync run (the budget left in the
 * current 12 hours, the scheduled run it would skip), then Apply like every change, under the
 * approval policy of its own kind (APPROVAL_POLICY_START_RUN). Apply sends POST /runs/start with
 * the clicking person's token; the 202 is recorded in the history with their object id.
 * Refused at once, before any preview, when the person's token lacks IndustryData-Run.Start, or
 * when the 12-hour budget is used up (naming when a start is possible again). 1 Graph call.
 */
import { changeDeps } from '../bot/useCaseDeps';
import { requireRunStart } from '../bot/writeAccess';
import { proposeChange } from '../changes/propose';
import { startRunProposal } from '../changes/proposals';
import { runBudget } from '../domain/runBudget';
import { runTiming, type RunTiming } from '../domain/runTiming';
import type { Config } from '../config';
import { budgetExhaustedWords, onDemandStartsOf } from '../domain/runStart';
import { proposalCard } from '../views/changeCards';
import { changeResultCard } from '../views/changeResultCard';
import { command, noArgs } from '../bot/command';

/** The run periods: the documented ones, or the sandbox's compressed clock (SANDBOX_RUN_INTERVAL_SECONDS). */
export const runTimingOf = (config: Config): RunTiming =>
  config.mode === 'sandbox' ? runTiming(config.sandbox.runScheduleMs) : runTiming();

/** The budget is used up: nothing to preview, and when a start is possible again. */
const startRefusedCard = (message: string) =>
  changeResultCard({
    tone: 'default',
    status: 'Not started',
    title: 'Start a School Data Sync run now',
    message,
    buttons: [{ title: 'Runs', command: 'runs' }],
  });

export const startRunCommand = command<undefined>({
  name: 'start run',
  aliases: ['start a run', 'start sync', 'start sync run'],
  usage: 'start run',
  summary:
    'Start a sync run now: a preview of the starts left in the current 12 hours and the scheduled run it skips, then Apply.',
  examples: ['start run'],
  parse: noArgs,
  async run(ctx) {
    await requireRunStart(ctx);
    const deps = changeDeps(ctx);
    const now = deps.now();
    const runs = (await deps.graph.listRuns()).data;
    const starts = onDemandStartsOf(await deps.changes.list());
    const timing = runTimingOf(ctx.services.config);
    const budget = runBudget(runs, starts, now, timing);
    if (!budget.left) return [{ card: startRefusedCard(budgetExhaustedWords(budget)) }];
    const proposal = startRunProposal(runs, starts, now, timing);
    return [{ card: proposalCard(await proposeChange(deps, proposal)) }];
  },
});
