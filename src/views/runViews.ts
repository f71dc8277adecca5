/**
 * Pieces every run card shares: a run's row (status badge, start and end in the reader's local
 * time, duration, blocking error in plain words) and the trend of errors and warnings over the
 * last runs as a Teams line chart (learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/
 * cards/charts-in-adaptive-cards) with a FactSet of the same numbers as its fallback.
 */
import {
  blockingErrorWords,
  runBadge,
  runDuration,
  type RunLike,
  type RunTotalsLike,
} from '../domain/runHealth';
import type { BadgeColor } from '../domain/flowSummary';
import { localTime, type LocalTime } from './localTime';

export interface RunRow {
  id: string;
  name: string;
  badge: string;
  /** Never Warning: yellow text on white is hard to read (the words say it). */
  color: BadgeColor;
  started: LocalTime;
  ended: LocalTime;
  error: string;
  command: string;
}

export const runName = (run: RunLike): string => run.displayName || `Run ${run.id}`;

export function runRow(run: RunLike, now: Date): RunRow {
  const badge = runBadge(run.status);
  const duration = runDuration(run, now);
  return {
    id: run.id,
    name: runName(run),
    badge: badge.text,
    color: badge.color === 'Warning' ? 'Default' : badge.color,
    started: localTime('Started ', run.startDateTime),
    ended: run.endDateTime
      ? localTime('Ended ', run.endDateTime, ` · took ${duration}`)
      : { before: duration === '—' ? '' : `Still ${duration}`, at: '', after: '' },
    error: blockingErrorWords(run.blockingError),
    command: `run ${run.id}`,
  };
}

export interface TrendPoint {
  run: RunLike;
  totals: RunTotalsLike | undefined;
}

export interface Trend {
  show: boolean;
  data: Array<{ legend: string; color: string; values: Array<{ x: string; y: number }> }>;
  facts: Array<{ title: string; value: string }>;
}

/** Oldest run first, as a line reads left to right; runs without statistics are left out. */
export function errorTrend(points: readonly TrendPoint[]): Trend {
  const known = points.filter((p) => p.totals);
  const label = (p: TrendPoint, i: number) =>
    (p.run.startDateTime ?? '').slice(5, 16).replace('T', ' ') || `#${i + 1}`;
  const series = (legend: string, color: string, key: 'errors' | 'warnings') => ({
    legend,
    color,
    values: known.map((p, i) => ({ x: label(p, i), y: p.totals?.[key] ?? 0 })),
  });
  return {
    show: known.length > 0,
    data: [series('Errors', 'attention', 'errors'), series('Warnings', 'warning', 'warnings')],
    facts: known.map((p) => ({
      title: runName(p.run),
      value: `${p.totals?.errors ?? 0} errors, ${p.totals?.warnings ?? 0} warnings`,
    })),
  };
}
