/** Audit entries for the unit tests: one change's events, built the way the pipeline does. */
import type { AuditEntry } from '../../src/history';

export const AVERY = { aadObjectId: 'oid-avery', name: 'Avery Admin' };
export const BLAKE = { aadObjectId: 'oid-blake', name: 'Blake Approver' };

export const entry = (over: Partial<AuditEntry> = {}): AuditEntry => ({
  changeId: 'c0ffee00-0000-4000-8000-000000000001',
  setId: 'set-1',
  setName: 'Northwind High School',
  kind: 'updateFlowSet',
  event: 'applied',
  actor: AVERY,
  requester: AVERY,
  at: '2026-03-01T10:00:00.000Z',
  body: { displayName: 'Northwind HS' },
  before: { displayName: 'Northwind High School', filter: null },
  after: { displayName: 'Northwind HS', filter: null },
  requestId: 'req-1',
  ...over,
});

/** A user-flow body with passwords where the pipeline has them (and where it never should). */
export const userFlowBody = () => ({
  kind: 'user',
  managementOptions: { additionalOptions: {} },
  creationOptions: {
    configurations: [
      { roleGroupId: 'staff', defaultPassword: 'Secret-1!', licenseSkus: ['A1'] },
      { roleGroupId: 'students', defaultPassword: 'Secret-2!' },
    ],
  },
  defaultPasswordSettings: { password: 'Secret-3!' },
  PASSWORD: 'Secret-4!',
});
