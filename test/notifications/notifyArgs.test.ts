import { parseNotifyArgs } from '../../src/notifications/notifyArgs';

describe('parseNotifyArgs', () => {
  it.each([
    ['', { action: 'list' }],
    ['list', { action: 'list' }],
    ['here', { action: 'here', statuses: null }],
    ['HERE for Northwind', { action: 'here', set: 'Northwind', statuses: null }],
    [
      'here for "Fabrikam Elementary pilot"',
      { action: 'here', set: '"Fabrikam Elementary pilot"', statuses: null },
    ],
    [
      'here for Northwind only failed,expired',
      { action: 'here', set: 'Northwind', statuses: ['failed', 'expired'] },
    ],
    ['here only FAILED, not ready', { action: 'here', statuses: ['failed', 'notReady'] }],
    [
      'here for Contoso – All schools only ready',
      { action: 'here', set: 'Contoso – All schools', statuses: ['ready'] },
    ],
    ['off', { action: 'off' }],
    ['off for Northwind', { action: 'off', set: 'Northwind' }],
    ['here only runs', { action: 'here', statuses: null, topics: ['runs'] }],
    ['here only sync', { action: 'here', statuses: null, topics: ['runs'] }],
    ['here only readiness', { action: 'here', statuses: null, topics: ['readiness'] }],
  ])('when "notify %s", then %j', (text, args) => {
    expect(parseNotifyArgs(text)).toEqual({ ok: true, args: { set: undefined, ...args } });
  });

  it.each([
    [
      'here only broken',
      /"broken" is not a readiness status.*notReady, ready, failed, disabled, expired/,
    ],
    ['here only', /"only" and statuses/],
    ['here please', /After "notify here"/],
    ['off only failed', /notify off/],
    ['list all', /takes nothing/],
    ['maybe', /here, off or list/],
  ])('when "notify %s", then the error explains what is accepted', (text, message) => {
    const result = parseNotifyArgs(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
