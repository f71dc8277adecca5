/**
 * Gives commands a Graph client that acts as the person who asked (delegated, on-behalf-of),
 * or as the app itself for background reads. Writes never use the app token: the docs say
 * application permission is not supported for create/update of flow sets (docs/graph-notes.md#permissions).
 */
import type { ConversationRef, UserRef } from '../domain/people';
import { AppError } from '../errors';
import type { GraphClient, IndustryDataApi, TokenProvider } from '../graph';
import type { GraphIdentity } from '.';

export type { SsoTokenValidator } from './ssoToken';
import type { SsoTokenValidator } from './ssoToken';

/** Whom a Graph call acts for: the turn's user, with their Teams SSO token when Teams gave one. */
export interface GraphCaller {
  user: UserRef;
  /** Its tenant is checked against the SSO token's. */
  conversation: ConversationRef;
  ssoToken?: string;
}

export interface GraphAccess {
  /** Graph as the turn's user. The token is only fetched when a call is made. */
  forUser(turn: GraphCaller): IndustryDataApi;
  /** The user's delegated token provider (for whoami, which reads the granted scopes). */
  userToken(turn: GraphCaller): TokenProvider;
  /** Graph as the app (client credentials, read-only permission). */
  forApp(): IndustryDataApi;
  signOut(aadObjectId: string): Promise<void>;
  /**
   * A line `whoami` shows about how this person is treated, set by whoever wires the app (the
   * sandbox says "sandbox guest" for anyone not among its five people); none in production.
   */
  userNote(aadObjectId: string): string | undefined;
}

/** Where the user's SSO assertion comes from: Teams SSO, or (sandbox) the local identity provider. */
export type SsoSource =
  | { kind: 'teams'; validate: SsoTokenValidator }
  | { kind: 'mint'; mint: (user: UserRef) => Promise<string> };

function expiryOf(jwt: string): number {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return typeof payload.exp === 'number' ? payload.exp * 1000 : 0;
  } catch {
    return 0;
  }
}

/**
 * In sandbox "mint" mode, keep one minted assertion per user until shortly before it expires:
 * msal caches OBO results per assertion (docs/teams-notes.md#msal-on-behalf-of), as Teams reuses its SSO token.
 */
function mintedAssertions(mint: (user: UserRef) => Promise<string>) {
  const cache = new Map<string, { token: string; expiresAt: number }>();
  return {
    async get(user: UserRef): Promise<string> {
      const oid = user.aadObjectId;
      const hit = cache.get(oid);
      if (hit && hit.expiresAt - Date.now() > 5 * 60_000) return hit.token;
      const token = await mint(user);
      cache.set(oid, { token, expiresAt: expiryOf(token) });
      return token;
    },
    forget: (oid: string) => cache.delete(oid),
  };
}

/** A token is reused until this long before it expires (a turn's Graph calls take seconds). */
const TOKEN_MARGIN_MS = 2 * 60_000;
/** How long a token whose expiry cannot be read is reused (still well past any one turn). */
const UNKNOWN_EXPIRY_MS = 60_000;

/**
 * Calls `load` once and shares its answer (concurrent callers included) until shortly before the
 * token expires; a failure is not kept, so the next call asks again.
 */
function memoisedToken(load: () => Promise<string>): TokenProvider {
  let cached: { token: Promise<string>; until: number } | undefined;
  return () => {
    if (cached && Date.now() < cached.until) return cached.token;
    const token = load();
    const entry = { token, until: Number.POSITIVE_INFINITY };
    cached = entry;
    token.then(
      (value) => {
        const exp = expiryOf(value);
        entry.until = exp ? exp - TOKEN_MARGIN_MS : Date.now() + UNKNOWN_EXPIRY_MS;
      },
      () => {
        if (cached === entry) cached = undefined;
      },
    );
    return token;
  };
}

export function createGraphAccess(
  client: GraphClient,
  identity: GraphIdentity,
  sso: SsoSource,
  /** Teams SSO keeps the user's SSO token in memory; sign-out must drop it too. */
  forgetSsoToken?: (aadObjectId: string) => Promise<unknown>,
  /** See GraphAccess.userNote; default: no note. */
  userNote: (aadObjectId: string) => string | undefined = () => undefined,
): GraphAccess {
  const minted = sso.kind === 'mint' ? mintedAssertions(sso.mint) : undefined;

  const assertionFor = async (turn: GraphCaller): Promise<string> => {
    const oid = turn.user.aadObjectId;
    if (!oid) {
      throw new AppError(
        'forbidden',
        'I can only act for people signed in with a work or school account (Microsoft Entra ID).',
      );
    }
    if (minted) return minted.get(turn.user);
    if (sso.kind !== 'teams' || !turn.ssoToken) {
      throw new AppError('sign_in_required', 'Please sign in so I can act on your behalf.');
    }
    await sso.validate(turn.ssoToken, { aadObjectId: oid, tenantId: turn.conversation.tenantId });
    return turn.ssoToken;
  };

  const fetchUserToken = async (turn: GraphCaller) =>
    identity.onBehalfOf(await assertionFor(turn))();
  // One token per turn: every Graph call of a turn used to validate the SSO assertion, hash it
  // and look msal's cache up again. The turn object keys the memo, so it goes with the turn.
  const perTurn = new WeakMap<GraphCaller, TokenProvider>();
  const userToken = (turn: GraphCaller): TokenProvider => {
    let provider = perTurn.get(turn);
    if (!provider) {
      provider = memoisedToken(() => fetchUserToken(turn));
      perTurn.set(turn, provider);
    }
    return provider;
  };
  const appApi = client.as(identity.appOnly());
  return {
    forUser: (turn) => client.as(userToken(turn)),
    userToken,
    forApp: () => appApi,
    async signOut(aadObjectId) {
      minted?.forget(aadObjectId);
      await identity.signOut({ aadObjectId });
      await forgetSsoToken?.(aadObjectId);
    },
    userNote,
  };
}
