/**
 * Passwords never reach the audit log: Graph never returns them (docs/graph-notes.md#password-masking), so the one
 * an admin typed exists only in the pending change until Apply sends it. The audit keeps the shape
 * of what was sent, with every value under a key matching /password/i replaced by a fixed mask.
 */
export const PASSWORD_MASK = '********';
const PASSWORD_KEY = /password/i;

export function maskPasswords(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskPasswords);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      PASSWORD_KEY.test(key) && v !== undefined ? PASSWORD_MASK : maskPasswords(v),
    ]),
  );
}
