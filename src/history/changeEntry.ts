/**
 * Audit entries drawn from a stored change and its view, so every step of the change pipeline
 * records the same facts the same way: the set and flow it is about, both identities, the exact
 * body, the snapshot it was computed from, and (for edits) what the object looks like afterwards.
 * `recordChangeEvent` is best effort: by the time it runs the event has happened (for `applied`,
 * Graph has written), so a failing audit write is logged as an error, never shown as a failure
 * of the change itself.
 */
import type { ChangeView } from '../domain/changeView';
import type { PendingChange, Person } from '../domain/pendingChange';
import type { Logger } from '../log';
import type { AuditLog } from './auditLog';
import type { AuditEntry, AuditEvent } from '../domain/auditEntry';

export interface ChangeEventDetails {
  /** Who caused the event; SYSTEM_ACTOR for expiry. */
  actor: Person;
  at: Date;
  requestId?: string;
  outcome?: string;
  reason?: string;
  /** The id Graph gave a created set or flow, when known. */
  createdId?: string;
}

type Shape = Record<string, unknown>;
const isShape = (v: unknown): v is Shape => !!v && typeof v === 'object' && !Array.isArray(v);

/** A PATCH leaves members it does not name (or names as undefined, dropped by JSON) alone. */
const definedMembers = (body: Shape): Shape =>
  Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));

/**
 * The object after the change, in body shape: for an edit, the snapshot with the sent body laid
 * over it (a PATCH sets the members it names); for a create, the body; for a delete, null; a
 * reset changes no settings.
 */
export function afterOf(change: PendingChange, view: ChangeView): unknown {
  switch (change.kind) {
    case 'createFlowSet':
    case 'createFlow':
      return change.body;
    case 'updateFlowSet':
    case 'updateFlow':
      return isShape(view.before) && isShape(change.body)
        ? { ...view.before, ...definedMembers(change.body) }
        : change.body;
    case 'deleteFlowSet':
    case 'deleteFlow':
    case 'startRun':
      return null;
    case 'resetFlow':
      return view.before;
  }
}

function targetOf(change: PendingChange, createdId?: string) {
  const t = change.target as { setId?: string; flowId?: string; flowKind?: AuditEntry['flowKind'] };
  const body: unknown = change.body;
  const bodyKind = isShape(body) ? (body.kind as AuditEntry['flowKind']) : undefined;
  return {
    setId: t.setId ?? (change.kind === 'createFlowSet' ? createdId : undefined),
    flowId: t.flowId ?? (change.kind === 'createFlow' ? createdId : undefined),
    flowKind: t.flowKind ?? bodyKind,
  };
}

export function changeAuditEntry(
  change: PendingChange,
  view: ChangeView,
  event: AuditEvent,
  details: ChangeEventDetails,
): AuditEntry {
  const { setId, flowId, flowKind } = targetOf(change, details.createdId);
  const setName =
    change.kind === 'createFlowSet' ? change.body.displayName : view.setName || undefined;
  return {
    changeId: change.id,
    ...(setId ? { setId } : {}),
    ...(setName ? { setName } : {}),
    kind: change.kind,
    ...(flowKind ? { flowKind } : {}),
    ...(flowId ? { flowId } : {}),
    event,
    actor: details.actor,
    requester: change.requester,
    ...(change.approver ? { approver: change.approver } : {}),
    at: details.at.toISOString(),
    body: change.body,
    before: view.before,
    ...(event === 'applied' ? { after: afterOf(change, view) } : {}),
    ...(details.requestId ? { requestId: details.requestId } : {}),
    ...(details.outcome ? { outcome: details.outcome } : {}),
    ...(details.reason ? { reason: details.reason } : {}),
  };
}

/**
 * Appends the entry for `event`; logs (never throws) when the audit store fails. Without an
 * audit log (unit tests that build their own deps) it records nothing.
 */
export async function recordChangeEvent(
  deps: { audit?: AuditLog; logger: Logger },
  change: PendingChange,
  view: ChangeView,
  event: AuditEvent,
  details: ChangeEventDetails,
): Promise<void> {
  if (!deps.audit) return;
  try {
    await deps.audit.append(changeAuditEntry(change, view, event, details));
  } catch (err) {
    deps.logger.error('audit entry not recorded', { changeId: change.id, event, error: err });
  }
}
