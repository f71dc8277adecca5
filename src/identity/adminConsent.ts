/** The tenant-wide admin-consent link (Entra v1 `adminconsent` endpoint, docs/teams-notes.md#app-registration). */
export function adminConsentUrl(authorityHost: string, tenantId: string, clientId: string): string {
  const host = authorityHost.replace(/\/+$/, '');
  return `${host}/${encodeURIComponent(tenantId)}/adminconsent?client_id=${encodeURIComponent(clientId)}`;
}
