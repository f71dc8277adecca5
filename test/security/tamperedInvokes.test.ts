/**
 * Tampered `adaptiveCard/action` invokes over the real POST /api/messages (issue 11): a card's
 * data is whatever the client sends. Someone else's change id, an unknown verb, a missing or
 * odd `action`, prototype-pollution keys, wrong types in every field and non-UUID change ids each
 * get a clear invoke answer (HTTP 200 or 4xx, a friendly message in the body), never a 500, a
 * stack trace or a library's own words, and never a Graph write.
 */
import { SEED_IDS } from '../../src/sandbox/emulator';
import { createPendingChangeStore } from '../../src/changes/pendingChangeStore';
import { CARD_TYPE, ERROR_TYPE, MESSAGE_TYPE } from '../../src/teams/invokeResponse';
import { SANDBOX_USERS, type SandboxUser } from '../../src/sandbox/users';
import type { Activity } from '../support/activities';
import { cardText, startTestBot, type TestBot } from '../support/testBot';
import {
  AVERY,
  BLAKE,
  DANA,
  button,
  cardFor,
  cardOf,
  from,
  graphWrites,
  press,
  type Card,
} from '../changes/support';

const ELI = SANDBOX_USERS.find((u) => u.name.startsWith('Eli'))!;
/**
 * Words that only a crash, a stack trace or a library (V8, botbuilder, zod's default messages such
 * as "Invalid input: expected string, received number") would put in a body.
 */
