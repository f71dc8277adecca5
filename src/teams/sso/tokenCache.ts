/**
 * The users' Teams SSO tokens, in memory only, each until shortly before it expires.
 *
 * Why memory and not the durable store: an SSO token is a bearer credential that msal can trade
 * for Graph tokens; written to disk (or a shared database) it becomes a liability at rest that
 * outlives the process, the backups and our intentions. Losing the cache on restart costs one
 * silent re-sign-in (Teams SSO is silent in 1:1 chat), which is the better trade.
 * The cache is per instance and per user (Entra object id), never module-level state.
 */
export interface SsoTokenCache {
  remember(aadObjectId: string, token: string, expiresAt: number): void;
  /** The user's token if it is still good for a little while, else undefined (and dropped). */
  get(aadObjectId: string): string | undefined;
  forget(aadObjectId: string): boolean;
}

/**
 * A token that expires within this margin is treated as expired: the OBO request and the
 * Graph call after it must finish before Entra refuses the assertion (AADSTS500133).
 */
const EXPIRY_MARGIN_MS = 60_000;

export function createSsoTokenCache(
  options: { now?: () => number; maxUsers?: number } = {},
): SsoTokenCache {
  const now = options.now ?? Date.now;
  const maxUsers = options.maxUsers ?? 10_000;
  const entries = new Map<string, { token: string; expiresAt: number }>();
  return {
    remember(aadObjectId, token, expiresAt) {
      entries.delete(aadObjectId); // re-insert: Map order is then least recently signed in first
      entries.set(aadObjectId, { token, expiresAt });
      if (entries.size > maxUsers) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
    },
    get(aadObjectId) {
      const entry = entries.get(aadObjectId);
      if (!entry) return undefined;
      if (entry.expiresAt - EXPIRY_MARGIN_MS <= now()) {
        entries.delete(aadObjectId);
        return undefined;
      }
      return entry.token;
    },
    forget: (aadObjectId) => entries.delete(aadObjectId),
  };
}
