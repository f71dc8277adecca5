/**
 * The one long-lived msal-node ConfidentialClientApplication per app registration: its token cache
 * lives as long as the object, and OBO caches per SSO assertion (docs/teams-notes.md#msal-on-behalf-of).
 */
import {
  ConfidentialClientApplication,
  LogLevel,
  ProtocolMode,
  type Configuration,
} from '@azure/msal-node';
import type { Logger } from '../log';
import type { GraphIdentityOptions } from './types';

function authOptions(options: GraphIdentityOptions): Configuration['auth'] {
  const credential =
    'clientSecret' in options.credential
      ? { clientSecret: options.credential.clientSecret }
      : { clientCertificate: options.credential.clientCertificate };
  return {
    clientId: options.clientId,
    authority: options.authority,
    ...credential,
    ...(options.knownAuthorities ? { knownAuthorities: options.knownAuthorities } : {}),
    ...(options.authorityMetadata ? { authorityMetadata: options.authorityMetadata } : {}),
  };
}

/** msal's own log lines go to ours at debug/warn; PII-flagged lines are dropped. */
function msalLogger(logger: Logger) {
  return {
    logLevel: LogLevel.Warning,
    piiLoggingEnabled: false,
    loggerCallback: (level: LogLevel, message: string, containsPii: boolean) => {
      if (containsPii) return;
      if (level === LogLevel.Error) logger.warn('msal', { detail: message });
      else logger.debug('msal', { detail: message });
    },
  };
}

export function createConfidentialClient(
  options: GraphIdentityOptions,
  logger: Logger,
): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: authOptions(options),
    ...(options.cachePlugin ? { cache: { cachePlugin: options.cachePlugin } } : {}),
    system: {
      // v5+: protocolMode lives in `system` (docs/teams-notes.md#msal-and-a-local-identity-provider).
      protocolMode: options.protocolMode === 'OIDC' ? ProtocolMode.OIDC : ProtocolMode.AAD,
      loggerOptions: msalLogger(logger),
    },
  });
}
