/**
 * Mints and verifies the sandbox IdP's JWTs: the Teams SSO token (the assertion the bot exchanges),
 * Graph access tokens (delegated and app-only), and the id_token that comes with an OBO response.
 * Claim names follow Entra v2 access tokens: oid, tid, scp (space-separated), roles, wids, azp/appid.
 */
import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { READ_SCOPE, RUN_READ_SCOPE, type SandboxUser } from '../users';
import { SIGNING_ALG, type SigningKey } from './keys';
import { GRAPH_RESOURCE } from './scopes';

/** Teams desktop/mobile client id: the `azp` of a real Teams SSO token (docs/teams-notes.md#app-registration). */
export const TEAMS_CLIENT_APP_ID = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';
/** Object id of the sandbox app's service principal: the `oid` of app-only tokens. */
export const SANDBOX_SERVICE_PRINCIPAL_ID = '0d0d0d0d-2e2e-4f3f-8a4a-5b5b5b5b5b5b';
/** Reading approver groups' members (APPROVER_GROUP_ID, src/approvals). */
export const GROUP_MEMBER_READ_ROLE = 'GroupMember.Read.All';
/** Application permissions granted to the sandbox app (client credentials `roles`). */
export const SANDBOX_APP_ROLES = [READ_SCOPE, GROUP_MEMBER_READ_ROLE, RUN_READ_SCOPE];

export interface MinterConfig {
  key: SigningKey;
  /** `iss` of every token, e.g. http://127.0.0.1:PORT/<tenant>/v2.0 */
  issuer: string;
  tenantId: string;
  clientId: string;
  tokenLifetimeSeconds: number;
}

export interface Minter {
  readonly issuer: string;
  readonly tokenLifetimeSeconds: number;
  /** The Application ID URI Teams would use as the SSO token audience. */
  readonly ssoAudience: string;
  sso(
    user: SandboxUser,
    options?: { expiresInSeconds?: number; audience?: string },
  ): Promise<string>;
  delegatedGraph(user: SandboxUser, scopes: string[]): Promise<string>;
  appGraph(): Promise<string>;
  idToken(user: SandboxUser): Promise<string>;
  /** Verifies signature, issuer, expiry and that `aud` is one of `audiences`. Throws jose errors. */
  verify(token: string, audiences: string[]): Promise<JWTPayload>;
}

export function createMinter(config: MinterConfig): Minter {
  const { key, issuer, tenantId, clientId, tokenLifetimeSeconds } = config;
  const jwks = createLocalJWKSet({ keys: [key.publicJwk] });
  const sign = (claims: JWTPayload, audience: string, subject: string, lifetime: number) => {
    const now = Math.floor(Date.now() / 1000);
    // An already-expired token (tests) still needs iat before exp.
    const issuedAt = lifetime > 0 ? now : now + lifetime - 300;
    // `uti` (unique token id, as in Entra tokens) makes two tokens minted in the same second differ.
    return new SignJWT({ ver: '2.0', tid: tenantId, uti: randomUUID(), ...claims })
      .setProtectedHeader({ alg: SIGNING_ALG, typ: 'JWT', kid: key.kid })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject(subject)
      .setIssuedAt(issuedAt)
      .setExpirationTime(now + lifetime)
      .sign(key.privateKey);
  };
  const userClaims = (user: SandboxUser) => ({
    oid: user.aadObjectId,
    name: user.name,
    preferred_username: user.upn,
  });
  const ssoAudience = `api://botid-${clientId}`;

  return {
    issuer,
    tokenLifetimeSeconds,
    ssoAudience,
    sso: (user, options = {}) =>
      sign(
        { ...userClaims(user), upn: user.upn, scp: 'access_as_user', azp: TEAMS_CLIENT_APP_ID },
        options.audience ?? ssoAudience,
        user.aadObjectId,
        options.expiresInSeconds ?? tokenLifetimeSeconds,
      ),
    delegatedGraph: (user, scopes) =>
      sign(
        {
          ...userClaims(user),
          upn: user.upn,
          scp: scopes.join(' '),
          wids: user.wids,
          appid: clientId,
          azp: clientId,
          idtyp: 'user',
        },
        GRAPH_RESOURCE,
        user.aadObjectId,
        tokenLifetimeSeconds,
      ),
    appGraph: () =>
      sign(
        {
          oid: SANDBOX_SERVICE_PRINCIPAL_ID,
          roles: SANDBOX_APP_ROLES,
          appid: clientId,
          azp: clientId,
          idtyp: 'app',
        },
        GRAPH_RESOURCE,
        SANDBOX_SERVICE_PRINCIPAL_ID,
        tokenLifetimeSeconds,
      ),
    idToken: (user) => sign(userClaims(user), clientId, user.aadObjectId, tokenLifetimeSeconds),
    verify: async (token, audiences) => {
      const { payload } = await jwtVerify(token, jwks, {
        issuer,
        audience: audiences,
        algorithms: [SIGNING_ALG],
        requiredClaims: ['exp', 'tid'],
      });
      return payload;
    },
  };
}
