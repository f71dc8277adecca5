/**
 * Entries drawn from a stored change: the target, both identities, the body and snapshots, and
 * what the object looks like after an applied edit. Recording never throws.
 */
import {
  afterOf,
  changeAuditEntry,
  createAuditLog,
  recordChangeEvent,
  SYSTEM_ACTOR,
  type AuditLog,
} from '../../src/history';
import type { ChangeView } from '../../src/changes/changeView';
import { newPendingChange } from '../../src/domain/pendingChange';
import { createMemoryLogger } from '../../src/log';
import { createMemoryStorage } from '../../src/store/memoryStorage';
import { AVERY, BLAKE } from './fixtures';

const NOW = new Date('2026-03-01T10:00:00Z');
const view: ChangeView = {
  setName: 'Northwind High School',
  before: {
    displayName: 'Northwind High School',
    filter: { attribute: 'orgExternalId', in: ['N'] },
  },
  effects: [],
};
const rename = newPendingChange({
  kind: 'updateFlowSet',
  target: { setId: 'set-1' },
  body: { displayName: 'Northwind HS' },
  baseVersion: 'v1',
  requester: AVERY,
  now: NOW,
});

describe('change audit entries', () => {
  it('when an edit is applied, then the entry holds the target, both identities, the body, before and after', () => {
    const approved = { ...rename, approver: BLAKE };
    const e = changeAuditEntry(approved, view, 'applied', {
      actor: BLAKE,
      at: NOW,
      requestId: 'req-9',
    });
    expect(e).toEqual({
      changeId: rename.id,
      setId: 'set-1',
      setName: 'Northwind High School',
      kind: 'updateFlowSet',
      event: 'applied',
      actor: BLAKE,
      requester: AVERY,
      approver: BLAKE,
      at: NOW.toISOString(),
      body: { displayName: 'Northwind HS' },
      before: view.before,
      // A PATCH leaves the members it does not name (the filter) as they were.
      after: { displayName: 'Northwind HS', filter: { attribute: 'orgExternalId', in: ['N'] } },
      requestId: 'req-9',
    });
  });

  it('when a set is created, then its name and the id Graph gave it are recorded', () => {
    const create = newPendingChange({
      kind: 'createFlowSet',
      target: {},
      body: { displayName: 'Lakeside' },
      baseVersion: null,
      requester: AVERY,
      now: NOW,
    });
    const e = changeAuditEntry(create, { ...view, before: null }, 'applied', {
      actor: AVERY,
      at: NOW,
      createdId: 'new-set',
    });
    expect([e.setId, e.setName, e.after]).toEqual([
      'new-set',
      'Lakeside',
      { displayName: 'Lakeside' },
    ]);
  });

  it.each([
    ['deleteFlowSet', null],
    ['resetFlow', 'the snapshot'],
  ] as const)('when a %s is applied, then "after" is %s', (kind, expected) => {
    const change = newPendingChange({
      kind,
      target: kind === 'resetFlow' ? { setId: 's', flowId: 'f', flowKind: 'user' } : { setId: 's' },
      body: null,
      baseVersion: 'v',
      requester: AVERY,
      now: NOW,
    });
    expect(afterOf(change, view)).toEqual(expected === null ? null : view.before);
  });

  it('when the audit store fails, then recording logs an error and does not throw', async () => {
    const { logger, lines } = createMemoryLogger('debug');
    const failing: AuditLog = {
      append: () => Promise.reject(new Error('disk full')),
      list: () => Promise.resolve({ entries: [] }),
    };
    await recordChangeEvent({ audit: failing, logger }, rename, view, 'expired', {
      actor: SYSTEM_ACTOR,
      at: NOW,
    });
    expect(lines.join('\n')).toContain('audit entry not recorded');
  });

  it('when an event is recorded, then it can be listed by change id', async () => {
    const audit = createAuditLog(createMemoryStorage());
    const { logger } = createMemoryLogger('debug');
    await recordChangeEvent({ audit, logger }, rename, view, 'requested', {
      actor: AVERY,
      at: NOW,
    });
    const { entries } = await audit.list({ changeId: rename.id });
    expect(entries.map((e) => [e.event, e.after])).toEqual([['requested', undefined]]);
  });
});
