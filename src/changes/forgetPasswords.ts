/**
 * An initial password typed into a user-flow form lives in the pending change's body until Apply
 * sends it (Graph never returns passwords, docs/graph-notes.md#password-masking). Once the change is finished —
 * applied, failed, stale, cancelled, or replaced by a fresh preview — there is no reason to keep
 * it at rest, so it is dropped from the stored body. Best effort: a failure is logged, not shown.
 */
import type { PendingChange } from '../domain/pendingChange';
import type { ChangeDeps } from './deps';

const PASSWORD_KEY = /password/i;

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !PASSWORD_KEY.test(key))
      .map(([key, v]) => [key, strip(v)]),
  );
}

const holdsPassword = (change: PendingChange) =>
  change.body !== null && PASSWORD_KEY.test(JSON.stringify(change.body));

export async function forgetPasswords(
  deps: Pick<ChangeDeps, 'changes' | 'logger'>,
  change: PendingChange,
): Promise<void> {
  if (!holdsPassword(change)) return;
  try {
    await deps.changes.update({ ...change, body: strip(change.body) } as PendingChange);
  } catch (err) {
    deps.logger.warn('could not drop a finished change’s password', {
      changeId: change.id,
      error: err,
    });
  }
}
