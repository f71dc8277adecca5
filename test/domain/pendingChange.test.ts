import {
  DEFAULT_PREVIEW_TTL_MS,
  PendingChange,
  redactChange,
  withPreviewCard,
} from '../../src/domain/pendingChange';
import { AppError } from '../../src/errors';
import { ADA, T0, userFlowChange } from './pendingChangeFixtures';

describe('newPendingChange', () => {
  it('when a flow edit is proposed, then it is pending, expires in 15 minutes and records who asked', () => {
    const change = userFlowChange();
    expect(change).toMatchObject({
      kind: 'updateFlow',
      state: 'pending',
      requester: ADA,
      createdAt: T0.toISOString(),
      expiresAt: new Date(T0.getTime() + DEFAULT_PREVIEW_TTL_MS).toISOString(),
      history: [{ state: 'pending', at: T0.toISOString(), by: ADA }],
    });
    expect(DEFAULT_PREVIEW_TTL_MS).toBe(15 * 60 * 1000);
    expect(change.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(PendingChange.parse(JSON.parse(JSON.stringify(change)))).toEqual(change);
  });

  it.each([
    [
      'a create of a set',
      {
        kind: 'createFlowSet',
        target: {},
        body: { displayName: 'North', filter: null },
        baseVersion: null,
      },
    ],
    ['a delete of a set', { kind: 'deleteFlowSet', target: { setId: 's' }, body: null }],
    [
      'a reset of a flow',
      {
        kind: 'resetFlow',
        target: { setId: 's', flowId: 'f', flowKind: 'classGroup' },
        body: null,
      },
    ],
    [
      'a flow create',
      {
        kind: 'createFlow',
        target: { setId: 's', flowKind: 'securityGroup' },
        body: {
          kind: 'securityGroup',
          creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
        },
      },
    ],
  ] as const)('when %s is proposed with what it needs, then it is accepted', (_case, over) => {
    expect(userFlowChange(over as never).state).toBe('pending');
  });

  it.each([
    [
      'an update without a set id',
      { kind: 'updateFlowSet', target: {}, body: { displayName: 'x' } },
      'target.setId',
    ],
    [
      'a delete that carries a body',
      { kind: 'deleteFlowSet', target: { setId: 's' }, body: { displayName: 'x' } },
      'body',
    ],
    [
      'a body of another flow kind than the target',
      {
        body: {
          kind: 'securityGroup',
          creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
        },
      },
      'target is a user flow',
    ],
    [
      'an empty flow set name',
      { kind: 'createFlowSet', target: {}, body: { displayName: '  ' } },
      'body.displayName',
    ],
  ] as const)(
    'when %s is proposed, then it is refused as bad input naming the problem',
    (_case, over, problem) => {
      const attempt = () => userFlowChange(over as never);
      expect(attempt).toThrow(AppError);
      expect(attempt).toThrow(problem);
    },
  );

  it('when the password in a proposed body is invalid, then the error does not quote it', () => {
    const body = {
      ...userFlowChange().body!,
      creationOptions: { configurations: [{ roleGroupId: 'staff', defaultPassword: '' }] },
    };
    try {
      userFlowChange({ body });
      throw new Error('expected a refusal');
    } catch (err) {
      expect((err as AppError).code).toBe('bad_input');
      expect((err as AppError).userMessage).toContain('a password is invalid');
    }
  });
});

describe('redactChange and withPreviewCard', () => {
  it('when a change with a password is prepared for a view or a log, then the password is gone', () => {
    const change = userFlowChange();
    expect(JSON.stringify(change)).toContain('Secret-123!'); // stored: Apply must send it
    const safe = JSON.stringify(redactChange(change));
    expect(safe).not.toContain('Secret-123!');
    expect(safe).toContain('"defaultPassword":"(hidden)"');
    expect(safe).toContain('"licenseSkus":["Sku1"]');
  });

  it('when the preview card is posted, then the change remembers where it is', () => {
    const card = { conversationId: 'c-1', activityId: 'a-1' };
    expect(withPreviewCard(userFlowChange(), card).card).toEqual(card);
  });
});
