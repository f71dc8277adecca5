/** Test states of cards/history.json, drawn through historyCard() from audit entries. */
import type { StoredAuditEntry } from '../../src/history';
import { historyCard } from '../../src/views/historyCard';
import type { CardStates } from '../views/cardStates';
import { BLAKE, entry, userFlowBody } from './fixtures';

const stored = (id: string, over: Partial<StoredAuditEntry> = {}): StoredAuditEntry => ({
  ...entry(),
  id,
  ...over,
});

const everyEvent: StoredAuditEntry[] = [
  stored('10', { event: 'requested', requestId: undefined }),
  stored('09', { event: 'approved', actor: BLAKE, approver: BLAKE }),
  stored('08', { event: 'rejected', actor: BLAKE, approver: BLAKE, reason: 'Not this week.' }),
  stored('07', { event: 'applied', approver: BLAKE, actor: BLAKE }),
  stored('06', { event: 'failed', reason: 'Microsoft Graph refused this: '.padEnd(400, 'x') }),
  stored('05', { event: 'stale', reason: 'The object changed after this preview.' }),
  stored('04', { event: 'expired', actor: { aadObjectId: 'system', name: 'Timer' } }),
  stored('03', { event: 'cancelled' }),
  stored('02', {
    kind: 'createFlow',
    flowKind: 'user',
    body: { ...userFlowBody(), defaultPasswordSettings: undefined, PASSWORD: undefined },
    before: null,
  }),
  stored('01', { kind: 'deleteFlowSet', body: null, after: null }),
];

export const HISTORY_CARD_STATES: Record<string, CardStates> = {
  history: {
    'every event, first page of several': () =>
      historyCard({ entries: everyEvent, page: 1, hasNext: true }),
    'one set, middle page': () =>
      historyCard({
        entries: everyEvent.slice(0, 3),
        page: 2,
        hasNext: true,
        set: { id: 'set-1', name: 'Northwind High School' },
      }),
    'last page': () => historyCard({ entries: everyEvent.slice(0, 1), page: 3, hasNext: false }),
    'nothing recorded': () => historyCard({ entries: [], page: 1, hasNext: false }),
    'nothing for a set': () =>
      historyCard({ entries: [], page: 1, hasNext: false, set: { id: 's', name: 'Lakeside' } }),
  },
};
