/**
 * Cancel: only the requester, only while the change is open (pendingChangeTransition.ts). The
 * preview is replaced for everyone by a card without buttons; a repeated click gets the same.
 */
import { type ActionResult } from '../views/reply';
import { recordChangeEvent } from '../history'; // Audit
import { viewOf } from './changeView';
import { closedCard } from '../views/changeCards';
import type { ChangeDeps } from './deps';
import { forgetPasswords } from './forgetPasswords';

export async function cancelChange(deps: ChangeDeps, changeId: string): Promise<ActionResult> {
  const result = await deps.changes.transition(
    changeId,
    { type: 'cancel', by: deps.person },
    deps.now(),
  );
  if (result.outcome === 'refused') {
    const current = result.change ?? (await deps.changes.get(changeId));
    if (!current) throw result.error;
    if (result.error.code === 'forbidden')
      return { kind: 'message', text: result.error.userMessage };
    return { kind: 'card', card: closedCard(current, await viewOf(deps.views, changeId)) };
  }
  if (result.outcome === 'changed') {
    deps.logger.info('change cancelled', { changeId, userOid: deps.person.aadObjectId });
    await recordChangeEvent(deps, result.change, await viewOf(deps.views, changeId), 'cancelled', {
      actor: deps.person,
      at: deps.now(),
    }); // Audit
    await forgetPasswords(deps, result.change);
  }
  return {
    kind: 'card',
    card: closedCard(result.change, await viewOf(deps.views, changeId)),
    forEveryone: true,
  };
}
