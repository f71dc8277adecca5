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

// ----- documented service rules (industrydata-industrydatarun-start.md) -----
/** The service starts a run by itself every 12 hours. */
export const SCHEDULED_RUN_INTERVAL_HOURS = 12;
/** At most this many successful on-demand runs per window… */
export const MAX_ON_DEMAND_RUNS = 5;
/** …of this many hours. */
export const ON_DEMAND_WINDOW_HOURS = 12;
/** An on-demand run makes the service skip a scheduled run due within this many hours. */
export const SKIP_SCHEDULED_WITHIN_HOURS = 10;

/** An enum that maps members added after we shipped to `unknownFutureValue` (Graph's evolvable enums). */
function evolvableEnum<const T extends readonly [string, ...string[]]>(values: T) {
  const known = z.enum([...values, 'unknownFutureValue']);
  return z.union([known, z.string().transform((): 'unknownFutureValue' => 'unknownFutureValue')]);
}

/** industryDataRunStatus, in the documented order. */
export const RUN_STATUSES = [
  'running',
  'failed',
  'completed',
  'completedWithErrors',
  'completedWithWarnings',
] as const;
export const RunStatus = evolvableEnum(RUN_STATUSES);
export type RunStatus = z.infer<typeof RunStatus>;
/** The statuses a run ends with that deserve attention. */
export const RUN_PROBLEM_STATUSES = [
  'failed',
  'completedWithErrors',
  'completedWithWarnings',
] as const;

/** industryDataActivityStatus, in the documented order. */
export const ACTIVITY_STATUSES = [
  'inProgress',
  'skipped',
  'failed',
  'completed',
  'completedWithErrors',
  'completedWithWarnings',
] as const;
export const ActivityStatus = evolvableEnum(ACTIVITY_STATUSES);
export type ActivityStatus = z.infer<typeof ActivityStatus>;

/** longRunningOperationStatus (microsoft.graph); `succeeded` and `failed` are terminal. */
export const OPERATION_STATUSES = ['notStarted', 'running', 'succeeded', 'failed'] as const;
export const OperationStatus = evolvableEnum(OPERATION_STATUSES);
export type OperationStatus = z.infer<typeof OperationStatus>;

/** A nullable string that reads as `null` when absent. */
const maybeText = z
  .string()
  .nullish()
  .transform((v) => v ?? null);
/** An Int32 count that reads as 0 when absent or null. */
const count = z
  .number()
  .int()
  .nullish()
  .transform((v) => v ?? 0);

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

/** industryDataRunRoleCountMetric: people in one role (free text, e.g. "student", "teacher"). */
export const RoleCountMetric = z.looseObject({ role: z.string(), count });
export type RoleCountMetric = z.infer<typeof RoleCountMetric>;

const roleCounts = z
  .array(RoleCountMetric)
  .nullish()
  .transform((v) => v ?? []);

/** industryDataRunEntityCountMetric. */
export const EntityCountMetric = z.looseObject({ active: count, inactive: count, total: count });
export type EntityCountMetric = z.infer<typeof EntityCountMetric>;

/**
 * Per-activity counts are documented as {active, inactive, total}; a bare number (the totals'
 * precision) is accepted too and read as that many active entries.
 */
const entityCounts = z
  .union([EntityCountMetric, z.number().int()])
  .nullish()
  .transform(
    (v): EntityCountMetric =>
      typeof v === 'number'
        ? { active: v, inactive: 0, total: v }
        : (v ?? { active: 0, inactive: 0, total: 0 }),
  );

/** Run totals are documented as Int32 "active" counts; an entity-count object reads as its `active`. */
const totalCount = z
  .union([z.number().int(), EntityCountMetric])
  .nullish()
  .transform((v) => (typeof v === 'number' ? v : (v?.active ?? 0)));

/** inboundActivityResults (the only documented industryDataActivityStatistics subtype). */
export const InboundActivityResults = z.looseObject({
  '@odata.type': z.string().optional(),
  activityId: z.string(),
  displayName: maybeText,
  status: ActivityStatus.nullish().transform((v) => v ?? null),
  errors: count,
  warnings: count,
  groups: entityCounts,
  memberships: entityCounts,
  organizations: entityCounts,
  people: entityCounts,
  matchedPeopleByRole: roleCounts,
  unmatchedPeopleByRole: roleCounts,
});
export type InboundActivityResults = z.infer<typeof InboundActivityResults>;

/** aggregatedInboundStatistics: the run's totals across inbound flows. */
export const AggregatedInboundStatistics = z.looseObject({
  errors: count,
  warnings: count,
  groups: totalCount,
  memberships: totalCount,
  organizations: totalCount,
  people: totalCount,
  matchedPeopleByRole: roleCounts,
  unmatchedPeopleByRole: roleCounts,
});
export type AggregatedInboundStatistics = z.infer<typeof AggregatedInboundStatistics>;

const EMPTY_TOTALS: AggregatedInboundStatistics = {
  errors: 0,
  warnings: 0,
  groups: 0,
  memberships: 0,
  organizations: 0,
  people: 0,
  matchedPeopleByRole: [],
  unmatchedPeopleByRole: [],
};

/**
 * `activityStatistics` items as documented (inboundActivityResults) or as the getStatistics
 * example prints them (role counts `{count, role}`: a doc error, industrydata-industrydatarun-getstatistics.md).
 */
const ActivityStatisticsItem = z.union([InboundActivityResults, RoleCountMetric]);

const RawRunStatistics = z.looseObject({
  '@odata.type': z.string().optional(),
  runId: z.string(),
  status: RunStatus,
  activityStatistics: z.array(ActivityStatisticsItem).nullish(),
  inboundTotals: AggregatedInboundStatistics.nullish(),
});

export interface IndustryDataRunStatistics {
  runId: string;
  status: RunStatus;
  /** One entry per activity; role-count items printed here by the docs' example are dropped. */
  activityStatistics: InboundActivityResults[];
  /** Totals; zeros when Graph sent none. */
  inboundTotals: AggregatedInboundStatistics;
}

const isActivity = (item: z.infer<typeof ActivityStatisticsItem>): item is InboundActivityResults =>
  'activityId' in item;

/**
 * Normalises the two shapes: role-count items in `activityStatistics` repeat
 * `inboundTotals.matchedPeopleByRole` in the example, so they are dropped — or, when the totals
 * carry no matched roles, used as them.
 */
export function normaliseStatistics(
  raw: z.infer<typeof RawRunStatistics>,
): IndustryDataRunStatistics {
  const items = raw.activityStatistics ?? [];
  const activities = items.filter(isActivity);
  const misplaced = items.filter((i): i is RoleCountMetric => !isActivity(i));
  const totals = raw.inboundTotals ?? EMPTY_TOTALS;
  const matched =
    totals.matchedPeopleByRole.length === 0 && misplaced.length > 0
      ? misplaced.map(({ role, count: n }) => ({ role, count: n }))
      : totals.matchedPeopleByRole;
  return {
    runId: raw.runId,
    status: raw.status,
    activityStatistics: activities,
    inboundTotals: { ...totals, matchedPeopleByRole: matched },
  };
}

/** industryDataRunStatistics, the answer of getStatistics, normalised. */
export const IndustryDataRunStatistics: z.ZodType<IndustryDataRunStatistics, unknown> =
  RawRunStatistics.transform(normaliseStatistics);

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