const LIBRARY_TEXT =
  /\bat [\w.<>]+ \(|\.[jt]s:\d+|node_modules|Zod|TypeError|ReferenceError|SyntaxError|RangeError|Cannot read prop|is not a function|is not iterable|Unexpected token|Maximum call stack|\[object Object\]|Invalid (input|option|discriminator)|expected (string|one of)|received \w+|Too (big|small)/;

let bot: TestBot;

interface Answer {
  status: number;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/**
 * POSTs an invoke whose `value` is `valueJson`, raw JSON text (so that keys like `__proto__`
 * reach the bot's JSON.parse as written), as `user` (or with no `from` at all).
 */
async function rawInvoke(valueJson: string, user: SandboxUser | null = AVERY): Promise<Answer> {
  const activity: Activity = bot.activity('invoke-action', {
    ...(user ? from(user) : {}),
    value: '__VALUE__',
  });
  if (!user) delete activity.from;
  const body = JSON.stringify(activity).replace('"__VALUE__"', valueJson);
  const res = await fetch(`${bot.app.botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, text, body: parsed };
}

const execute = (verb: unknown, data: unknown, user: SandboxUser | null = AVERY) =>
  rawInvoke(JSON.stringify({ action: { type: 'Action.Execute', verb, data } }), user);

/** What the user reads: the error message, the message text or the card's text. */
function shown(answer: Answer): string {
  const { body } = answer;
  if (body?.type === ERROR_TYPE) return String(body.value?.message ?? '');
  if (body?.type === MESSAGE_TYPE) return String(body.value ?? '');
  if (body?.type === CARD_TYPE) return cardText(body.value);
  return '';
}

/** A clear answer: HTTP 200 (or a 4xx), a friendly message, no 500, no library text. */
function expectClear(answer: Answer): void {
  const context = `HTTP ${answer.status}: ${answer.text.slice(0, 600)}`;
  expect({
    ok: answer.status === 200 || (answer.status >= 400 && answer.status < 500),
    context,
  }).toEqual({ ok: true, context });
  if (answer.status === 200) {
    expect([CARD_TYPE, MESSAGE_TYPE, ERROR_TYPE]).toContain(answer.body?.type);
    const statusCode = [200, 400, 403, 404, 409].includes(answer.body.statusCode);
    expect({ statusCode, context }).toEqual({ statusCode: true, context });
    const words = shown(answer);
    expect({ words: words.length > 10, context }).toEqual({ words: true, context });
  }
  expect({ libraryText: answer.text.match(LIBRARY_TEXT)?.[0], context }).toEqual({
    libraryText: undefined,
    context,
  });
}

/** A preview of renaming Northwind by Avery, through the real form. */
async function averysPreview(): Promise<Card> {
  const form = await cardFor(bot, `edit ${SEED_IDS.northwind}`, AVERY);
  const card = cardOf(
    await press(bot, form, 'flowset.preview', { typed: { displayName: 'Tampered' } }),
  );
  if (!JSON.stringify(card).includes('change.apply'))
    throw new Error(`expected a preview card, got ${JSON.stringify(card).slice(0, 600)}`);
  return card;
}

beforeAll(async () => {
  bot = await startTestBot();
});
beforeEach(() => {
  bot.app.sandbox!.emulator.control.resetState();
  bot.app.sandbox!.emulator.control.clearRequests();
});
afterAll(async () => {
  await bot.stop();
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});
afterEach(() => {
  expect(graphWrites(bot)).toEqual([]);
});

describe("someone else's change id", () => {
  const clickers: Array<[string, SandboxUser | null]> = [
    ['Dana (no admin)', DANA],
    ['Blake (an approver)', BLAKE],
    ['Eli (can read)', ELI],
    ['someone with no from', null],
  ];
  const verbs = [
    ['change.apply', {}],
    ['change.cancel', {}],
    ['approval.request', { reason: 'I want it' }],
    ['approval.cancel', { from: 'preview' }],
  ] as const;
  it.each(
    clickers.flatMap(([who, user]) => verbs.map(([verb, extra]) => [who, verb, user, extra])),
  )(
    "when %s clicks %s on Avery's preview, then it is refused and nothing is written",
    async (_who, verb, user, extra) => {
      const preview = await averysPreview();
      const changeId = button(preview, 'Apply').data.changeId as string;
      bot.app.sandbox!.emulator.control.clearRequests();
      const answer = await execute(verb, { changeId, ...(extra as object) }, user as SandboxUser);
      expectClear(answer);
      expect(shown(answer)).not.toContain('✓ Applied');
      expect(shown(answer)).not.toMatch(/Cancelled|Approval requested|waiting for/i);
      expect((await createPendingChangeStore(bot.app.services.storage).get(changeId))?.state).toBe(
        'pending',
      );
    },
  );

  it('when Dana sends the change id inside another field, then the change stays pending', async () => {
    const preview = await averysPreview();
    const changeId = button(preview, 'Apply').data.changeId as string;
    for (const data of [
      { changeId, setId: changeId },
      { changeId: [changeId] },
      { changeId: { changeId } },
      { changeId: ` ${changeId} ` },
      { changeId: changeId.toUpperCase() },
    ])
      expectClear(await execute('change.apply', data, DANA));
    expect((await createPendingChangeStore(bot.app.services.storage).get(changeId))?.state).toBe(
      'pending',
    );
  });
});

describe('unknown verbs', () => {
  it.each([
    '',
    ' ',
    'change.apply ',
    'CHANGE.APPLY',
    'change',
    'change.',
    'constructor',
    '__proto__',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'verb.ünïcødé',
    'change.apply\u0000',
    'x'.repeat(100_000),
  ])('verb %j is refused with a friendly message', async (verb) => {
    const answer = await execute(verb, { changeId: '00000000-0000-4000-8000-000000000000' });
    expectClear(answer);
    expect(answer.body).toMatchObject({ statusCode: 400, type: ERROR_TYPE });
  });
});

describe('a missing or odd action', () => {
  it.each([
    ['no value', 'null'],
    ['a number value', '42'],
    ['a string value', '"change.apply"'],
    ['an array value', '[{"action":{"type":"Action.Execute","verb":"command.run"}}]'],
    ['an empty value', '{}'],
    ['a null action', '{"action":null}'],
    ['a string action', '{"action":"change.apply"}'],
    ['an array action', '{"action":["Action.Execute","change.apply"]}'],
    ['a number action', '{"action":7}'],
    ['an Action.Submit', '{"action":{"type":"Action.Submit","verb":"command.run"}}'],
    ['no type', '{"action":{"verb":"command.run","data":{"command":"help"}}}'],
    ['no verb', '{"action":{"type":"Action.Execute","data":{"command":"help"}}}'],
    ['a number verb', '{"action":{"type":"Action.Execute","verb":1}}'],
    ['a null verb', '{"action":{"type":"Action.Execute","verb":null}}'],
    ['an object verb', '{"action":{"type":"Action.Execute","verb":{"toString":"command.run"}}}'],
    ['an array verb', '{"action":{"type":"Action.Execute","verb":["command.run"]}}'],
    ['a string data', '{"action":{"type":"Action.Execute","verb":"command.run","data":"help"}}'],
    ['an array data', '{"action":{"type":"Action.Execute","verb":"command.run","data":["help"]}}'],
    ['a number data', '{"action":{"type":"Action.Execute","verb":"change.apply","data":5}}'],
    ['a null data', '{"action":{"type":"Action.Execute","verb":"change.apply","data":null}}'],
  ])('%s is refused with a friendly message', async (_name, value) => {
    const answer = await rawInvoke(value);
    expectClear(answer);
    expect(answer.body).toMatchObject({ statusCode: 400, type: ERROR_TYPE });
  });

  it('with no value at all, then it is refused', async () => {
    const activity = bot.activity('invoke-action', from(AVERY));
    delete activity.value;
    const res = await bot.send(activity);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 400, type: ERROR_TYPE });
  });
});

describe('prototype pollution keys', () => {
  const POISON = [
    '"__proto__":{"polluted":"yes","isAdmin":true}',
    '"constructor":{"prototype":{"polluted":"yes"}}',
    '"prototype":{"polluted":"yes"}',
  ];
  const verbsAndData: Array<[string, string]> = [
    ['change.apply', '"changeId":"00000000-0000-4000-8000-000000000000"'],
    ['change.cancel', '"changeId":"00000000-0000-4000-8000-000000000000"'],
    ['command.run', '"command":"help"'],
    [
      'flowset.preview',
      `"mode":"edit","setId":"${SEED_IDS.northwind}","version":"","displayName":"P"`,
    ],
    ['flowset.preview', '"mode":"create","displayName":"Polluted"'],
    ['flow.preview', `"mode":"add","setId":"${SEED_IDS.northwind}","kind":"user","version":""`],
    ['approval.request', '"changeId":"00000000-0000-4000-8000-000000000000","reason":"r"'],
    ['approval.reject', '"changeId":"00000000-0000-4000-8000-000000000000","rejectReason":"r"'],
    ['form.cancel', `"setId":"${SEED_IDS.northwind}"`],
    ['notify.mute', `"setId":"${SEED_IDS.northwind}","setName":"N"`],
  ];
  it.each(POISON.flatMap((poison) => verbsAndData.map(([verb, data]) => [verb, poison, data])))(
    '%s with %s in data leaves Object.prototype alone',
    async (verb, poison, data) => {
      for (const value of [
        `{"action":{"type":"Action.Execute","verb":"${verb}","data":{${poison},${data}}}}`,
        `{"action":{"type":"Action.Execute","verb":"${verb}","data":{${data},"msteams":{${poison}}}}}`,
        `{${poison},"action":{${poison},"type":"Action.Execute","verb":"${verb}","data":{${data}}}}`,
      ]) {
        const answer = await rawInvoke(value);
        expectClear(answer);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
        expect(Object.prototype).not.toHaveProperty('polluted');
      }
    },
  );

  it('a message activity with pollution keys leaves Object.prototype alone', async () => {
    const activity = JSON.stringify(bot.activity('message-personal', from(AVERY))).replace(
      /^\{/,
      `{"__proto__":{"polluted":"yes"},"channelData":{"__proto__":{"polluted":"yes"}},`,
    );
    const res = await fetch(`${bot.app.botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: activity,
    });
    expect(res.status).toBeLessThan(500);
    await res.text();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('wrong types in every field', () => {
  const setId = SEED_IDS.northwind;
  const uuid = '00000000-0000-4000-8000-000000000000';
  /** A valid-looking payload per verb (the fields the card sends). */
  const valid: Record<string, Record<string, unknown>> = {
    'command.run': { command: 'help' },
    'flowset.edit': { setId, version: '' },
    'flowset.delete': { setId, version: '' },
    'flow.add': { setId, version: '', kind: 'user' },
    'flow.edit': { setId, version: '', flowId: SEED_IDS.northwindUser, kind: 'user' },
    'flow.remove': { setId, version: '', flowId: SEED_IDS.northwindUser, kind: 'user' },
    'flow.reset': { setId, version: '', flowId: SEED_IDS.northwindUser, kind: 'user' },
    'flowset.preview': { mode: 'edit', setId, version: '', displayName: 'X' },
    'flow.preview': { mode: 'add', setId, kind: 'user', version: '' },
    'form.cancel': { setId },
    'change.apply': { changeId: uuid },
    'change.cancel': { changeId: uuid },
    'approval.request': { changeId: uuid, reason: 'because' },
    'approval.approve': { changeId: uuid, from: 'list' },
    'approval.reject': { changeId: uuid, rejectReason: 'no', from: 'list' },
    'approval.cancel': { changeId: uuid, from: 'preview', previewId: uuid },
    'approval.show': { changeId: uuid },
    'notify.mute': { setId, setName: 'Northwind' },
    'notify.resend': { deliveryId: 'abcdef0123456789' },
  };
  let deep: unknown = 'bottom';
  for (let i = 0; i < 2000; i++) deep = i % 2 ? [deep] : { d: deep };
  const wrong: Array<[string, unknown]> = [
    ['a number', 42],
    ['a negative float', -1.5e308],
    ['a boolean', true],
    ['null', null],
    ['an array', ['a', 'b']],
    ['an object', { value: 'x' }],
    ['a huge string', 'x'.repeat(200_000)],
    ['a deeply nested value', deep],
    ['markup', '<script>alert(1)</script>**bold** ${{expr}} {{x}}'],
  ];
  const cases = Object.entries(valid).flatMap(([verb, data]) =>
    Object.keys(data).flatMap((field) =>
      wrong.map(([name, value]) => [verb, field, name, { ...data, [field]: value }] as const),
    ),
  );

  it.each(cases)('%s with %s as %s gets a clear answer', async (verb, _field, _name, data) => {
    expectClear(await execute(verb, data));
  });
});

describe('non-UUID change ids', () => {
  it.each([
    'abc',
    '',
    ' ',
    '00000000-0000-4000-8000-00000000000',
    '00000000-0000-4000-8000-0000000000000',
    '00000000-0000-4000-8000-000000000000\n',
    '00000000_0000_4000_8000_000000000000',
    '../../pending-change/00000000-0000-4000-8000-000000000000',
    "'; DROP TABLE records; --",
    '%00',
    '０００００００００-0000-4000-8000-000000000000',
    '{00000000-0000-4000-8000-000000000000}',
    'pending-change:00000000-0000-4000-8000-000000000000',
    'x'.repeat(100_000),
  ])('change id %j is refused by every change verb', async (changeId) => {
    for (const verb of [
      'change.apply',
      'change.cancel',
      'approval.request',
      'approval.approve',
      'approval.cancel',
      'approval.show',
    ]) {
      const answer = await execute(verb, { changeId, reason: 'r', rejectReason: 'r' });
      expectClear(answer);
      expect(answer.body).toMatchObject({ statusCode: 400, type: ERROR_TYPE });
    }
  });

  it('after all of it, Avery can still preview and apply', async () => {
    const preview = await averysPreview();
    expect(cardText(cardOf(await press(bot, preview, 'Apply')))).toContain('✓ Applied');
    expect(graphWrites(bot).map((w) => w.method)).toEqual(['PATCH']);
    bot.app.sandbox!.emulator.control.clearRequests(); // for afterEach
  });
});
