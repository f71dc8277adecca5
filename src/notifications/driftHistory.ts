/**
 * Drift in `history`: each difference noticed outside the bot is an audit "change" of its own
 * (the drift id is its change id), with what changed (before/after snapshots, the rows in words),
 * when it was noticed, and later who accepted it or proposed to revert it. Best effort, like
 * every audit write after the fact (history/changeEntry.ts): a failing write is logged, never
 * shown as a failure of the poll or of the button.
 */
import type { AuditEntry, AuditEvent, AuditLog } from '../history';
import { OUTSIDE_ACTOR } from '../domain/auditEntry';
import { DRIFT_KIND, type DriftChange, type DriftItem } from '../domain/driftRecords';
import type { Person } from '../domain/pendingChange';
import type { Logger } from '../log';

/** "Flow set name: A → B; Schools: …" or what happened to the object as a whole. */
export function driftSummary(item: DriftItem): string {
  const rows = item.rows.map((r) => `${r.label}: ${r.before} → ${r.after}`).join('; ');
  const whole: Partial<Record<DriftChange, string>> = {
    setCreated: 'flow set created',
    setDeleted: 'flow set deleted',
    flowAdded: 'flow added',
    flowRemoved: 'flow removed',
    flowReplaced: 'flow replaced by a new one of the same type',
  };
  return [whole[item.change], rows].filter(Boolean).join(': ').slice(0, 900);
}

export function driftAuditEntry(
  item: DriftItem,
  event: AuditEvent,
  actor: Person,
  at: Date,
  reason?: string,
): AuditEntry {
  return {
    changeId: item.id,
    setId: item.setId,
    setName: item.setName,
    kind: DRIFT_KIND[item.change],
    ...(item.flowKind ? { flowKind: item.flowKind } : {}),
    ...(item.flowId ? { flowId: item.flowId } : {}),
    event,
    actor,
    requester: OUTSIDE_ACTOR,
    at: at.toISOString(),
    // The history card draws its field rows from body over before (a PATCH).
    body: item.after,
    before: item.before,
    after: item.after,
    outcome: event === 'drifted' ? driftSummary(item) : undefined,
    ...(reason ? { reason } : {}),
  };
}

export async function recordDriftEvent(
  deps: { audit: AuditLog; logger: Logger },
  item: DriftItem,
  event: AuditEvent,
  actor: Person,
  at: Date,
  reason?: string,
): Promise<void> {
  try {
    await deps.audit.append(driftAuditEntry(item, event, actor, at, reason));
  } catch (err) {
    deps.logger.error('drift audit entry not recorded', { driftId: item.id, event, error: err });
  }
}
