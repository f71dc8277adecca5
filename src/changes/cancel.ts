/**
 * Cancel: only the requester, only while the change is open (domain/changeLifecycle.ts). The
 * preview is replaced for everyone by a card without buttons (`closed`); a repeated click gets the
 * same.
 */
import { recordChangeEvent } from '../history'; // Audit
import type { PendingChange } from '../domain/pendingChange';
import { viewOf, type ChangeView } from './changeView';
import type { ChangeDeps } from './deps';
import { forgetPasswords } from './forgetPasswords';

export type CancelOutcome =
  /** The clicker may not cancel it (`message` says why); the card stays. */
  | { kind: 'refused'; message: string }
  /** It is past cancelling: the change as it is now, for this clicker only. */
  | { kind: 'current'; change: PendingChange; view: ChangeView }
  /** Cancelled (now or by an earlier click): its closed card, for everyone. */
  | { kind: 'closed'; change: PendingChange; view: ChangeView };

export async function cancelChange(deps: ChangeDeps, changeId: string): Promise<CancelOutcome> {
  const result = await deps.changes.transition(
    changeId,
    { type: 'cancel', by: deps.person },
    deps.now(),
  );
  if (result.outcome === 'refused') {
    const current = result.change ?? (await deps.changes.get(changeId));
    if (!current) throw result.error;
    if (result.error.code === 'forbidden')
      return { kind: 'refused', message: result.error.userMessage };
    return { kind: 'current', change: current, view: await viewOf(deps.views, changeId) };
  }
  if (result.outcome === 'changed') {
    deps.logger.info('change cancelled', { changeId, userOid: deps.person.aadObjectId });
    await recordChangeEvent(deps, result.change, await viewOf(deps.views, changeId), 'cancelled', {
      actor: deps.person,
      at: deps.now(),
    }); // Audit
    await forgetPasswords(deps, result.change);
  }
  return { kind: 'closed', change: result.change, view: await viewOf(deps.views, changeId) };
}
