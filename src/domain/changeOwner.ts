/**
 * The one owner check of a pending change and its expiry test: authorise on the Entra object id,
 * never on a name or a conversation, and compare ids case-insensitively (Teams and Graph do not
 * agree on the letter case of a GUID).
 */
import type { PendingChange, Person } from './pendingChangeSchema';

/** Same Entra object id, whatever the letter case; never true for a missing person. */
export const samePerson = (
  a: Pick<Person, 'aadObjectId'> | undefined,
  b: Pick<Person, 'aadObjectId'> | undefined,
): boolean => !!a && !!b && a.aadObjectId.toLowerCase() === b.aadObjectId.toLowerCase();

/** True when `person` asked for `change`. */
export const isRequester = (change: PendingChange, person: Pick<Person, 'aadObjectId'>) =>
  samePerson(change.requester, person);

export const isExpired = (change: PendingChange, now: Date) =>
  now.getTime() >= Date.parse(change.expiresAt);
