/**
 * The emulator's data: flow sets, their flows and the role groups, with every mutation followed
 * by `persist` (the state file writer, or nothing). Lookups are case-insensitive on ids, as
 * Graph's are for GUID keys. Business rules that answer with HTTP errors live in the handlers;
 * this module only keeps the data consistent (ids, timestamps, cascade delete, readiness).
 */
import type { FlowKind } from '../../domain/flowSchemas';
import { newId, timestampAt, timestampNow } from './clock';
import type { RunHistoryState } from './runs/state';
import type {
  EmulatorState,
  FlowFields,
  FlowSetFields,
  ReadinessStatusName,
  StoredFlow,
  StoredFlowSet,
  StoredRoleGroup,
} from './stateSchema';

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export class EmulatorStore {
  constructor(
    private state: EmulatorState,
    private readonly persist: (state: EmulatorState) => void,
    private readonly readyDelayMs: number,
  ) {}

  snapshot(): EmulatorState {
    return structuredClone(this.state);
  }

  replaceState(state: EmulatorState): void {
    this.state = state;
    this.persist(this.state);
  }

  /** The live run history (runs/simulator.ts mutates it, then calls `save`). */
  runHistory(): RunHistoryState {
    if (!this.state.runs) throw new Error('the emulator state has no run history');
    return this.state.runs;
  }

  save(): void {
    this.persist(this.state);
  }

  listRoleGroups(): StoredRoleGroup[] {
    return this.state.roleGroups;
  }

  findRoleGroup(id: string): StoredRoleGroup | undefined {
    return this.state.roleGroups.find((g) => sameId(g.id, id));
  }

  listFlowSets(): StoredFlowSet[] {
    return this.state.flowSets;
  }

  findFlowSet(id: string): StoredFlowSet | undefined {
    return this.state.flowSets.find((s) => sameId(s.id, id));
  }

  createFlowSet(fields: FlowSetFields): StoredFlowSet {
    const now = timestampNow();
    const set: StoredFlowSet = {
      id: newId(),
      createdDateTime: now,
      lastModifiedDateTime: now,
      ...fields,
    };
    this.state.flowSets.push(set);
    this.persist(this.state);
    return set;
  }

  updateFlowSet(set: StoredFlowSet, fields: FlowSetFields): void {
    Object.assign(set, fields, { lastModifiedDateTime: timestampNow() });
    this.persist(this.state);
  }

  /** Deleting a set deletes its flows: they are contained in it (docs/graph-notes.md#deleting-a-set). */
  deleteFlowSet(set: StoredFlowSet): void {
    this.state.flowSets = this.state.flowSets.filter((s) => s !== set);
    this.state.flows = this.state.flows.filter((f) => f.setId !== set.id);
    this.persist(this.state);
  }

  listFlows(setId: string): StoredFlow[] {
    return this.state.flows.filter((f) => f.setId === setId);
  }

  findFlow(setId: string, flowId: string): StoredFlow | undefined {
    return this.state.flows.find((f) => f.setId === setId && sameId(f.id, flowId));
  }

  findFlowAnywhere(flowId: string): StoredFlow | undefined {
    return this.state.flows.find((f) => sameId(f.id, flowId));
  }

  findFlowOfKind(setId: string, kind: FlowKind): StoredFlow | undefined {
    return this.state.flows.find((f) => f.setId === setId && f.kind === kind);
  }

  createFlow(setId: string, kind: FlowKind, fields: FlowFields): StoredFlow {
    const now = timestampNow();
    const flow = {
      id: newId(),
      setId,
      kind,
      createdDateTime: now,
      lastModifiedDateTime: now,
      ...this.notReadyUntilDelay(),
      fields,
    } as StoredFlow;
    this.state.flows.push(flow);
    this.persist(this.state);
    return flow;
  }

  updateFlow(flow: StoredFlow, fields: FlowFields): void {
    Object.assign(flow, { fields, lastModifiedDateTime: timestampNow() });
    this.persist(this.state);
  }

  deleteFlow(flow: StoredFlow): void {
    this.state.flows = this.state.flows.filter((f) => f !== flow);
    this.persist(this.state);
  }

  /** reset "reprovisions all current data as if it were the initial run" (docs/graph-notes.md#reset): notReady again. */
  resetFlow(flow: StoredFlow): void {
    Object.assign(flow, this.notReadyUntilDelay());
    this.persist(this.state);
  }

  /** Sandbox control: a forced status sticks (no deadline), notReady included. */
  forceReadiness(flow: StoredFlow, status: ReadinessStatusName): void {
    Object.assign(flow, { readinessStatus: status, readyAt: null });
    this.persist(this.state);
  }

  private notReadyUntilDelay(): Pick<StoredFlow, 'readinessStatus' | 'readyAt'> {
    return { readinessStatus: 'notReady', readyAt: timestampAt(Date.now() + this.readyDelayMs) };
  }
}
