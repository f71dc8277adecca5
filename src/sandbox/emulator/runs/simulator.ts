/**
 * The emulated run history (industrydata-industrydatarun.md, industrydata-industrydatarun-start.md):
 * a scheduled run every `scheduleMs`, runs that take `runDurationMs` and then end with a status,
 * on-demand starts under the documented rules. Time moves lazily: every read first `advance`s the
 * history to "now" from stored deadlines (like readiness), so nothing needs a timer and a restart
 * replays what happened while the emulator was down (at most the last two scheduled runs).
 * Choices the docs leave open are listed in ../README.md ("Runs: where the docs are silent").
 */
import type { RunTiming } from '../../../domain/runTiming';
import { newId, timestampAt } from '../clock';
import { countsFor } from './statistics';
import {
  refuseOverLimit,
  runInProgress,
  skippedBy,
  startBudget,
  type StartBudget,
} from './startRules';
import type {
  FinalRunStatus,
  ForcedOutcome,
  RunHistoryState,
  StoredOperation,
  StoredRun,
} from './state';

/** The status of the n-th run when nothing is forced: mostly clean, sometimes warnings or errors. */
const PATTERN: FinalRunStatus[] = [
  'completed',
  'completed',
  'completedWithWarnings',
  'completed',
  'completedWithErrors',
  'completed',
  'completedWithWarnings',
  'completed',
];
/** Missed scheduled runs replayed after a long stop (the service would have run them). */
const MAX_REPLAYED = 2;

export const DEFAULT_BLOCKING_ERROR = {
  code: 'RequiredFileNotFound',
  message: 'The run was cancelled by the system: the required file orgs.csv was not found.',
  target: 'orgs.csv',
};

