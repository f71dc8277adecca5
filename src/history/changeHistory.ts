/**
 * Finding the entries of one change from what was typed: its id, or (for typing by hand) the
 * start of it as shown on the history card, at least MIN_PREFIX characters.
 */
import type { AuditLog } from './auditLog';
import type { StoredAuditEntry } from '../domain/auditEntry';
import { shortId } from '../domain/auditEntry';

export const MIN_PREFIX = 6;
/** Every entry; the log is read whole anyway (DurableStorage.list), this only bounds the answer. */
const ALL = Number.MAX_SAFE_INTEGER;

export type ChangeHistory =
  | { ok: true; entries: StoredAuditEntry[] }
  | { ok: false; message: string };

export async function findChangeHistory(audit: AuditLog, typed: string): Promise<ChangeHistory> {
  const id = typed.trim().toLowerCase();
  const exact = await audit.list({ changeId: id, limit: ALL });
  if (exact.entries.length) return { ok: true, entries: exact.entries };
  const unknown = {
    ok: false as const,
    message: `I have no record of a change "${typed.slice(0, 40)}". The "history" command lists changes with their ids.`,
  };
  if (id.length < MIN_PREFIX) return unknown;
  const { entries } = await audit.list({ limit: ALL });
  const ids = [...new Set(entries.map((e) => e.changeId).filter((c) => c.startsWith(id)))];
  if (ids.length > 1)
    return {
      ok: false,
      message: `Several changes start with "${id}" (${ids.map(shortId).join(', ')}): type more of the id.`,
    };
  if (!ids.length) return unknown;
  return { ok: true, entries: entries.filter((e) => e.changeId === ids[0]) };
}
