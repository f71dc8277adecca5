/**
 * What an on-demand start costs, in words, for its preview and for its refusal (rules and
 * estimates in runBudget.ts). Times are written in UTC here: these sentences are stored with the
 * change and shown on every later card of it, whoever reads them.
 */
import { nextScheduledRun, runBudget, type RunBudget } from './runBudget';
import type { RunLike } from './runHealth';
import { formatTime } from './time';
import type { RunTiming } from './runTiming';

const runs = (n: number) => `${n} run${n === 1 ? '' : 's'}`;

/** "All 5 … are used: the next start is possible at …". */
export function budgetExhaustedWords(budget: RunBudget): string {
  return (
    `School Data Sync allows ${runs(budget.limit)} started on demand per 12 hours, and all ` +
    `${budget.limit} of the last 12 hours are used. ` +
    `The next start is possible at ${formatTime(budget.freesAt)}.`
  );
}

/** The preview's lines: the budget left, the scheduled run it would skip, what a start does. */
export function startRunEffects(
  all: readonly RunLike[],
  onDemandStarts: readonly string[],
  now: Date,
  timing?: RunTiming,
): string[] {
  const budget = runBudget(all, onDemandStarts, now, timing);
  const next = nextScheduledRun(all, onDemandStarts, now, timing);
  const left =
    budget.left === 1
      ? `This is the last start left in the current 12 hours (${budget.used} of ${budget.limit} used).`
      : `${budget.left} of ${budget.limit} starts left in the current 12 hours (${budget.used} used); this start uses one.`;
  const schedule = !next
    ? 'When the next scheduled run is due is not known yet (no scheduled run seen).'
    : next.skipped
      ? `The scheduled run due around ${formatTime(next.at)} will be skipped: an on-demand run replaces a scheduled run due within 10 hours.`
      : `The scheduled run due around ${formatTime(next.at)} still runs (it is more than 10 hours away).`;
  return [
    'Starts a School Data Sync run now, with every active flow; it may take hours on large tenants.',
    left,
    schedule,
  ];
}

/** The on-demand start times recorded by the bot (applied startRun changes). */
export function onDemandStartsOf(
  changes: ReadonlyArray<{ kind: string; state: string; result: { appliedAt?: string } }>,
): string[] {
  return changes
    .filter((c) => c.kind === 'startRun' && c.state === 'applied' && c.result.appliedAt)
    .map((c) => c.result.appliedAt!);
}
