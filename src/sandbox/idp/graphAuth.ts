/**
 * Verifies the `Authorization` header of a request to the Graph emulator: a Graph access token this
 * IdP issued (signature, issuer, expiry, audience). Errors use Graph's 401 code and messages
 * (InvalidAuthenticationToken); deciding 403 from scopes/roles/wids is the emulator's job.
 */
import { errors as joseErrors } from 'jose';
import { EmulatorAuthError, type EmulatorCaller } from '../emulator';
import type { Minter } from './minting';
import { GRAPH_RESOURCE } from './scopes';

/** Graph's own app id: Entra also issues Graph tokens with this as `aud`. */
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

const invalidToken = (message: string) =>
  new EmulatorAuthError(401, 'InvalidAuthenticationToken', message);

function verificationProblem(err: unknown): EmulatorAuthError {
  if (err instanceof joseErrors.JWTExpired) {
    return invalidToken('Lifetime validation failed, the token is expired.');
  }
  if (err instanceof joseErrors.JWTClaimValidationFailed && err.claim === 'aud') {
    return invalidToken('Access token validation failure. Invalid audience.');
  }
  if (err instanceof joseErrors.JWTClaimValidationFailed && err.claim === 'iss') {
    return invalidToken('Access token validation failure. Invalid issuer.');
  }
  // Bad signature, unknown key, malformed token: Graph does not say which.
  return invalidToken('Access token validation failure.');
}

const stringList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export function createGraphRequestAuthenticator(
  minter: Minter,
): (authorizationHeader: string | undefined) => Promise<EmulatorCaller> {
  return async (authorizationHeader) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorizationHeader ?? '');
    if (!match) throw invalidToken('Access token is empty.');
    let payload;
    try {
      payload = await minter.verify(match[1], [GRAPH_RESOURCE, GRAPH_APP_ID]);
    } catch (err) {
      throw verificationProblem(err);
    }
    if (typeof payload.oid !== 'string') throw invalidToken('Access token validation failure.');
    const scp = typeof payload.scp === 'string' ? payload.scp : undefined;
    const appId = payload.appid ?? payload.azp;
    return {
      kind: scp === undefined ? 'application' : 'delegated',
      oid: payload.oid,
      tid: typeof payload.tid === 'string' ? payload.tid : undefined,
      scopes: scp ? scp.split(' ').filter(Boolean) : [],
      roles: stringList(payload.roles),
      wids: stringList(payload.wids),
      appId: typeof appId === 'string' ? appId : undefined,
    };
  };
}
