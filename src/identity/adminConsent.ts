/** The tenant-wide admin-consent link (Entra v1 `adminconsent` endpoint, teams-platform.md §1.3). */
export function adminConsentUrl(authorityHost: string, tenantId: string, clientId: string): string {
  const host = authorityHost.replace(/\/+$/, '');
  return `${host}/${encodeURIComponent(tenantId)}/adminconsent?client_id=${encodeURIComponent(clientId)}`;
}
