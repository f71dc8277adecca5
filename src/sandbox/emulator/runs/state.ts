/**
 * The stored run history of the emulator (part of the state file, so a restart keeps it).
 * Times are Graph-style timestamps (clock.ts). A run's final status is decided when it starts
 * (`plannedStatus`) unless a forced outcome (sandbox control) replaces it when it ends.
 */
import { z } from 'zod';
import { RUN_STATUSES } from '../../../domain/runSchemas';

export const RunStatusName = z.enum(RUN_STATUSES);
export type RunStatusName = z.infer<typeof RunStatusName>;
export const FinalRunStatus = RunStatusName.exclude(['running']);
export type FinalRunStatus = z.infer<typeof FinalRunStatus>;

export const StoredBlockingError = z.object({
  code: z.string().min(1).max(100),
  message: z.string().min(1).max(500),
  target: z.string().max(200).nullable().default(null),
});
export type StoredBlockingError = z.infer<typeof StoredBlockingError>;

/** How the next run to end will end (sandbox control); counts default by status. */
export const ForcedOutcome = z.object({
  status: FinalRunStatus,
  blockingError: StoredBlockingError.nullable().default(null),
  errors: z.number().int().min(0).max(10_000_000).nullable().default(null),
  warnings: z.number().int().min(0).max(10_000_000).nullable().default(null),
});
export type ForcedOutcome = z.infer<typeof ForcedOutcome>;

export const StoredRun = z.object({
  id: z.string(),
  /** Run number in this emulator: drives the (deterministic) growth of the statistics. */
  sequence: z.number().int().min(0),
  displayName: z.string(),
  trigger: z.enum(['scheduled', 'onDemand']),
  /** Object id of whoever started an on-demand run (app or user); null for scheduled runs. */
  startedBy: z.string().nullable(),
  startDateTime: z.string(),
  /** When a running run ends by itself. */
  finishAt: z.string(),
  endDateTime: z.string().nullable(),
  status: RunStatusName,
  plannedStatus: FinalRunStatus,
  blockingError: StoredBlockingError.nullable(),
  errors: z.number().int().min(0),
  warnings: z.number().int().min(0),
  /** The id of the one inbound activity the run reports statistics for. */
  activityId: z.string(),
  /** The scheduled run this on-demand run made the service skip. */
  skippedScheduledAt: z.string().nullable(),
});
export type StoredRun = z.infer<typeof StoredRun>;

export const StoredOperation = z.object({
  id: z.string(),
  runId: z.string(),
  createdDateTime: z.string(),
});
export type StoredOperation = z.infer<typeof StoredOperation>;

export const RunHistoryState = z.object({
  /** Oldest first. */
  runs: z.array(StoredRun),
  operations: z.array(StoredOperation),
  nextScheduledAt: z.string(),
  nextSequence: z.number().int().min(0),
  forcedOutcome: ForcedOutcome.nullable(),
});
export type RunHistoryState = z.infer<typeof RunHistoryState>;
