/**
 * Times a reader acts on are shown in their own time zone: the card carries Adaptive Cards'
 * {{TIME()}} of an RFC 3339 UTC time (Teams formats it per user), never our UTC text.
 */
import { previewCard } from '../../src/views/previewCard';
import {
  appliedAt,
  changeResultCard,
  storedFlowView,
  storedSetView,
} from '../../src/views/changeResultCard';
import { FlowSet, page, ProvisioningFlow } from '../../src/domain/flowSchemas';
import { cardText } from '../support/testBot';
import { graphDocBody } from '../support/graphDocs';
import { NOTIFICATION_CARD_STATES } from '../notifications/cardStates';
import { FLOW_CARD_STATES } from './flowCardStates';
import { APPROVAL_CARD_STATES } from '../approvals/cardStates';
import type { CardStates } from './cardStates';

/** "{{DATE(t, SHORT)}} {{TIME(t)}}" of one RFC 3339 UTC time: how these cards write a time. */
const local = (t: string) => `{{DATE(${t}, SHORT)}} {{TIME(${t})}}`;
const LOCAL = /\{\{DATE\((\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ), SHORT\)\}\} \{\{TIME\(\1\)\}\}/;

const sets = page(FlowSet).parse(
  graphDocBody('01-list-outboundprovisioningflowsets-response.json'),
).value;
const flows = page(ProvisioningFlow).parse(
  graphDocBody('06-list-provisioningflows-response.json'),
).value;

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

  /** States with no time to show: nothing subscribed, nothing sent yet. */
  const NO_TIMES = new Set([
    'notify-list: not subscribed',
    'notify-list: every set muted',
    'approval-list: empty',
    'approval-list: nobody can approve',
  ]);

  /** Every state of these templates: each shows its times through the macros, none as UTC text. */
  const states: Array<[string, string, () => unknown]> = (
    [
      ['notification', NOTIFICATION_CARD_STATES],
      ['notification-digest', NOTIFICATION_CARD_STATES],
      ['notify-list', NOTIFICATION_CARD_STATES],
      ['flowset', FLOW_CARD_STATES],
      ['approval-request', APPROVAL_CARD_STATES],
      ['approval-list', APPROVAL_CARD_STATES],
    ] as Array<[string, Record<string, CardStates>]>
  ).flatMap(([template, all]) =>
    Object.entries(all[template]!).map(
      ([state, render]) => [template, state, render] as [string, string, () => unknown],
    ),
  );

  it.each(states)(
    'when a %s card (%s) is shown, then its times are local, never UTC text',
    (template, state, render) => {
      const text = cardText(render());
      expect(text).not.toContain('UTC');
      if (!NO_TIMES.has(`${template}: ${state}`)) expect(text).toMatch(LOCAL);
    },
  );

  it('when a readiness change is notified, then When and the attribution are local times', () => {
    const text = cardText(
      NOTIFICATION_CARD_STATES.notification!['not ready → ready, after a reset']!(),
    );
    expect(text).toContain(`When\n${local('2026-11-22T10:02:00Z')}`);
    expect(text).toContain(
      `After the reset requested by Avery Admin (approved by Blake Approver) at ${local('2026-11-22T09:58:00Z')}.`,
    );
  });

  it('when many changes are digested, then the subtitle time and each attribution are local', () => {
    const text = cardText(
      NOTIFICATION_CARD_STATES['notification-digest']!['four changes in one set']!(),
    );
    expect(text).toContain(`In 1 flow set · ${local('2026-11-22T10:02:00Z')}`);
  });

  it('when notify list shows mutes and deliveries, then each of their times is local', () => {
    const card = NOTIFICATION_CARD_STATES['notify-list']!;
    const text = cardText(card['all sets, with a muted set and history']!());
    expect(text).toContain(`Muted: Fabrikam\nby Avery Admin, ${local('2026-11-22T10:02:00Z')}`);
    expect(text).toMatch(/Last sent\n\{\{DATE\(.*\)\}\} \(1 sent recently\)/);
    expect(text).toMatch(/Waiting to be sent\n1 \(next attempt \{\{DATE\(/);
    expect(text).toMatch(/Delivery uncertain\n.* \(\{\{DATE\(.*\)\}\}\)\. It may or may not/);
    expect(cardText(card['inactive after a 403']!())).toMatch(/^Inactive since \{\{DATE\(/m);
  });

  it('when a flow set is shown, then Created and Last changed are local times', () => {
    const set = sets[0]!;
    const text = cardText(FLOW_CARD_STATES.flowset!['documented set with its four flows']!());
    expect(text).toContain(
      `Created\n${local(new Date(set.createdDateTime!).toISOString().slice(0, 19) + 'Z')}`,
    );
    expect(text).toMatch(/Last changed\n\{\{DATE\(/);
  });

  it('when a change is applied, then its time and what is stored now are local times', () => {
    const set = sets[0]!;
    const at = '2026-03-01T10:07:33.123Z';
    const text = cardText(
      changeResultCard({
        tone: 'good',
        status: '✓ Applied',
        title: 'Change flow set',
        when: appliedAt('Avery Admin', at),
        message: 'Approved by Blake Approver.',
        stored: storedSetView({ ...set, lastModifiedDateTime: at }, flows),
      }),
    );
    expect(text).toContain(`Applied by Avery Admin at ${local('2026-03-01T10:07:33Z')}.`);
    expect(text).toContain(`Last changed\n${local('2026-03-01T10:07:33Z')}`);
    expect(text).not.toContain('UTC');
    const flowText = cardText(
      changeResultCard({
        tone: 'good',
        status: '✓ Applied',
        title: 'Reset flow',
        stored: storedFlowView(set.displayName, { ...flows[0]!, lastModifiedDateTime: at }),
      }),
    );
    expect(flowText).toContain(`Last changed\n${local('2026-03-01T10:07:33Z')}`);
  });

  it('when a time is missing, then the card says so in words instead of a broken macro', () => {
    const text = cardText(
      changeResultCard({
        tone: 'good',
        status: '✓ Applied',
        title: 'x',
        when: appliedAt('Avery Admin', null),
      }),
    );
    expect(text).toContain('Applied by Avery Admin at an unknown time.');
    expect(text).not.toContain('{{');
  });

  it('when an approval request is shown, then Requested by and Expires are local times', () => {
    const text = cardText(APPROVAL_CARD_STATES['approval-request']!['channel copy, set edit']!());
    expect(text).toContain(`Requested by\nAvery Admin at ${local('2026-03-01T10:00:00Z')}`);
    expect(text).toContain(`Expires\n${local('2026-03-02T10:00:00Z')} (24 h)`);
  });

  it('when approvals are listed, then who asked and the expiry are local, a missing time in words', () => {
    const text = cardText(APPROVAL_CARD_STATES['approval-list']!['approver with two requests']!());
    expect(text).toContain(`Asked by Avery Admin at ${local('2026-03-01T10:00:00Z')}`);
    expect(text).toContain(`Expires ${local('2026-03-02T10:00:00Z')}`);
    expect(text).toContain('Expires —');
    expect(text).not.toContain('UTC');
  });

  it.each([
    ['approval rejected', 'Rejected by Blake Approver at ', ': Not during exams'],
    ['approval cancelled by an approver', 'Cancelled by Blake Approver at ', '.'],
    ['approval expired', 'Nobody decided before ', ', so the request expired.'],
  ])('when a request ends (%s), then its time is local, never UTC text', (state, before, after) => {
    const text = cardText(APPROVAL_CARD_STATES['change-result']![state]!());
    expect(text).toMatch(new RegExp(`${before}\\{\\{DATE\\(`));
    expect(text).toContain(after);
    expect(text).not.toContain('UTC');
  });
});
