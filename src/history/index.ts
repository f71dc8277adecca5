/**
 * The audit history of changes: an append-only log of
 * every event of every change, and undo as a reverse change that goes through the same preview.
 * Import from here.
 */
export {
  AUDIT_EVENTS,
  AuditEntry as AuditEntrySchema,
  StoredAuditEntry as StoredAuditEntrySchema,
  SYSTEM_ACTOR,
  type AuditEvent,
} from '../domain/auditEntry';
export type { AuditEntry, StoredAuditEntry } from '../domain/auditEntry';
export {
  createAuditLog,
  AUDIT_PREFIX,
  DEFAULT_AUDIT_LIST_LIMIT,
  type AuditFilter,
  type AuditLog,
  type AuditLogOptions,
  type AuditPage,
} from './auditLog';
export { maskPasswords, PASSWORD_MASK } from './mask';
export {
  afterOf,
  changeAuditEntry,
  recordChangeEvent,
  type ChangeEventDetails,
} from './changeEntry';
export { findChangeHistory, type ChangeHistory } from './changeHistory';
export { listChangePage, type ChangePage } from './changePage';
