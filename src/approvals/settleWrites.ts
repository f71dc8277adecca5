/**
 * Settling writes whose outcome the bot does not know, by reading Graph (reconcile.ts) and
 * recording `applied` or `failed` with what was seen; nothing is ever sent again. Two cases: a
 * claimed write cut short by a crash (`applying`, no live in-flight mark), and a write sent but
 * never answered (`unknown`). A Graph read that fails leaves the change for the next sweep.
 */
import { SYSTEM_ACTOR } from '../history';
import { viewOf } from '../changes/changeView';
import { recordEvent } from '../changes/outcome';
import type { PendingChange } from '../domain/pendingChange';
import { orphaned } from '../changes/inFlight';
import { evidenceOf } from './reconcile';
import { updateCardsOf, type SweepDeps } from './sweepDeps';

/**
 * A write sent without an answer may still be landing (Graph kept working after we gave up), so
 * its outcome is read no sooner than this after it was recorded `unknown`.
 */
export const UNKNOWN_SETTLE_AFTER_MS = 60_000;

type Evidence = NonNullable<Awaited<ReturnType<typeof evidenceOf>>>;

/** What Graph shows of `change`, or undefined (logged as `warning`) when it could not be read. */
const readEvidence = (deps: SweepDeps, change: PendingChange, warning: string) =>
  evidenceOf(deps.appGraph, change).catch((err: unknown) => {
    deps.logger.warn(warning, { changeId: change.id, error: err });
    return undefined;
  });

/** Records `applied` or `failed` from `evidence`, explained by `said`. */
async function recordEvidence(
  deps: SweepDeps,
  change: PendingChange,
  evidence: Evidence,
  said: string,
  now: Date,
): Promise<PendingChange> {
  const view = await viewOf(deps.views, change.id);
  const recordDeps = { ...deps, person: SYSTEM_ACTOR, now: () => now };
  return evidence.applied
    ? await recordEvent(
        recordDeps,
        change,
        view,
        { type: 'succeeded' },
        { outcome: `${said} So it was made.` },
      )
    : await recordEvent(recordDeps, change, view, {
        type: 'failed',
        error: `${said} So it was not made; nothing was sent again.`,
      });
}

/** Claimed writes whose instance stopped (a crash) before it recorded the outcome. */
export async function reconcileOrphans(deps: SweepDeps, now: Date): Promise<number> {
  let settled = 0;
  for (const change of (await deps.changes.list()).filter((c) => c.state === 'applying')) {
    const claimedAt = [...change.history].reverse().find((h) => h.state === 'applying')?.at;
    if (!orphaned(await deps.inFlight.get(change.id), claimedAt, deps.instance, now)) continue;
    const evidence = await readEvidence(
      deps,
      change,
      'could not check an interrupted change; will try again',
    );
    if (!evidence) continue;
    const said = `The bot stopped while Microsoft Graph was being asked to make this change. After restarting it checked: ${evidence.seen}.`;
    const recorded = await recordEvidence(deps, change, evidence, said, now);
    deps.logger.info('interrupted change settled', {
      changeId: change.id,
      state: recorded.state,
      seen: evidence.seen,
    });
    await deps.inFlight.clear(change.id);
    settled++;
  }
  return settled;
}

/**
 * Changes whose write was sent but never answered (`unknown`): settle them, then update the
 * request's cards or the preview's message.
 */
export async function settleUnknown(
  deps: SweepDeps,
  now: Date,
): Promise<{ settled: number; updated: number }> {
  let settled = 0;
  let updated = 0;
  for (const change of (await deps.changes.list()).filter((c) => c.state === 'unknown')) {
    const since = [...change.history].reverse().find((h) => h.state === 'unknown')?.at;
    if (since && now.getTime() - Date.parse(since) < UNKNOWN_SETTLE_AFTER_MS) continue;
    const evidence = await readEvidence(
      deps,
      change,
      'could not check a change with an unknown outcome; will try again',
    );
    if (!evidence) continue;
    const said = `Microsoft Graph did not answer when this change was sent. The bot checked: ${evidence.seen}.`;
    const recorded = await recordEvidence(deps, change, evidence, said, now);
    if (recorded.state === 'unknown') continue; // another instance settled it meanwhile
    deps.logger.info('change with an unknown outcome settled', {
      changeId: change.id,
      state: recorded.state,
      seen: evidence.seen,
    });
    settled++;
    updated += await updateCardsOf(deps, recorded);
  }
  return { settled, updated };
}
