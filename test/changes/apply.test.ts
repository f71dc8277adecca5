/**
 * The guarantees of Apply over real HTTP: one write however many clicks, requester only, expiry,
 * Graph failures recorded in plain words, malformed ids refused without a crash.
 */
import { randomUUID } from 'node:crypto';
import { PENDING_CHANGE_PREFIX, PendingChange } from '../../src/domain/pendingChange';
import { createPendingChangeStore } from '../../src/changes/pendingChangeStore';
import { SEED_IDS } from '../../src/sandbox/emulator';
import { createRecordStore } from '../../src/store/recordStore';
import { ERROR_TYPE, MESSAGE_TYPE } from '../../src/teams/invokeResponse';
import { useTestBot, cardText } from '../support/testBot';
import {
  adminGraph,
  BLAKE,
  button,
  buttons,
  cardFor,
  cardOf,
  graphWrites,
  invoke,
  press,
  type Card,
} from './support';

const CONCURRENT = 20;

describe('Apply (component)', () => {
  const bot = useTestBot({}, { resetEach: 'state+requests' });
  const changes = () => createPendingChangeStore(bot.app.services.storage);
  const changeIdOf = (preview: Card) => button(preview, 'Apply').data.changeId as string;
  /** A preview of renaming Northwind, by command and form. */
  const renamePreview = async (name = 'Northwind renamed'): Promise<Card> => {
    const form = await cardFor(bot, `edit ${SEED_IDS.northwind}`);
    return cardOf(await press(bot, form, 'flowset.preview', { typed: { displayName: name } }));
  };

  it('when Apply is clicked twice, then Graph is written once and the second click shows the applied change', async () => {
    const preview = await renamePreview();
    expect(cardText(cardOf(await press(bot, preview, 'Apply')))).toContain('✓ Applied');
    const second = cardOf(await press(bot, preview, 'Apply'));
    expect(cardText(second)).toContain('✓ Applied');
    expect(buttons(second).map((b) => b.verb)).not.toContain('change.apply');
    expect(graphWrites(bot).map((w) => w.method)).toEqual(['PATCH']);
  });

  it(`when ${CONCURRENT} Apply invokes arrive at once, then exactly one Graph write happens and every invoke is answered`, async () => {
    const preview = await renamePreview();
    const { changeId } = button(preview, 'Apply').data;
    const bodies = await Promise.all(
      Array.from({ length: CONCURRENT }, () => invoke(bot, 'change.apply', { changeId })),
    );
    expect(bodies.map((b) => b.statusCode)).toEqual(Array(CONCURRENT).fill(200));
    expect(graphWrites(bot).map((w) => w.method)).toEqual(['PATCH']);
    const texts = bodies.map((b) => cardText(b.value));
    expect(texts.every((t) => /✓ Applied|Being applied/.test(t))).toBe(true);
    expect((await changes().get(changeId as string))?.state).toBe('applied');
  });

  it('when someone else clicks Apply or Cancel, then they are refused, nothing is written and the requester can still apply', async () => {
    const preview = await renamePreview();
    for (const verb of ['Apply', 'Cancel']) {
      const refused = await press(bot, preview, verb, { user: BLAKE });
      expect(refused).toMatchObject({ statusCode: 200, type: MESSAGE_TYPE });
      expect(refused.value).toContain('Only Avery Admin, who asked for this change, can');
    }
    expect(graphWrites(bot)).toEqual([]);
    expect((await changes().get(changeIdOf(preview)))?.state).toBe('pending');
    expect(cardText(cardOf(await press(bot, preview, 'Apply')))).toContain('✓ Applied');
  });

  it('when the preview has expired, then Apply writes nothing and answers with a fresh preview of the same change', async () => {
    const preview = await renamePreview('Fresh name');
    const oldId = changeIdOf(preview);
    const records = createRecordStore(
      bot.app.services.storage,
      PENDING_CHANGE_PREFIX,
      PendingChange,
    );
    // 15 minutes and a second pass: the record is moved back in time, as if they had.
    const stored = (await records.get(oldId))!.value;
    const earlier = (iso: string) => new Date(Date.parse(iso) - 15 * 60_000 - 1000).toISOString();
    await records.put(oldId, {
      ...stored,
      createdAt: earlier(stored.createdAt),
      expiresAt: earlier(stored.expiresAt),
    });

    const fresh = cardOf(await press(bot, preview, 'Apply'));
    expect(cardText(fresh)).toContain(
      'The preview you clicked expired (15 min) and nothing was applied',
    );
    expect(cardText(fresh)).toContain('Northwind High School → Fresh name');
    expect(graphWrites(bot)).toEqual([]);
    expect((await changes().get(oldId))?.state).toBe('expired');
    const newId = changeIdOf(fresh);
    expect(newId).not.toBe(oldId);
    expect(cardText(cardOf(await press(bot, fresh, 'Apply')))).toContain('✓ Applied');
    expect(graphWrites(bot).map((w) => w.method)).toEqual(['PATCH']);
  });

  it.each([
    ['a non-uuid id', { changeId: 'abc' }],
    ['a number', { changeId: 42 }],
    ['no id', {}],
    ['a path', { changeId: '../../pending-change/x' }],
  ])(
    'when Apply carries %s, then the invoke answers 400 and the bot keeps working',
    async (_n, data) => {
      for (const verb of ['change.apply', 'change.cancel']) {
        const body = await invoke(bot, verb, data);
        expect(body).toMatchObject({ statusCode: 400, type: ERROR_TYPE });
      }
      expect(graphWrites(bot)).toEqual([]);
      expect(cardText(await cardFor(bot, 'help'))).toContain('SDS Flow Admin');
    },
  );

  it('when Apply names a change that does not exist, then the card says it is no longer known', async () => {
    const card = cardOf(await invoke(bot, 'change.apply', { changeId: randomUUID() }));
    expect(cardText(card)).toContain('This change is no longer known');
  });

  it.each([
    [429, 'Microsoft Graph is busy'],
    [503, 'Microsoft Graph is not available right now'],
  ] as const)(
    'when Graph answers %i to the write, then the change is recorded failed and the card says so in plain words',
    async (status, words) => {
      const preview = await renamePreview();
      bot.app.sandbox!.emulator.control.addFault({
        status,
        method: 'PATCH',
        count: 10,
        retryAfterSeconds: 0,
      });
      const result = cardOf(await press(bot, preview, 'Apply'));
      expect(cardText(result)).toContain('✗ Not applied');
      expect(cardText(result)).toContain(words);
      const change = await changes().get(changeIdOf(preview));
      expect(change?.state).toBe('failed');
      expect(change?.result.error).toContain(words);
      expect((await adminGraph(bot).getFlowSet(SEED_IDS.northwind)).data.displayName).toBe(
        'Northwind High School',
      );
    },
  );
});
