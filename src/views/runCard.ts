/**
 * View-model of `run {id|latest}`: one run's outcome, its statistics (errors, warnings, counts),
 * matched and unmatched people by role as a Teams bar chart (FactSet fallback with the same
 * numbers), and what moved since the previous run ("unmatched students up by 212").
 */
import {
  deltaWords,
  roleRows,
  roleWord,
  runBadge,
  runDeltas,
  totalsRows,
  type RunLike,
  type RunTotalsLike,
} from '../domain/runHealth';
import { renderCard, type AdaptiveCard } from './render';
import { runName, runRow } from './runViews';

export interface RunCardInput {
  run: RunLike;
  totals: RunTotalsLike | undefined;
  previous?: { run: RunLike; totals: RunTotalsLike | undefined };
  now: Date;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const count = (v: number) => v.toLocaleString('en-US');

function roleChart(totals: RunTotalsLike | undefined) {
  const rows = roleRows(totals);
  const data = rows.flatMap((r) => [
    { x: `${capital(roleWord(r.role))} matched`, y: r.matched, color: 'good' },
    { x: `${capital(roleWord(r.role))} unmatched`, y: r.unmatched, color: 'attention' },
  ]);
  return {
    show: data.length > 0,
    data,
    facts: data.map((d) => ({ title: d.x, value: count(d.y) })),
  };
}

function changes(input: RunCardInput): string[] {
  if (!input.previous) return ['There is no earlier finished run to compare with.'];
  const moved = runDeltas(input.previous.totals, input.totals);
  if (!input.previous.totals || !input.totals) return ['The statistics to compare are missing.'];
  return moved.length ? moved.map((d) => capital(deltaWords(d))) : ['No count changed.'];
}

export function runCard(input: RunCardInput): AdaptiveCard {
  const { run, totals } = input;
  const badge = runBadge(run.status);
  return renderCard('run', {
    ...runRow(run, input.now),
    title: runName(run),
    badgeStyle: badge.style,
    facts: totals
      ? totalsRows(totals).map((r) => ({ title: r.label, value: count(r.value) }))
      : [{ title: 'Statistics', value: 'not available for this run' }],
    roles: roleChart(totals),
    changesHeading: input.previous
      ? `Since the previous run (${runName(input.previous.run)})`
      : 'Since the previous run',
    changes: changes(input).map((text) => ({ text })),
    buttons: [
      { title: 'All runs', command: 'runs' },
      { title: 'Start a run', command: 'start run' },
    ],
  });
}
