/**
 * "Preview again" on a stale card (issue 12 item 9) over /api/messages: the admin's intended
 * change is previewed again against what Graph has now (their edits are kept), a user flow edit
 * whose passwords were dropped opens its form pre-filled with the intended values asking only
 * for the passwords, and nobody but the requester can do it. The stale card stays as it is.
 */
import { createPendingChangeStore } from '../../src/changes/pendingChangeStore';
import { SEED_IDS } from '../../src/sandbox/emulator';
import { useTestBot, cardText } from '../support/testBot';
import {
  adminGraph,
  AVERY,
  BLAKE,
  button,
  buttons,
  cardFor,
  cardInputs,
  cardOf,
  graphWrites,
  openedBy,
  press,
  type Card,
} from './support';

const PASSWORD = 'Welcome-2025!';

describe('Preview again after a stale refusal (component)', () => {
  const bot = useTestBot({}, { resetEach: 'state+requests' });
  const changes = () => createPendingChangeStore(bot.app.services.storage);
  const changeIdOf = (card: Card) => button(card, 'Apply').data.changeId as string;

  /** Edit northwind's name to "Mine", let someone rename it "Theirs", Apply: the stale card. */
  async function staleSetRename(): Promise<{ preview: Card; stale: Card }> {
    const form = await cardFor(bot, 'edit northwind');
    const preview = cardOf(
      await press(bot, form, 'flowset.preview', { typed: { displayName: 'Mine' } }),
    );
    await adminGraph(bot).updateFlowSet(SEED_IDS.northwind, { displayName: 'Theirs' });
    const stale = cardOf(await press(bot, preview, 'Apply'));
    expect(cardText(stale)).toContain('Not applied: changed since the preview');
    return { preview, stale };
  }

  it('when a set rename went stale, then Preview again shows the intended name against the current state and Apply works', async () => {
    const { preview, stale } = await staleSetRename();
    expect(button(stale, 'Preview again').verb).toBe('change.repreview');
    bot.app.sandbox!.emulator.control.clearRequests();

    const again = openedBy(bot, await press(bot, stale, 'Preview again'));
    const text = cardText(again);
    expect(text).toContain('Theirs → Mine');
    expect(text).toContain('previewed again against what is stored now');
    expect(changeIdOf(again)).not.toBe(changeIdOf(preview));
    expect(graphWrites(bot)).toEqual([]);
    expect((await changes().get(changeIdOf(preview)))?.state).toBe('stale');

    const result = cardOf(await press(bot, again, 'Apply'));
    expect(cardText(result)).toContain('✓ Applied');
    expect(graphWrites(bot).map((w) => [w.method, w.callerOid])).toEqual([
      ['PATCH', AVERY.aadObjectId],
    ]);
    expect((await adminGraph(bot).getFlowSet(SEED_IDS.northwind)).data.displayName).toBe('Mine');
  });

  it('when someone else clicks Preview again, then it is refused with a short message and nothing is proposed', async () => {
    const { stale } = await staleSetRename();
    const before = (await changes().list()).length;
    const answer = await press(bot, stale, 'Preview again', { user: BLAKE });
    expect(answer.type).toBe('application/vnd.microsoft.activity.message');
    expect(answer.value).toContain(`Only ${AVERY.name}, who asked for this change`);
    expect(await changes().list()).toHaveLength(before);
  });

  it('when a user flow edit with passwords went stale, then Preview again opens the form with the intended values and asks only for the passwords', async () => {
    const form = await cardFor(bot, 'edit user flow in northwind');
    const typed = {
      studentAgeGroup: 'adult',
      'rg.students.include': 'true',
      'rg.students.password': PASSWORD,
      'rg.staff.include': 'true',
      'rg.staff.password': PASSWORD,
      'rg.staff.licenseSkus': 'M365EDU_A3_FACULTY',
    };
    const preview = cardOf(await press(bot, form, 'flow.preview', { typed }));
    await adminGraph(bot).updateFlow(SEED_IDS.northwind, SEED_IDS.northwindUser, {
      kind: 'user',
      managementOptions: {
        additionalAttributes: ['userGradeLevel'],
        additionalOptions: { allowStudentContactAssociation: true, studentAgeGroup: 'notAdult' },
      },
    });
    const stale = cardOf(await press(bot, preview, 'Apply'));
    expect(cardText(stale)).toContain('Not applied: changed since the preview');
    const stored = await changes().get(changeIdOf(preview));
    expect(JSON.stringify(stored)).not.toContain(PASSWORD); // dropped when it closed

    const again = openedBy(bot, await press(bot, stale, 'Preview again'));
    expect(buttons(again).map((b) => b.verb)).toContain('flow.preview');
    const shown = cardInputs(again);
    // The intended values, not the stored ones (stored: notAdult, staff off)…
    expect(shown.studentAgeGroup).toBe('adult');
    expect(shown['rg.staff.include']).toBe('true');
    expect(shown['rg.staff.licenseSkus']).toBe('M365EDU_A3_FACULTY');
    expect(shown['rg.students.include']).toBe('true');
    // …and the passwords asked for, never echoed.
    expect(shown['rg.staff.password']).toBe('');
    expect(shown['rg.students.password']).toBe('');
    expect(cardText(again)).toContain('Only the initial passwords are missing');
    expect(JSON.stringify(again)).not.toContain(PASSWORD);

    const passwords = { 'rg.students.password': PASSWORD, 'rg.staff.password': PASSWORD };
    const fresh = cardOf(await press(bot, again, 'flow.preview', { typed: passwords }));
    const text = cardText(fresh);
    expect(text).toContain('Student age group');
    expect(text).toContain('(new password set)');
    bot.app.sandbox!.emulator.control.clearRequests();
    expect(cardText(cardOf(await press(bot, fresh, 'Apply')))).toContain('✓ Applied');
    expect(graphWrites(bot).map((w) => w.method)).toEqual(['PATCH']);
    const flow = (await adminGraph(bot).getFlow(SEED_IDS.northwind, SEED_IDS.northwindUser)).data;
    expect(flow).toMatchObject({
      managementOptions: { additionalOptions: { studentAgeGroup: 'adult' } },
    });
  });
});
