/** Drift items as the poller builds them (src/domain/drift.ts), for card and fan-out tests. */
import type { DriftItem, DriftRecord } from '../../src/domain/driftRecords';

export const DRIFT_AT = '2026-03-02T09:15:00.000Z';

export function driftItem(over: Partial<DriftItem> = {}): DriftItem {
  return {
    id: 'a'.repeat(32),
    change: 'flowChanged',
    setId: 'set-1',
    setName: 'Northwind High School',
    flowId: 'flow-1',
    flowKind: 'user',
    rows: [
      { path: 'createUnmatchedUsers', label: 'Create unmatched users', before: 'No', after: 'Yes' },
    ],
    before: { kind: 'user', createUnmatchedUsers: false },
    after: { kind: 'user', createUnmatchedUsers: true },
    lastModified: '2026-03-02T09:11:07.1234567Z',
    detectedAt: DRIFT_AT,
    ...over,
  };
}

export const driftRecord = (over: Partial<DriftRecord> = {}): DriftRecord => ({
  ...driftItem(),
  state: 'open',
  ...over,
});

export const AVERY_PERSON = {
  aadObjectId: '00000000-0000-4000-8000-000000000001',
  name: 'Avery Admin',
};
