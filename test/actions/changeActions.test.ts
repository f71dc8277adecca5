/**
 * The change-related card actions as Teams invokes them: untrusted data is refused with a 400
 * (never a crash, never a write), buttons carry only ids and versions, and forms submitted after
 * the world moved on get an answer computed from what is stored now.
 */
import { SEED_IDS } from '../../src/sandbox/emulator';
import { ERROR_TYPE } from '../../src/teams/invokeResponse';
import { useTestBot, cardText } from '../support/testBot';
import {
  adminGraph,
  buttons,
  cardFor,
  cardOf,
  graphWrites,
  invoke,
  press,
} from '../changes/support';

const SET = { setId: SEED_IDS.northwind, version: '2025-08-18T15:05:11.0000000Z' };

describe('change actions (component)', () => {
  const bot = useTestBot({}, { resetEach: 'state+requests' });

  it.each([
    ['flowset.edit', { setId: SEED_IDS.northwind }],
    ['flowset.delete', { version: 'x' }],
    ['flow.add', { ...SET, kind: 'teams' }],
    ['flow.edit', { ...SET, kind: 'user' }],
    ['flow.remove', { ...SET, flowId: 'f', kind: 'nope' }],
    ['flow.reset', { ...SET, flowId: '', kind: 'user' }],
    ['flowset.preview', { mode: 'edit' }],
    ['flowset.preview', { mode: 'delete' }],
    ['flow.preview', { mode: 'add', setId: 'x', version: 'v' }],
    ['flow.preview', { mode: 'edit', setId: 'x', kind: 'user', version: 'v' }],
    ['form.cancel', { setId: 42 }],
    ['change.apply', { changeId: null }],
    ['change.cancel', 'not an object'],
  ])(
    'when %s gets data %j, then the invoke answers 400 and nothing is written',
    async (verb, data) => {
      const body = await invoke(bot, verb, data);
      expect(body).toMatchObject({ statusCode: 400, type: ERROR_TYPE });
      expect(graphWrites(bot)).toEqual([]);
    },
  );

  it('when the set card is shown, then every change button carries only ids and the version', async () => {
    const card = await cardFor(bot, 'show northwind');
    // Add flow also says its chooser comes as a new message (newMessage: issue 12 item 4).
    for (const b of buttons(card).filter((b) => b.verb !== 'command.run'))
      expect(Object.keys(b.data).sort()).toEqual(
        b.data.flowId
          ? ['flowId', 'kind', 'setId', 'version']
          : b.verb === 'flow.add'
            ? ['newMessage', 'setId', 'version']
            : ['setId', 'version'],
      );
  });

  it('when a set form is submitted after the set changed, then the preview compares with what is stored now and says so', async () => {
    const form = await cardFor(bot, 'edit northwind');
    await adminGraph(bot).updateFlowSet(SEED_IDS.northwind, { displayName: 'Theirs' });
    const preview = cardOf(
      await press(bot, form, 'flowset.preview', { typed: { displayName: 'Mine' } }),
    );
    const text = cardText(preview);
    expect(text).toContain('after you opened the form');
    expect(text).toContain('Theirs → Mine');
  });

  it('when an add form is submitted after that type was added elsewhere, then no preview is made and the set card says why', async () => {
    const form = await cardFor(bot, 'add security flow to northwind');
    await adminGraph(bot).createFlow(SEED_IDS.northwind, {
      kind: 'securityGroup',
      creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: true },
    });
    const card = cardOf(await press(bot, form, 'flow.preview'));
    expect(cardText(card)).toContain('already has a security group flow');
    expect(buttons(card).map((b) => b.verb)).not.toContain('change.apply');
  });

  it('when an edit form is submitted after its flow was removed, then the set card says it is gone', async () => {
    const form = await cardFor(bot, 'edit class flow in northwind');
    await adminGraph(bot).deleteFlow(SEED_IDS.northwind, SEED_IDS.northwindClassGroup);
    const card = cardOf(await press(bot, form, 'flow.preview'));
    expect(cardText(card)).toContain('no longer exists');
  });

  it('when a button names a set that was deleted, then the card says so', async () => {
    const card = await cardFor(bot, 'show northwind');
    await adminGraph(bot).deleteFlowSet(SEED_IDS.northwind);
    const answer = cardOf(await press(bot, card, 'flowset.edit'));
    expect(cardText(answer)).toContain('This flow set no longer exists.');
  });

  it('when a new-set form is cancelled, then nothing is saved and Graph is not called', async () => {
    const form = await cardFor(bot, 'create Lakeside');
    const card = cardOf(await press(bot, form, 'form.cancel'));
    expect(cardText(card)).toContain('Nothing was saved.');
    expect(
      bot.app.sandbox!.emulator.control.requests().filter((r) => r.callerKind === 'delegated'),
    ).toEqual([]);
  });
});
