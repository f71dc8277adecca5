/**
 * Graph paths of the industryData operations (docs/graph-notes.md#operations), relative to the base URL
 * (`…/beta`). Segments are the canonical lower-case ones (docs/graph-notes.md#path-casing: the service accepts capital-O
 * `OutboundProvisioningFlowSets` but every `@odata.context` and the CSDL use lower-case).
 * Ids are URL-encoded: they come from chat input and must not be able to add path segments.
 */
const ROOT = '/external/industryData';
const seg = (id: string): string => encodeURIComponent(id);

export const paths = {
  flowSets: (): string => `${ROOT}/outboundProvisioningFlowSets`,
  flowSet: (setId: string): string => `${ROOT}/outboundProvisioningFlowSets/${seg(setId)}`,
  flows: (setId: string): string => `${paths.flowSet(setId)}/provisioningFlows`,
  flow: (setId: string, flowId: string): string => `${paths.flows(setId)}/${seg(flowId)}`,
  /** Short form of the bound action, as the reset doc page writes it (docs/graph-notes.md#containment-and-binding). */
  resetFlow: (setId: string, flowId: string): string => `${paths.flow(setId, flowId)}/reset`,
  roleGroups: (): string => `${ROOT}/roleGroups`,
  roleGroup: (id: string): string => `${ROOT}/roleGroups/${seg(id)}`,
  runs: (): string => `${ROOT}/runs`,
  run: (runId: string): string => `${ROOT}/runs/${seg(runId)}`,
  /** The bound function in the short form the getStatistics page writes (no parentheses). */
  runStatistics: (runId: string): string => `${paths.run(runId)}/getStatistics`,
  /** The action bound to the runs collection (industrydata-industrydatarun-start.md): no run id. */
  startRun: (): string => `${ROOT}/runs/start`,
  operation: (operationId: string): string => `${ROOT}/operations/${seg(operationId)}`,
};

/** Joins the base URL and a path, with an optional `$top`. */
export function buildUrl(baseUrl: string, path: string, query?: { top?: number }): string {
  const url = baseUrl.replace(/\/+$/, '') + path;
  // `$top` written literally: Graph's own nextLinks and docs use an unencoded `$`.
  return query?.top !== undefined ? `${url}?$top=${query.top}` : url;
}

/**
 * `roleGroup@odata.bind` wants an absolute URL of the role group (docs/graph-notes.md#containment-and-binding, example 10). It is built
 * from the configured base URL so that the emulator and real Graph each get their own host.
 */
export function roleGroupBindUrl(baseUrl: string, roleGroupId: string): string {
  return buildUrl(baseUrl, paths.roleGroup(roleGroupId));
}

/** The path part after the base URL, for logs (never the host, never a token). */
export function pathForLog(baseUrl: string, url: string): string {
  const base = new URL(baseUrl);
  const target = new URL(url);
  const prefix = base.pathname.replace(/\/+$/, '');
  const path = target.pathname.startsWith(prefix)
    ? target.pathname.slice(prefix.length)
    : target.pathname;
  return path + target.search;
}
