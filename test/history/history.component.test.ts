/**
 * The audit history end to end over real HTTP (app + Graph emulator + IdP + loopback connector):
 * every change made through preview and Apply is recorded with its identities and Graph
 * request-id; `history` lists it latest first, per set and in pages; non-admins see nothing.
 */
import { SEED_IDS } from '../../src/sandbox/emulator';
import { useTestBot, cardText } from '../support/testBot';
import {
  AVERY,
  BLAKE,
  button,
  buttons,
  cardFor,
  cardOf,
  DANA,
  press,
  sayAs,
} from '../changes/support';
import { editSet, entriesOf, requestIdOn } from './support';

describe('history (component)', () => {
  const bot = useTestBot({}, { resetEach: 'state' });

  it('when a set is renamed through preview and Apply, then history shows what, when, who, the Graph request-id and Undo', async () => {
    const { changeId, result } = await editSet(bot, 'northwind', { displayName: 'Northwind HS' });
    const requestId = requestIdOn(cardText(result));
    expect(requestId).toBeTruthy();

    const history = await cardFor(bot, 'history');
    const text = cardText(history);
    const applied = text.indexOf('✓ Applied');
    const requested = text.indexOf('Requested');
    expect(applied).toBeGreaterThan(-1);
    expect(requested).toBeGreaterThan(applied); // one row: where it stands, then its lifecycle
    expect(text).toContain('Change flow set "Northwind High School"');
    expect(text).toContain('Flow set name: Northwind High School → Northwind HS');
    expect(text).toContain(`Requested by ${AVERY.name} · applied · {{DATE(`);
    expect(text).toContain(`Change ${changeId} · Graph request-id ${requestId}`);
    expect(button(history, 'Undo').data).toEqual({ command: `undo ${changeId}`, newMessage: true });

    const stored = await entriesOf(bot, changeId);
    expect(stored.map((e) => [e.event, e.actor.aadObjectId, e.requester.aadObjectId])).toEqual([
      ['applied', AVERY.aadObjectId, AVERY.aadObjectId],
      ['requested', AVERY.aadObjectId, AVERY.aadObjectId],
    ]);
    expect(stored[0]).toMatchObject({
      setId: SEED_IDS.northwind,
      body: { displayName: 'Northwind HS' },
      before: { displayName: 'Northwind High School' },
      after: { displayName: 'Northwind HS' },
      requestId,
    });
  });

  it('when a set is named, then history lists only that set, and a set deleted since is found by its old name', async () => {
    await editSet(bot, 'northwind', { displayName: 'Northwind only' });
    await editSet(bot, 'fabrikam', { displayName: 'Fabrikam only' });
    const northwind = cardText(await cardFor(bot, 'history northwind'));
    expect(northwind).toContain('Change history of "Northwind only"'); // its name now
    expect(northwind).toContain('Northwind only');
    expect(northwind).not.toContain('Fabrikam');

    const preview = await cardFor(bot, 'delete fabrikam');
    cardOf(await press(bot, preview, 'Apply'));
    const fabrikam = cardText(await cardFor(bot, 'history "Fabrikam Elementary pilot"'));
    expect(fabrikam).toContain('Delete flow set "Fabrikam only"');
    expect(fabrikam).toContain('Fabrikam only');
    expect(fabrikam).not.toContain('Northwind');
  });

  it('when a change is cancelled, then history says so and offers no Undo for it', async () => {
    const form = await cardFor(bot, 'edit northwind');
    const preview = cardOf(
      await press(bot, form, 'flowset.preview', { typed: { displayName: 'X' } }),
    );
    const changeId = button(preview, 'Cancel').data.changeId as string;
    cardOf(await press(bot, preview, 'Cancel'));
    expect((await entriesOf(bot, changeId)).map((e) => e.event)).toEqual([
      'cancelled',
      'requested',
    ]);
    const history = await cardFor(bot, 'history northwind');
    expect(cardText(history).split('\n').slice(2, 4)).toEqual([
      'Change flow set "Northwind High School"',
      'Cancelled',
    ]);
    expect(buttons(history).map((b) => b.data.command)).not.toContain(`undo ${changeId}`);
  });

  it('when a change was approved by someone else, then history names both the requester and the approver', async () => {
    await bot.app.services.audit.append({
      changeId: 'aaaaaaaa-0000-4000-8000-000000000001',
      setId: SEED_IDS.allSchools,
      setName: 'Contoso District – All schools',
      kind: 'updateFlowSet',
      event: 'applied',
      actor: { aadObjectId: BLAKE.aadObjectId, name: BLAKE.name },
      requester: { aadObjectId: AVERY.aadObjectId, name: AVERY.name },
      approver: { aadObjectId: BLAKE.aadObjectId, name: BLAKE.name },
      at: new Date().toISOString(),
      body: { displayName: 'Contoso' },
      before: { displayName: 'Contoso District – All schools', filter: null },
      requestId: 'req-approved',
    });
    const text = cardText(await cardFor(bot, 'history contoso'));
    expect(text).toContain(`Requested by ${AVERY.name} · approved by ${BLAKE.name}`);
    expect(text).toContain('Graph request-id req-approved');
  });

  it('when each change has requested, approved and applied entries, then a page shows 10 changes, one row each with its lifecycle, local time and UTC details', async () => {
    const setId = 'lifecycle-set-0001';
    const person = (p: { aadObjectId: string; name: string }) => ({
      aadObjectId: p.aadObjectId,
      name: p.name,
    });
    const at = (i: number, s: number) => new Date(Date.UTC(2026, 2, i, 9, 0, s)).toISOString();
    for (let i = 1; i <= 12; i++) {
      const base = {
        changeId: `cccccccc-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`,
        setId,
        setName: 'Lifecycle Test Set',
        kind: 'resetFlow' as const,
        flowKind: 'user' as const,
        requester: person(AVERY),
      };
      await bot.app.services.audit.append({
        ...base,
        event: 'requested',
        actor: person(AVERY),
        at: at(i, 0),
      });
      await bot.app.services.audit.append({
        ...base,
        event: 'approved',
        actor: person(BLAKE),
        approver: person(BLAKE),
        at: at(i, 1),
      });
      await bot.app.services.audit.append({
        ...base,
        event: 'applied',
        actor: person(BLAKE),
        approver: person(BLAKE),
        at: at(i, 2),
        requestId: `req-life-${i}`,
      });
    }
    const first = await cardFor(bot, 'history lifecycle test');
    const rows = (card: unknown) => JSON.stringify(card).match(/"Action\.ShowCard"/g) ?? [];
    expect(rows(first)).toHaveLength(10);
    const text = cardText(first);
    expect(text.match(/req-life-\d+/g)).toEqual(
      [12, 11, 10, 9, 8, 7, 6, 5, 4, 3].map((i) => `req-life-${i}`),
    );
    // One row: the lifecycle in a line, the time for the reader's own clock ({{DATE}}/{{TIME}}).
    expect(text).toContain(
      `Requested by ${AVERY.name} · approved by ${BLAKE.name} · applied · {{DATE(2026-03-12T09:00:02Z, SHORT)}} {{TIME(2026-03-12T09:00:02Z)}}`,
    );
    expect(text.match(/^Requested by /gm)).toHaveLength(10);
    // Details (Action.ShowCard): every event, in UTC to the second.
    expect(text).toContain(
      [
        `2026-03-12 09:00:00 UTC · Requested · ${AVERY.name}`,
        `2026-03-12 09:00:01 UTC · Approved · ${BLAKE.name}`,
        `2026-03-12 09:00:02 UTC · ✓ Applied · ${BLAKE.name}`,
      ].join('\n'),
    );
    const second = cardOf(await press(bot, first, 'Next'));
    expect(rows(second)).toHaveLength(2);
    expect(cardText(second).match(/req-life-\d+/g)).toEqual(['req-life-2', 'req-life-1']);
  });

  it('when there are more entries than a page, then pages of 10 follow each other with Previous and Next', async () => {
    const setId = 'paging-set-0001';
    for (let i = 1; i <= 12; i++)
      await bot.app.services.audit.append({
        changeId: `bbbbbbbb-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`,
        setId,
        setName: 'Paging Test Set',
        kind: 'resetFlow',
        flowKind: 'user',
        event: 'applied',
        actor: { aadObjectId: AVERY.aadObjectId, name: AVERY.name },
        requester: { aadObjectId: AVERY.aadObjectId, name: AVERY.name },
        at: new Date().toISOString(),
        requestId: `req-page-${i}`,
      });
    const first = await cardFor(bot, 'history paging test');
    const firstText = cardText(first);
    expect(firstText.match(/req-page-\d+/g)).toEqual(
      [12, 11, 10, 9, 8, 7, 6, 5, 4, 3].map((i) => `req-page-${i}`),
    );
    expect(buttons(first).map((b) => [b.title, b.data.command])).toEqual([
      ['Next', `history ${setId} page 2`],
    ]);
    const second = cardOf(await press(bot, first, 'Next'));
    expect(cardText(second).match(/req-page-\d+/g)).toEqual(['req-page-2', 'req-page-1']);
    expect(cardText(second)).toContain('page 2');
    expect(buttons(second).map((b) => [b.title, b.data.command])).toEqual([
      ['Previous', `history ${setId} page 1`],
    ]);
  });

  it('when someone who may not read flow sets asks for history, then Graph refuses and no entry is shown', async () => {
    await editSet(bot, 'northwind', { displayName: 'Secret rename' });
    const { card, text } = await sayAs(bot, 'history', DANA);
    const shown = card ? cardText(card) : (text ?? '');
    expect(shown).not.toContain('Secret rename');
    expect(shown).toMatch(/permission|role|not allowed|forbidden/i);
  });
});
