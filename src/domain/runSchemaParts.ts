/**
 * Building blocks of the run schemas (runSchemas.ts, runStatistics.ts): the evolvable run,
 * activity and operation status enums (enums-industrydata.md, longrunningoperation.md in
 * microsoft-graph-docs-contrib) and lenient scalars.
 */
import { z } from 'zod';

/** An enum that maps members added after we shipped to `unknownFutureValue` (Graph's evolvable enums). */
export function evolvableEnum<const T extends readonly [string, ...string[]]>(values: T) {
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
export const maybeText = z
  .string()
  .nullish()
  .transform((v) => v ?? null);
/** An Int32 count that reads as 0 when absent or null. */
export const count = z
  .number()
  .int()
  .nullish()
  .transform((v) => v ?? 0);
