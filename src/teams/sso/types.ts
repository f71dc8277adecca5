/** Shared types of the Teams SSO path (src/teams/sso). */
import type { TurnContext } from 'botbuilder';
import type { SsoTokenValidator } from '../../identity/ssoToken';
import type { GraphIdentity } from '../../identity/types';
import type { Logger } from '../../log';
import type { ExchangeLedger } from './exchangeLedger';
import type { PendingCommands } from './pendingCommands';
import type { SignInSettings } from './signInCards';
import type { SsoTokenCache } from './tokenCache';

/**
 * Runs a command line for the turn's user with the given SSO token and sends its replies into
 * the turn's conversation, reporting its own errors (the turn handler provides it).
 */
export type ResumeCommand = (
  ctx: TurnContext,
  commandText: string,
  ssoToken: string,
) => Promise<void>;

/** The collaborators every SSO handler uses; built once by createTeamsSso. */
export interface TeamsSsoParts {
  identity: Pick<GraphIdentity, 'onBehalfOf' | 'signOut' | 'adminConsentUrl'>;
  validator: SsoTokenValidator;
  logger: Logger;
  settings: SignInSettings;
  tokens: SsoTokenCache;
  ledger: ExchangeLedger;
  pending: PendingCommands;
}
