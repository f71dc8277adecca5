/**
 * The in-process sandbox control (GraphEmulator.control), the same operations the `/_sandbox`
 * HTTP endpoint offers (controlRoutes.ts). Not part of Graph: it lets tests and demos force a
 * readiness state, inject latency/throttling/outages, read the request log and start over.
 */
import { AppError } from '../../errors';
import type { FaultRegistry } from './faults';
import type { RunSimulator } from './runs/simulator';
import { ForcedOutcome } from './runs/state';
import { ReadinessStatusName, type EmulatorState } from './stateSchema';
import type { EmulatorStore } from './store';
import type { EmulatorControl, EmulatorRequestRecord } from './types';

export interface ControlDeps {
  store: EmulatorStore;
  runs: RunSimulator;
  faults: FaultRegistry;
  requests: EmulatorRequestRecord[];
  initialState: () => EmulatorState;
}

export function createControl(deps: ControlDeps): EmulatorControl {
  return {
    setReadiness(flowId, status) {
      const parsed = ReadinessStatusName.safeParse(status);
      if (!parsed.success) {
        throw new AppError(
          'bad_input',
          `Unknown readiness status '${String(status)}'; use one of: ${ReadinessStatusName.options.join(', ')}.`,
        );
      }
      const flow = deps.store.findFlowAnywhere(flowId);
      if (!flow) throw new AppError('not_found', `No provisioning flow with id '${flowId}'.`);
      deps.store.forceReadiness(flow, parsed.data);
    },
    setLatency: (ms) => deps.faults.setLatency(ms),
    addFault: (spec) => deps.faults.add(spec),
    clearFaults: () => deps.faults.clear(),
    faults: () => deps.faults.view(),
    requests: () => deps.requests.map((r) => ({ ...r })),
    clearRequests() {
      // In place: GraphEmulator.requests is this same array.
      deps.requests.length = 0;
    },
    resetState() {
      deps.store.replaceState(deps.initialState());
      deps.faults.clear();
    },
    snapshot: () => deps.store.snapshot(),
    ...runControls(deps.runs),
  };
}

type RunControls = Pick<
  EmulatorControl,
  'runs' | 'forceNextRunOutcome' | 'finishRunningRun' | 'startScheduledRun'
>;

function runControls(runs: RunSimulator): RunControls {
  return {
    runs() {
      const now = Date.now();
      const list = runs.list(now);
      return {
        timing: runs.timing,
        nextScheduledAt: runs.nextScheduledAt(now),
        wouldSkip: runs.wouldSkip(now),
        budget: runs.budget(now),
        forcedOutcome: runs.forcedOutcome(),
        runs: structuredClone(list),
      };
    },
    forceNextRunOutcome(spec) {
      if (spec === null) return runs.forceNextOutcome(null);
      const parsed = ForcedOutcome.safeParse(spec);
      if (!parsed.success) {
        throw new AppError(
          'bad_input',
          'Send {"status": "failed"|"completedWithErrors"|"completedWithWarnings"|"completed", "blockingError"?: {"code","message","target"?}, "errors"?: n, "warnings"?: n}.',
        );
      }
      runs.forceNextOutcome(parsed.data);
    },
    finishRunningRun() {
      const run = runs.finishRunning(Date.now());
      if (!run) throw new AppError('not_found', 'No run is running.');
      return structuredClone(run);
    },
    startScheduledRun() {
      const run = runs.startScheduledNow(Date.now());
      if (!run) throw new AppError('conflict', 'A run is already running; finish it first.');
      return structuredClone(run);
    },
  };
}
