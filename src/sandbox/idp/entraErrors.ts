/**
 * Token endpoint error bodies shaped like Entra ID's, because msal-node decides what to throw from
 * them: `error`, `suberror` and the AADSTS code in `error_description` select InteractionRequiredAuthError
 * vs ServerError, and `error_codes[0]` becomes `errorNo` (docs/teams-notes.md#msal-on-behalf-of, "Errors").
 */
import { randomUUID } from 'node:crypto';

export interface EntraErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  suberror?: string;
}

export interface EntraError {
  status: number;
  body: EntraErrorBody;
}

function entraError(
  status: number,
  error: string,
  code: number,
  description: string,
  suberror?: string,
): EntraError {
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const text = `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`;
  const body: EntraErrorBody = {
    error,
    error_description: text,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
  };
  if (suberror) body.suberror = suberror;
  return { status, body };
}

export const entraErrors = {
  invalidRequest: (detail: string) => entraError(400, 'invalid_request', 900144, detail),
  unsupportedGrant: (grantType: string) =>
    entraError(
      400,
      'unsupported_grant_type',
      70003,
      `The app requested an unsupported grant type '${grantType}'.`,
    ),
  unknownClient: (clientId: string) =>
    entraError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory 'sandbox'.`,
    ),
  invalidClientSecret: (clientId: string) =>
    entraError(
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
    ),
  missingClientCredential: () =>
    entraError(
      401,
      'invalid_client',
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    ),
  invalidAssertion: (reason: string) => entraError(400, 'invalid_grant', 50013, reason),
  consentRequired: (clientId: string) =>
    entraError(
      400,
      'invalid_grant',
      65001,
      `The user or administrator has not consented to use the application with ID '${clientId}' named 'SDS Flow Admin (sandbox)'. Send an interactive authorization request for this user and resource.`,
      'consent_required',
    ),
  invalidScope: (detail: string, code = 70011) => entraError(400, 'invalid_scope', code, detail),
  unknownTenant: (tenant: string) =>
    entraError(
      400,
      'invalid_tenant',
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
    ),
};
