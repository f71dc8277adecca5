/**
 * The route template of a Graph URL for spans and metrics: the path after the base URL with every
 * segment that is not a known resource or action name replaced by `{id}`, and no query string
 * (e.g. /external/industryData/outboundProvisioningFlowSets/{id}/provisioningFlows). Ids and
 * anything typed in chat never reach telemetry, and the number of distinct routes stays small.
 */
import { pathForLog } from './paths';

/** Path segments of the industryData API (docs/graph-notes.md#operations). */
const ROUTE_WORDS = new Set([
  'external',
  'industryData',
  'outboundProvisioningFlowSets',
  'provisioningFlows',
  'reset',
  'roleGroups',
  'runs',
  'start',
  'microsoft.graph.industryData.start',
  'microsoft.graph.industryData.reset',
  'me',
  'organization',
]);

export function routeTemplate(baseUrl: string, url: string): string {
  const path = pathForLog(baseUrl, url).split('?')[0] ?? '';
  return path
    .split('/')
    .map((segment) => (segment === '' || ROUTE_WORDS.has(segment) ? segment : '{id}'))
    .join('/');
}
