/**
 * `start run`: a preview of starting an on-demand School Data Sync run (the budget left in the
 * current 12 hours, the scheduled run it would skip), then Apply like every change, under the
 * approval policy of its own kind (APPROVAL_POLICY_START_RUN). Apply sends POST /runs/start with
 * the clicking person's token; the 202 is recorded in the history with their object id.
 * Refused at once, before any preview, when the person's token lacks IndustryData-Run.Start, or
 * when the 12-hour budget is used up (naming when a start is possible again). 1 Graph call.
 */
import { AppError } from '../errors';
import { changeDeps } from '../bot/useCaseDeps';
import { requireRunStart } from '../bot/writeAccess';
import { proposeChange } from '../changes/propose';
import { startRunProposal } from '../changes/proposals';
import { runBudget } from '../domain/runBudget';
import { budgetExhaustedWords, onDemandStartsOf } from '../domain/runStart';
import { proposalCard } from '../views/changeCards';
import { command, noArgs } from '../bot/command';

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
    const budget = runBudget(runs, starts, now);
    if (!budget.left)
      throw new AppError('conflict', `Not started. ${budgetExhaustedWords(budget)}`);
    return [{ card: proposalCard(await proposeChange(deps, startRunProposal(runs, starts, now))) }];
  },
});
