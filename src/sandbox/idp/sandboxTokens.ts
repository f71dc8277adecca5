/**
 * Tokens minted directly, without a token request: the Teams SSO token (which the Agents
 * Playground cannot produce, docs/teams-notes.md#agents-playground) and Graph tokens for `npm run token`
 * and tests. Only reachable in-process or through the loopback-only /_sandbox routes.
 */
import { findSandboxUser, resolveSandboxUser, type SandboxUser } from '../users';
import type { Minter } from './minting';

export class SandboxTokenError extends Error {
  constructor(
    readonly reason: 'unknown_user' | 'no_consent',
    message: string,
  ) {
    super(message);
    this.name = 'SandboxTokenError';
  }
}

export type GraphTokenSubject = { aadObjectId: string } | 'app';

function sandboxUser(aadObjectId: string): SandboxUser {
  const user = findSandboxUser(aadObjectId);
  if (!user) throw new SandboxTokenError('unknown_user', `No sandbox user ${aadObjectId}.`);
  return user;
}

/**
 * The SSO token Teams would give the bot for this person: one of the five, or a sandbox guest
 * (any other GUID object id, named `name`, see sandboxGuest). Not a GUID: unknown_user.
 */
export async function mintSsoToken(
  minter: Minter,
  aadObjectId: string,
  options: { expiresInSeconds?: number; audience?: string; name?: string } = {},
): Promise<string> {
  const { name, ...rest } = options;
  const user = resolveSandboxUser(aadObjectId, name);
  if (!user) {
    throw new SandboxTokenError(
      'unknown_user',
      'The sandbox acts only for people whose Entra object id is a GUID.',
    );
  }
  return minter.sso(user, rest);
}

/**
 * A Graph access token like the one OBO would give. Default scopes: everything the user consented
 * to; explicit `scopes` are used as given (tests of the emulator's 403 paths need that).
 */
export async function mintGraphToken(
  minter: Minter,
  subject: GraphTokenSubject,
  options: { scopes?: string[] } = {},
): Promise<string> {
  if (subject === 'app') return minter.appGraph();
  const user = sandboxUser(subject.aadObjectId);
  const scopes = options.scopes ?? user.consentedScopes;
  if (scopes.length === 0) {
    throw new SandboxTokenError(
      'no_consent',
      `${user.name} has no consented Graph scopes: on-behalf-of fails with AADSTS65001, so no Graph token exists for this user.`,
    );
  }
  return minter.delegatedGraph(user, scopes);
}
