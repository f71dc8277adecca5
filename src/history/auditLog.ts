/**
 * The append-only audit log. Each entry is its own key under
 * `audit/`, written with create-if-absent semantics (recordStore `replace(id, value, undefined)`
 * fails when the key exists), so an entry is never overwritten; there is no update or delete.
 * Reads validate every record and skip (and log) one that does not parse, so a damaged record
 * cannot hide the rest of the history.
 */
import { AppError } from '../errors';
import type { Logger } from '../log';
import { createRecordStore, retryOnConflict } from '../store/recordStore';
import type { DurableStorage } from '../store/storage';
import { createAuditIdSource, type AuditIdSource } from './auditId';
import { maskPasswords } from './mask';
import { AuditEntry, StoredAuditEntry } from '../domain/auditEntry';

export const AUDIT_PREFIX = 'audit';
export const DEFAULT_AUDIT_LIST_LIMIT = 50;

export interface AuditFilter {
  setId?: string;
  changeId?: string;
  /** At most this many entries (default 50). */
  limit?: number;
  /** Cursor: only entries older than this one (the `next` of an earlier page). */
  before?: string;
}

export interface AuditPage {
  /** Latest first. */
  entries: StoredAuditEntry[];
  /** Pass as `before` for the next (older) page; absent on the last page. */
  next?: string;
}

export interface AuditLog {
  /** Masks passwords in body/before/after, validates, and stores a new entry. Never overwrites. */
  append(entry: AuditEntry): Promise<void>;
  list(filter?: AuditFilter): Promise<AuditPage>;
}

export interface AuditLogOptions {
  logger?: Logger;
  /** Where ids come from (tests pin the clock). */
  ids?: AuditIdSource;
}

function masked(entry: AuditEntry): AuditEntry {
  const parsed = AuditEntry.safeParse({
    ...entry,
    body: maskPasswords(entry.body),
    before: maskPasswords(entry.before),
    after: maskPasswords(entry.after),
  });
  if (!parsed.success)
    throw new AppError('internal', 'The audit entry for this change could not be recorded.', {
      cause: new Error(`invalid audit entry: ${parsed.error.message}`),
    });
  return parsed.data;
}

const matches = (filter: AuditFilter) => (e: StoredAuditEntry) =>
  (filter.setId === undefined || e.setId === filter.setId) &&
  (filter.changeId === undefined || e.changeId === filter.changeId) &&
  (filter.before === undefined || e.id < filter.before);

export function createAuditLog(storage: DurableStorage, options: AuditLogOptions = {}): AuditLog {
  const records = createRecordStore(storage, AUDIT_PREFIX, AuditEntry);
  const nextId = options.ids ?? createAuditIdSource();

  async function readAll(): Promise<StoredAuditEntry[]> {
    const items = await storage.list(`${AUDIT_PREFIX}/`);
    const entries: StoredAuditEntry[] = [];
    for (const [key, item] of Object.entries(items)) {
      const { eTag: _eTag, ...value } = item;
      const parsed = StoredAuditEntry.safeParse({
        ...value,
        id: key.slice(AUDIT_PREFIX.length + 1),
      });
      if (parsed.success) entries.push(parsed.data);
      else
        options.logger?.warn('unreadable audit entry skipped', {
          key,
          error: parsed.error.message,
        });
    }
    return entries;
  }

  return {
    async append(entry) {
      const value = masked(entry);
      // A conflict is an id collision (same ms, same counter, same 48 random bits): the next
      // attempt takes a fresh id.
      await retryOnConflict(async () => {
        await records.replace(nextId(), value, undefined);
      });
    },
    async list(filter = {}) {
      const limit = Math.max(1, Math.floor(filter.limit ?? DEFAULT_AUDIT_LIST_LIMIT));
      const found = (await readAll())
        .filter(matches(filter))
        .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
      const entries = found.slice(0, limit);
      return found.length > limit ? { entries, next: entries.at(-1)!.id } : { entries };
    },
  };
}
