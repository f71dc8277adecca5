/**
 * Times a reader acts on are shown in their own time zone: the card carries Adaptive Cards'
 * {{TIME()}} of an RFC 3339 UTC time (Teams formats it per user), never our UTC text.
 */
import { previewCard } from '../../src/views/previewCard';
import { cardText } from '../support/testBot';

const model = {
  changeId: 'c-1',
  title: 'Change flow set "Northwind"',
  requesterName: 'Avery Admin',
  expiresAt: '2026-03-01T10:15:00.000Z',
  ttlMinutes: 15,
  creating: false,
  rows: [],
  effects: [],
  warnings: [],
};

describe('local times on cards', () => {
  it('when a preview is shown, then its deadline is {{TIME()}} for the reader, with the minutes left', () => {
    const text = cardText(previewCard(model));
    expect(text).toContain(
      'Only they can apply it, until {{TIME(2026-03-01T10:15:00Z)}} (15 min).',
    );
    expect(text).not.toContain('UTC');
  });

  it('when a peer-approval preview is shown, then the request deadline is local too', () => {
    const text = cardText(previewCard({ ...model, approval: {} }));
    expect(text).toContain('request approval until {{TIME(2026-03-01T10:15:00Z)}} (15 min).');
  });
});
