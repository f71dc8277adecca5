/**
 * The sandbox tenant: fixed ids shared by the local identity provider, the Graph emulator,
 * the Agents Playground config (.m365agentsplayground.yml) and the tests. Five users because
 * the Playground requires exactly five; each one exercises a different path of the bot.
 */
export const SANDBOX_TENANT_ID = '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d';
/** The sandbox "app registration" used by the bot for on-behalf-of and client credentials. */
export const SANDBOX_CLIENT_ID = '0b0b0b0b-1c1c-4d2d-8e3e-4f4f4f4f4f4f';
export const SANDBOX_CLIENT_SECRET = 'sandbox-only-secret-not-for-production';
/** Entra built-in role template id of Global Administrator (appears in a token's `wids`). */
export const GLOBAL_ADMIN_ROLE = '62e90394-69f5-4237-9190-012177145e10';

import { READ_SCOPE, READWRITE_SCOPE, RUN_READ_SCOPE, RUN_START_SCOPE } from '../graph/permissions';

export { READ_SCOPE, READWRITE_SCOPE, RUN_READ_SCOPE, RUN_START_SCOPE };

/** Everything an SDS admin of the sandbox tenant consented to: flows and sync runs. */
const FULL_CONSENT = [READWRITE_SCOPE, READ_SCOPE, RUN_READ_SCOPE, RUN_START_SCOPE];

export interface SandboxUser {
  aadObjectId: string;
  name: string;
  upn: string;
  /** Entra directory role template ids, as they appear in the token's `wids` claim. */
  wids: string[];
  /** Delegated Graph scopes the tenant consented to for this user (empty = no consent). */
  consentedScopes: string[];
  /** What this user is for, shown by `npm run token -- --list`. */
  purpose: string;
  /** Not one of the five: someone else the Teams client sent (see sandboxGuest). */
  guest?: boolean;
}

export const SANDBOX_USERS: readonly SandboxUser[] = [
  {
    aadObjectId: '11111111-aaaa-4aaa-8aaa-111111111111',
    name: 'Avery Admin',
    upn: 'avery@contoso-schools.example',
    wids: [GLOBAL_ADMIN_ROLE],
    consentedScopes: FULL_CONSENT,
    purpose: 'admin with consent: can read and change everything and start sync runs',
  },
  {
    aadObjectId: '22222222-bbbb-4bbb-8bbb-222222222222',
    name: 'Blake Approver',
    upn: 'blake@contoso-schools.example',
    wids: [GLOBAL_ADMIN_ROLE],
    consentedScopes: FULL_CONSENT,
    purpose: 'second admin, for peer approval',
  },
  {
    aadObjectId: '33333333-cccc-4ccc-8ccc-333333333333',
    name: 'Casey NoConsent',
    upn: 'casey@contoso-schools.example',
    wids: [GLOBAL_ADMIN_ROLE],
    consentedScopes: [],
    purpose: 'admin, but nobody consented to the Graph permission: OBO fails with AADSTS65001',
  },
  {
    aadObjectId: '44444444-dddd-4ddd-8ddd-444444444444',
    name: 'Dana Teacher',
    upn: 'dana@contoso-schools.example',
    wids: [],
    consentedScopes: FULL_CONSENT,
    purpose: 'not an admin: Graph answers 403',
  },
  {
    aadObjectId: '55555555-eeee-4eee-8eee-555555555555',
    name: 'Eli ReadOnly',
    upn: 'eli@contoso-schools.example',
    wids: [GLOBAL_ADMIN_ROLE],
    consentedScopes: [READ_SCOPE, RUN_READ_SCOPE],
    purpose:
      'admin with read-only consent: reads (sync runs too) work; writes and starting a run get 403 (no IndustryData-Run.Start)',
  },
];

export function findSandboxUser(aadObjectId: string | undefined): SandboxUser | undefined {
  return SANDBOX_USERS.find((u) => u.aadObjectId === aadObjectId);
}

/** What `whoami` says to a sandbox guest. */
export const SANDBOX_GUEST_NOTE =
  'Sandbox guest: you are not one of the five sandbox people, so you act as an admin with consent under your own Teams name and object id.';

/** An Entra object id: a GUID (8-4-4-4-12 hex digits). */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuidLike(value: unknown): value is string {
  return typeof value === 'string' && GUID.test(value);
}

/** A display name from an activity or a token, made safe to put in a claim: no control characters, short. */
function guestName(name: unknown): string {
  const clean =
    typeof name === 'string'
      ? name
          .replace(/\p{Cc}/gu, ' ')
          .trim()
          .slice(0, 128)
      : '';
  return clean || 'Sandbox guest';
}

/**
 * Anyone the Teams client sends who is not one of the five (the Agents Playground's own default
 * users, or a Playground started outside `npm start`): a sandbox admin with full consent, under
 * their own object id and name, so every command works for them. The object id comes from the
 * activity (attacker-controlled) and ends up in tokens and the emulator's records, so only a
 * GUID is accepted. Sandbox only: nothing outside src/sandbox and the sandbox wiring calls this.
 */
export function sandboxGuest(aadObjectId: string, name?: unknown): SandboxUser | undefined {
  if (!isGuidLike(aadObjectId)) return undefined;
  return {
    aadObjectId,
    name: guestName(name),
    upn: `guest-${aadObjectId.toLowerCase()}@contoso-schools.example`,
    wids: [GLOBAL_ADMIN_ROLE],
    consentedScopes: FULL_CONSENT,
    purpose: 'sandbox guest: not one of the five, acts as an admin with consent',
    guest: true,
  };
}

/** One of the five, or else a guest (undefined when the object id is not a GUID). */
export function resolveSandboxUser(aadObjectId: string, name?: unknown): SandboxUser | undefined {
  return findSandboxUser(aadObjectId) ?? sandboxGuest(aadObjectId, name);
}

/** The note `whoami` shows about a sandbox user: only guests get one. */
export function sandboxUserNote(aadObjectId: string): string | undefined {
  return findSandboxUser(aadObjectId) ? undefined : SANDBOX_GUEST_NOTE;
}
