/**
 * Zod schemas for industryDataRunStatistics and its parts (industrydata-industrydatarunstatistics.md,
 * industrydata-inboundactivityresults.md, industrydata-aggregatedinboundstatistics.md,
 * industrydata-industrydatarunrolecountmetric.md, industrydata-industrydatarunentitycountmetric.md
 * in microsoft-graph-docs-contrib), normalised where the docs contradict themselves. Import them
 * through runSchemas.ts.
 */
import { z } from 'zod';
import { ActivityStatus, RunStatus, count, maybeText } from './runSchemaParts';

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