export const displayNameAt = (ms: number): string => {
  const iso = new Date(ms).toISOString();
  return `Run ${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
};

export interface RunSimulatorDeps {
  /** The live (mutable) history inside the emulator's state. */
  history: () => RunHistoryState;
  persist: () => void;
  timing: RunTiming;
}

export type { StartBudget };

export class RunSimulator {
  constructor(private readonly deps: RunSimulatorDeps) {}

  get timing(): RunTiming {
    return this.deps.timing;
  }

  private get h(): RunHistoryState {
    return this.deps.history();
  }

  running(): StoredRun | undefined {
    return this.h.runs.find((r) => r.status === 'running');
  }

  /** Runs newest first, as the list example shows them. */
  list(nowMs: number): StoredRun[] {
    this.advance(nowMs);
    return [...this.h.runs].reverse();
  }

  find(id: string, nowMs: number): StoredRun | undefined {
    this.advance(nowMs);
    return this.h.runs.find((r) => r.id.toLowerCase() === id.toLowerCase());
  }

  findOperation(id: string, nowMs: number): StoredOperation | undefined {
    this.advance(nowMs);
    return this.h.operations.find((o) => o.id.toLowerCase() === id.toLowerCase());
  }

  operations(nowMs: number): StoredOperation[] {
    this.advance(nowMs);
    return [...this.h.operations].reverse();
  }

  /** Ends runs whose time is up and starts scheduled runs that came due, in time order. */
  advance(nowMs: number): void {
    const h = this.h;
    let changed = this.dropLongMissedSlots(nowMs);
    for (;;) {
      const run = this.running();
      const finishAt = run ? Date.parse(run.finishAt) : Infinity;
      const dueAt = Date.parse(h.nextScheduledAt);
      if (Math.min(finishAt, dueAt) > nowMs) break;
      changed = true;
      if (run && finishAt <= dueAt) this.finish(run, finishAt);
      else {
        // A scheduled run that comes due while another runs is skipped (README.md).
        if (!run) this.begin(dueAt, 'scheduled', null);
        h.nextScheduledAt = timestampAt(dueAt + this.timing.scheduleMs);
      }
    }
    if (changed) this.deps.persist();
  }

  private dropLongMissedSlots(nowMs: number): boolean {
    const { scheduleMs } = this.timing;
    const due = Date.parse(this.h.nextScheduledAt);
    const oldest = nowMs - MAX_REPLAYED * scheduleMs;
    if (due >= oldest) return false;
    const slots = Math.ceil((oldest - due) / scheduleMs);
    this.h.nextScheduledAt = timestampAt(due + slots * scheduleMs);
    return true;
  }

  private begin(atMs: number, trigger: StoredRun['trigger'], startedBy: string | null): StoredRun {
    const h = this.h;
    const sequence = h.nextSequence++;
    const plannedStatus = PATTERN[sequence % PATTERN.length] ?? 'completed';
    const run: StoredRun = {
      id: newId(),
      sequence,
      displayName: displayNameAt(atMs),
      trigger,
      startedBy,
      startDateTime: timestampAt(atMs),
      finishAt: timestampAt(atMs + this.timing.runDurationMs),
      endDateTime: null,
      status: 'running',
      plannedStatus,
      blockingError: null,
      ...countsFor(plannedStatus, sequence),
      activityId: newId(),
      skippedScheduledAt: null,
    };
    h.runs.push(run);
    return run;
  }

  /** Ends a run at `atMs` with its planned status, or the forced one if there is one. */
  private finish(run: StoredRun, atMs: number): void {
    const forced = this.h.forcedOutcome;
    this.h.forcedOutcome = null;
    const status = forced?.status ?? run.plannedStatus;
    const counts = countsFor(status, run.sequence);
    Object.assign(run, {
      status,
      endDateTime: timestampAt(atMs),
      errors: forced?.errors ?? counts.errors,
      warnings: forced?.warnings ?? counts.warnings,
      blockingError: status === 'failed' ? (forced?.blockingError ?? DEFAULT_BLOCKING_ERROR) : null,
    });
  }

  budget(nowMs: number): StartBudget {
    return startBudget(this.h.runs, this.timing, nowMs);
  }

  /** The scheduled run an on-demand start now would make the service skip, if any. */
  wouldSkip(nowMs: number): string | null {
    return skippedBy(this.h.nextScheduledAt, this.timing, nowMs);
  }

  /** `POST /runs/start`: 409 while a run runs, 429 past the limit; otherwise a run and its operation. */
  startOnDemand(
    nowMs: number,
    startedBy: string | null,
  ): { run: StoredRun; operation: StoredOperation } {
    this.advance(nowMs);
    const running = this.running();
    if (running) throw runInProgress(running);
    refuseOverLimit(this.budget(nowMs), this.timing, nowMs);
    const skipped = this.wouldSkip(nowMs);
    const run = this.begin(nowMs, 'onDemand', startedBy);
    if (skipped) {
      run.skippedScheduledAt = skipped;
      this.h.nextScheduledAt = timestampAt(Date.parse(skipped) + this.timing.scheduleMs);
    }
    const operation = { id: newId(), runId: run.id, createdDateTime: run.startDateTime };
    this.h.operations.push(operation);
    this.deps.persist();
    return { run, operation };
  }

  /** Sandbox control: a scheduled run now (undefined while a run is running). */
  startScheduledNow(nowMs: number): StoredRun | undefined {
    this.advance(nowMs);
    if (this.running()) return undefined;
    const run = this.begin(nowMs, 'scheduled', null);
    this.deps.persist();
    return run;
  }

  /** Sandbox control: the running run ends now (undefined when none runs). */
  finishRunning(nowMs: number): StoredRun | undefined {
    this.advance(nowMs);
    const run = this.running();
    if (!run) return undefined;
    this.finish(run, nowMs);
    this.deps.persist();
    return run;
  }

  /** Sandbox control: how the next run to end (the running one, if any) will end; null = as planned. */
  forceNextOutcome(outcome: ForcedOutcome | null): void {
    this.h.forcedOutcome = outcome;
    this.deps.persist();
  }

  forcedOutcome(): ForcedOutcome | null {
    return this.h.forcedOutcome;
  }

  nextScheduledAt(nowMs: number): string {
    this.advance(nowMs);
    return this.h.nextScheduledAt;
  }
}
