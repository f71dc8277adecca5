/**
 * Recording how a claimed change ended (compare-and-set from `applying`), auditing it, dropping
 * any password from the stored body, and saying how it ended (FinishedResult: the card is drawn
 * above, views/changeCards.ts finishedCard). Shared by Apply, Approve and the
 * restart reconcile, so every path records the same facts the same way.
 */
import { recordChangeEvent } from '../history'; // Audit
import type { FinishedResult } from '../domain/changeResult';
import type { FieldChange } from '../domain/diff';
import type { ChangeEvent, PendingChange } from '../domain/pendingChange';
import type { AppError } from '../errors';
import type { ChangeView } from './changeView';
import type { ChangeDeps } from './deps';
import type { Executed } from './execute';
import { failureMessage } from './failures';
import { forgetPasswords } from './forgetPasswords';

export type { FinishedResult, StoredData } from '../domain/changeResult';

/** A recorded change, its view, and how it ended. */
export interface Finished {
  change: PendingChange;
  view: ChangeView;
  result: FinishedResult;
}

export type Outcome =
  | { kind: 'stale'; reason: string; rows: FieldChange[] }
  | { kind: 'applied'; done: Executed }
  | { kind: 'failed'; error: AppError }
  /** Sent, no answer (AppError.outcomeUnknown): recorded `unknown`, settled by the sweep. */
  | { kind: 'unknown'; error: AppError };

type Deps = Pick<ChangeDeps, 'changes' | 'logger' | 'now' | 'person' | 'audit'>;

/** Moves the change on `event` and audits it; the stored result, or `change` if the move was refused. */
export async function recordEvent(
  deps: Deps,
  change: PendingChange,
  view: ChangeView,
  event: ChangeEvent,
  audit: { outcome?: string; reason?: string; createdId?: string } = {},
): Promise<PendingChange> {
  const at = deps.now();
  const result = await deps.changes.transition(change.id, event, at);
  const recorded = result.outcome === 'refused' ? change : result.change;
  const kind = event.type === 'succeeded' ? 'applied' : event.type;
  if (
    result.outcome === 'changed' &&
    (kind === 'applied' || kind === 'failed' || kind === 'stale' || kind === 'unknown')
  ) {
    const requestId = 'requestId' in event ? event.requestId : undefined;
    await recordChangeEvent(deps, recorded, view, kind, {
      actor: deps.person,
      at,
      requestId,
      ...audit,
    });
  }
  await forgetPasswords(deps, recorded);
  return recorded;
}

export async function recordOutcome(
  deps: Deps,
  change: PendingChange,
  view: ChangeView,
  outcome: Outcome,
): Promise<Finished> {
  const log = { changeId: change.id, kind: change.kind, userOid: deps.person.aadObjectId };
  switch (outcome.kind) {
    case 'stale': {
      deps.logger.info('change stale', log);
      const stale = await recordEvent(
        deps,
        change,
        view,
        { type: 'stale' },
        {
          reason: outcome.reason,
        },
      );
      const result = { kind: 'stale', reason: outcome.reason, rows: outcome.rows } as const;
      return { change: stale, view, result };
    }
    case 'applied': {
      const { done } = outcome;
      deps.logger.info('change applied', { ...log, graphRequestId: done.requestId });
      const event = { type: 'succeeded', requestId: done.requestId } as const;
      const applied = await recordEvent(deps, change, view, event, {
        outcome: done.note,
        createdId: done.createdId,
      });
      return {
        change: applied,
        view,
        result: { kind: 'applied', stored: done.stored, note: done.note },
      };
    }
    case 'failed': {
      const { error } = outcome;
      deps.logger.warn('change failed', {
        ...log,
        code: error.code,
        graphRequestId: error.requestId,
      });
      const message = failureMessage(error, change, view);
      const event = { type: 'failed', error: message, requestId: error.requestId } as const;
      const failed = await recordEvent(deps, change, view, event, { reason: message });
      return { change: failed, view, result: { kind: 'failed' } };
    }
    case 'unknown': {
      const { error } = outcome;
      deps.logger.warn('change outcome unknown', {
        ...log,
        code: error.code,
        graphRequestId: error.requestId,
      });
      const event = {
        type: 'unknown',
        error: error.userMessage,
        requestId: error.requestId,
      } as const;
      const reason = `${error.userMessage} Checking with Microsoft Graph whether it was made; nothing is sent again.`;
      const unknown = await recordEvent(deps, change, view, event, { reason });
      return { change: unknown, view, result: { kind: 'unknown' } };
    }
  }
}
