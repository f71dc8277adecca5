/**
 * The card a subscribed conversation gets when a sync run ends failed, with errors or with
 * warnings: its outcome, the blocking error in plain words, start and end in the reader's local
 * time, and what moved since the previous run. Buttons run `run {id}` and `runs` as new messages.
 */
import type { RunNotice } from '../domain/notificationRecords';
import { NEW_MESSAGE_KEY } from '../domain/adaptiveCard';
import { runBadge } from '../domain/runHealth';
import { localTime } from './localTime';
import { renderCard, type AdaptiveCard } from './render';

/** "Sync run failed: Run 2026-03-02 09:10 UTC". */
export function runNoticeHeadline(run: RunNotice | undefined): string {
  if (!run) return 'Sync run ended';
  return `Sync run ${runBadge(run.status).text.replace(/^\S+ /, '')}: ${run.name}`;
}

const count = (n: number | null) => (n === null ? 'unknown' : n.toLocaleString('en-US'));
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function runNotificationCard(run: RunNotice, detectedAt: string): AdaptiveCard {
  const badge = runBadge(run.status);
  const compared = run.previousName
    ? run.deltas.length
      ? `Since the previous run (${run.previousName}):`
      : `No count changed since the previous run (${run.previousName}).`
    : 'There is no earlier finished run to compare with.';
  return renderCard('run-notification', {
    title: runNoticeHeadline(run),
    color: badge.color === 'Warning' ? 'Default' : badge.color,
    subtitle: 'Sync run notification',
    started: localTime('Started ', run.startDateTime),
    ended: localTime('Ended ', run.endDateTime ?? detectedAt),
    error: run.blockingError,
    facts: [
      { title: 'Status', value: badge.text },
      { title: 'Errors', value: count(run.errors) },
      { title: 'Warnings', value: count(run.warnings) },
    ],
    compared,
    deltas: run.deltas.map((text) => ({ text: capital(text) })),
    buttons: [
      {
        title: 'Show run',
        verb: 'command.run',
        data: { command: `run ${run.runId}`, [NEW_MESSAGE_KEY]: true },
      },
      {
        title: 'All runs',
        verb: 'command.run',
        data: { command: 'runs', [NEW_MESSAGE_KEY]: true },
      },
    ],
  });
}
