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

export const READ_SCOPE = 'IndustryData-OutboundFlow.Read.All';
export const READWRITE_SCOPE = 'IndustryData-OutboundFlow.ReadWrite.All';

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
}

export const SANDBOX_USERS: readonly SandboxUser[] = [
  {
    aadObjectId: '11111111-aaaa-4aaa-8aaa-111111111111',
    name: 'Avery Admin',
    upn: 'avery@contoso-schools.example',
    wids: [GLOBAL_ADMIN_ROLE],
    consentedScopes: [READWRITE_SCOPE, READ_SCOPE],
    purpose: 'admin with consent: can read and change everything',
  },
  {
    aadObjectId: '22222222-bbbb-4bbb-8bbb-222222222222',
    name: 'Blake Approver',
    upn: 'blake@contoso-schools.example',
    wids: [GLOBAL_ADMIN_ROLE],
    consentedScopes: [READWRITE_SCOPE, READ_SCOPE],
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
    consentedScopes: [READWRITE_SCOPE, READ_SCOPE],
    purpose: 'not an admin: Graph answers 403',
  },
  {
    aadObjectId: '55555555-eeee-4eee-8eee-555555555555',
    name: 'Eli ReadOnly',
    upn: 'eli@contoso-schools.example',
    wids: [GLOBAL_ADMIN_ROLE],
    consentedScopes: [READ_SCOPE],
    purpose: 'admin with read-only consent: reads work, writes get 403',
  },
];

export function findSandboxUser(aadObjectId: string | undefined): SandboxUser | undefined {
  return SANDBOX_USERS.find((u) => u.aadObjectId === aadObjectId);
}
