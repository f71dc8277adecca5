/**
 * Who may approve: the object ids in APPROVERS and the
 * members of APPROVER_GROUP_ID, by Entra object id only. Deny by default: with neither set nobody
 * can approve, and when the group cannot be read the answer is an error, never a yes. Group
 * membership is cached briefly (60 s) so a burst of clicks reads Graph once; concurrent first
 * reads share one request.
 */
import { AppError } from '../errors';
import type { Logger } from '../log';
import type { ReadGroupMembers } from './groupMembers';

export const GROUP_CACHE_MS = 60_000;

export interface ApproverList {
  ids: string[];
  /** False when the group could not be read: there may be more approvers than `ids`. */
  complete: boolean;
}

export interface ApproverDirectory {
  /** True when neither APPROVERS nor APPROVER_GROUP_ID is set: nobody can approve. */
  readonly noneConfigured: boolean;
  /** Throws AppError 'unavailable' when the answer depends on a group that cannot be read now. */
  isApprover(aadObjectId: string): Promise<boolean>;
  list(): Promise<ApproverList>;
}

export interface ApproverDirectoryOptions {
  approvers: readonly string[];
  groupId?: string;
  readGroup: ReadGroupMembers;
  logger: Logger;
  cacheMs?: number;
  now?: () => number;
}

export function createApproverDirectory(options: ApproverDirectoryOptions): ApproverDirectory {
  const fixed = new Set(options.approvers.map((id) => id.toLowerCase()));
  const { groupId, logger } = options;
  const cacheMs = options.cacheMs ?? GROUP_CACHE_MS;
  const now = options.now ?? Date.now;
  let cached: { ids: Set<string>; at: number } | undefined;
  let reading: Promise<Set<string>> | undefined;

  const readFresh = async (id: string): Promise<Set<string>> => {
    const ids = new Set(await options.readGroup(id));
    cached = { ids, at: now() };
    return ids;
  };
  const groupMembers = (): Promise<Set<string>> => {
    if (!groupId) return Promise.resolve(new Set());
    if (cached && now() - cached.at < cacheMs) return Promise.resolve(cached.ids);
    reading ??= readFresh(groupId).finally(() => (reading = undefined));
    return reading;
  };
  const unreadable = (err: unknown) => {
    logger.warn('approver group could not be read', { groupId, error: err });
    return new AppError(
      'unavailable',
      'I could not read the approver group from Microsoft Graph just now, so I cannot tell who may approve. Try again in a minute.',
      {
        retryable: true,
        cause: err,
        requestId: err instanceof AppError ? err.requestId : undefined,
      },
    );
  };

  return {
    noneConfigured: fixed.size === 0 && !groupId,
    async isApprover(aadObjectId) {
      const oid = aadObjectId.toLowerCase();
      if (!oid) return false;
      if (fixed.has(oid)) return true;
      if (!groupId) return false;
      try {
        return (await groupMembers()).has(oid);
      } catch (err) {
        throw unreadable(err);
      }
    },
    async list() {
      try {
        const members = await groupMembers();
        return { ids: [...new Set([...fixed, ...members])], complete: true };
      } catch (err) {
        unreadable(err);
        return { ids: [...fixed], complete: false };
      }
    },
  };
}
