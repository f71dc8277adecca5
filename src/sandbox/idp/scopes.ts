/**
 * How the sandbox IdP turns a requested `scope` string into granted Graph permissions, following
 * Entra's rules: one resource per request, `.default` = everything consented and not combinable
 * with named scopes (AADSTS70011), client credentials only with `/.default` (AADSTS1002012).
 */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
export const GRAPH_DEFAULT_SCOPE = `${GRAPH_RESOURCE}/.default`;
/** msal always appends these (docs/teams-notes.md#msal-on-behalf-of); they do not name a resource. */
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

export type DelegatedScopeResult =
  | { ok: true; granted: string[]; responseScope: string }
  | { ok: false; problem: 'consent_required' }
  | { ok: false; problem: 'invalid_scope'; detail: string };

/** `https://graph.microsoft.com/X` or bare `X` → `X`; another resource → undefined. */
function graphScopeName(scope: string): string | undefined {
  const prefix = `${GRAPH_RESOURCE}/`;
  if (scope.toLowerCase().startsWith(prefix)) return scope.slice(prefix.length);
  return scope.includes('/') || scope.includes(':') ? undefined : scope;
}

function splitScopes(scope: string): string[] {
  return scope.split(/\s+/).filter((s) => s && !OIDC_SCOPES.has(s.toLowerCase()));
}

export function resolveDelegatedScopes(
  requested: string,
  consented: string[],
): DelegatedScopeResult {
  const names: string[] = [];
  for (const scope of splitScopes(requested)) {
    const name = graphScopeName(scope);
    if (name === undefined) {
      return {
        ok: false,
        problem: 'invalid_scope',
        detail: `The provided value for the input parameter 'scope' is not valid. The sandbox only issues tokens for ${GRAPH_RESOURCE}; got '${scope}'.`,
      };
    }
    names.push(name);
  }
  if (names.length === 0) {
    return {
      ok: false,
      problem: 'invalid_scope',
      detail: "The 'scope' parameter names no resource.",
    };
  }
  const wantsDefault = names.some((n) => n === '.default');
  if (wantsDefault && names.length > 1) {
    return {
      ok: false,
      problem: 'invalid_scope',
      detail:
        "The provided value for the input parameter 'scope' is not valid. The scope .default can't be combined with resource-specific scopes.",
    };
  }
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  const granted = wantsDefault
    ? [...consented]
    : consented.filter((c) => wanted.has(c.toLowerCase()));
  if (granted.length === 0) return { ok: false, problem: 'consent_required' };
  // The granted permissions, plus `.default` when it was asked for: msal-node stores the response
  // scopes as the cache target and looks up the *requested* scopes, so without it every
  // `.default` call would miss the cache [assumption: mirrors Entra's v2 response].
  const responseScopes = granted.map((g) => `${GRAPH_RESOURCE}/${g}`);
  if (wantsDefault) responseScopes.push(GRAPH_DEFAULT_SCOPE);
  return { ok: true, granted, responseScope: responseScopes.join(' ') };
}

/** Client credentials must ask for `<resource>/.default` and nothing else. */
export function isClientCredentialsScopeValid(requested: string): boolean {
  const scopes = splitScopes(requested);
  return scopes.length === 1 && scopes[0].toLowerCase() === GRAPH_DEFAULT_SCOPE;
}
