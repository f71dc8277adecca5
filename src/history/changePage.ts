/**
 * The history by change, not by event: a change's requested, approved and applied (or failed,
 * cancelled…) entries belong together, so a page of N is N changes, the one with the latest
 * activity first, each with its entries oldest first.
 */
import type { AuditLog } from './auditLog';
import type { StoredAuditEntry } from '../domain/auditEntry';

export interface ChangePage {
  /** Each change's entries, oldest first; the changes latest activity first. */
  changes: StoredAuditEntry[][];
  /** The page shown: the one asked for, or the last one when it asked past the end. */
  page: number;
  hasNext: boolean;
}

export async function listChangePage(
  audit: AuditLog,
  options: { setId?: string; page: number; pageSize: number },
): Promise<ChangePage> {
  const { entries } = await audit.list({ setId: options.setId, limit: Number.MAX_SAFE_INTEGER });
  const byChange = new Map<string, StoredAuditEntry[]>();
  // Latest first: a change takes the place of its latest entry.
  for (const e of entries) {
    const list = byChange.get(e.changeId);
    if (list) list.push(e);
    else byChange.set(e.changeId, [e]);
  }
  const changes = [...byChange.values()].map((list) => list.reverse());
  const lastPage = Math.max(1, Math.ceil(changes.length / options.pageSize));
  const page = Math.min(options.page, lastPage);
  return {
    changes: changes.slice((page - 1) * options.pageSize, page * options.pageSize),
    page,
    hasNext: page < lastPage,
  };
}
