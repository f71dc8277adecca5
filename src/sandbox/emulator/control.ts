/**
 * The in-process sandbox control (GraphEmulator.control), the same operations the `/_sandbox`
 * HTTP endpoint offers (controlRoutes.ts). Not part of Graph: it lets tests and demos force a
 * readiness state, inject latency/throttling/outages, read the request log and start over.
 */
import { AppError } from '../../errors';
import type { FaultRegistry } from './faults';
import { ReadinessStatusName, type EmulatorState } from './stateSchema';
import type { EmulatorStore } from './store';
import type { EmulatorControl, EmulatorRequestRecord } from './types';

export interface ControlDeps {
  store: EmulatorStore;
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
  };
}
