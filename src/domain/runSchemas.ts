/**
 * Zod schemas for the School Data Sync run types of Graph beta industryData (what Graph *returns*):
 * industryDataRun, industryDataRunStatistics (with inboundActivityResults,
 * aggregatedInboundStatistics and the role/entity count metrics), the longRunningOperation a start
 * creates, and a page of runs. Sources, all in microsoft-graph-docs-contrib:
 * api-reference/beta/resources/industrydata-industrydatarun.md, industrydata-industrydatarunstatistics.md,
 * industrydata-inboundactivityresults.md, industrydata-aggregatedinboundstatistics.md,
 * industrydata-industrydatarunrolecountmetric.md, industrydata-industrydatarunentitycountmetric.md,
 * longrunningoperation.md and enums-industrydata.md.
 *
 * Objects are loose (beta grows); a status we do not know reads as `unknownFutureValue` so callers
 * switch over a closed union. Where the docs contradict themselves both shapes are accepted and
 * normalised (see `normaliseStatistics`).
 */
import { z } from 'zod';
import { page } from './flowSchemas';
import { OperationStatus, RunStatus, maybeText } from './runSchemaParts';

export {
  ACTIVITY_STATUSES,
  ActivityStatus,
  OPERATION_STATUSES,
  OperationStatus,
  RUN_PROBLEM_STATUSES,
  RUN_STATUSES,
  RunStatus,
} from './runSchemaParts';
export * from './runStatistics';

// ----- documented service rules (industrydata-industrydatarun-start.md) -----
/** The service starts a run by itself every 12 hours. */
export const SCHEDULED_RUN_INTERVAL_HOURS = 12;
/** At most this many successful on-demand runs per window… */
export const MAX_ON_DEMAND_RUNS = 5;
/** …of this many hours. */
export const ON_DEMAND_WINDOW_HOURS = 12;
/** An on-demand run makes the service skip a scheduled run due within this many hours. */
export const SKIP_SCHEDULED_WITHIN_HOURS = 10;

export const PublicErrorDetail = z.looseObject({
  code: maybeText,
  message: maybeText,
  target: maybeText,
});
export type PublicErrorDetail = z.infer<typeof PublicErrorDetail>;

/** microsoft.graph.publicError (publicerror.md, publicinnererror.md). */
export const PublicError = z.looseObject({
  code: maybeText,
  message: maybeText,
  target: maybeText,
  details: z
    .array(PublicErrorDetail)
    .nullish()
    .transform((v) => v ?? []),
  innerError: z
    .looseObject({
      code: maybeText,
      message: maybeText,
      target: maybeText,
      details: z.array(PublicErrorDetail).nullish(),
    })
    .nullish()
    .transform((v) => v ?? null),
});
export type PublicError = z.infer<typeof PublicError>;

/** industryDataRun. `id` is the key although the property table leaves it out. */
export const IndustryDataRun = z.looseObject({
  '@odata.type': z.string().optional(),
  id: z.string(),
  displayName: maybeText,
  status: RunStatus,
  startDateTime: maybeText,
  /** null while the run is in progress. */
  endDateTime: maybeText,
  /** Absent in the examples when there was no failure; read as null then. */
  blockingError: PublicError.nullish().transform((v) => v ?? null),
});
export type IndustryDataRun = z.infer<typeof IndustryDataRun>;

/** A page of `GET /external/industryData/runs`. */
export const IndustryDataRunPage = page(IndustryDataRun);
export type IndustryDataRunPage = z.infer<typeof IndustryDataRunPage>;

/**
 * microsoft.graph.longRunningOperation, or a derived type (industryData.fileValidateOperation adds
 * `errors`, `warnings`, `validatedFiles`; kept by the loose object).
 */
export const LongRunningOperation = z.looseObject({
  '@odata.type': z.string().optional(),
  id: z.string(),
  createdDateTime: maybeText,
  lastActionDateTime: maybeText,
  /** Canonical URL of the resource the operation acts on (the new run, in the emulator). */
  resourceLocation: maybeText,
  status: OperationStatus,
  statusDetail: maybeText,
});
export type LongRunningOperation = z.infer<typeof LongRunningOperation>;

/** What `POST /runs/start` answers: 202, no body, `Location` → the operation (revision of 2025-01-01). */
export interface RunStartAccepted {
  /** Absolute operation URL from `Location`; null when Graph sent none (the older revision). */
  operationUrl: string | null;
  /** Last path segment of that URL (the longRunningOperation id); null without a Location. */
  operationId: string | null;
}

/** The operation id at the end of a `Location` URL, or null when there is none. */
export function operationIdFromLocation(location: string | null | undefined): string | null {
  if (!location) return null;
  let path: string;
  try {
    path = new URL(location).pathname;
  } catch {
    return null;
  }
  const match = /\/operations\/([^/]+)\/?$/i.exec(path);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/** True when a run has ended (any status but `running`). */
export function isRunFinished(run: Pick<IndustryDataRun, 'status'>): boolean {
  return run.status !== 'running';
}
