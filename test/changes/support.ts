/**
 * Helpers for the change-pipeline component tests: say something as a sandbox user, press a
 * card's button the way Teams sends it (data + the inputs merged by id), and look at what the
 * Graph emulator and the loopback connector saw.
 */
import { SANDBOX_USERS, type SandboxUser } from '../../src/sandbox/users';
import type { Activity } from '../support/activities';
import type { TestBot } from '../support/testBot';

export const AVERY = SANDBOX_USERS.find((u) => u.name === 'Avery Admin')!;
export const BLAKE = SANDBOX_USERS.find((u) => u.name === 'Blake Approver')!;
export const DANA = SANDBOX_USERS.find((u) => u.name === 'Dana Teacher')!;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Card = any;
type Json = Record<string, unknown>;

/** What the helpers below need of a bot: an in-process TestBot, or several instances behind one URL. */
export type Talker = Pick<TestBot, 'activity' | 'send' | 'connector'>;

export const from = (user: SandboxUser): Activity => ({
  from: { id: `29:${user.aadObjectId}`, name: user.name, aadObjectId: user.aadObjectId },
});

/** What the bot answered to a message: the last card, or the last text. */
export async function sayAs(
  bot: Talker,
  text: string,
  user: SandboxUser = AVERY,
): Promise<{ card?: Card; text?: string }> {
  const activity = bot.activity('message-personal', { text, ...from(user) });
  const before = bot.connector.calls.length;
  const res = await bot.send(activity);
  expect(res.status).toBe(200);
  const sent = bot.connector.calls.slice(before).filter((c) => c.method === 'POST');
  const last = sent.at(-1)?.activity;
  const card = last?.attachments?.[0]?.content;
  return card ? { card } : { text: last?.text };
}

export async function cardFor(bot: Talker, text: string, user: SandboxUser = AVERY): Promise<Card> {
  const { card, text: said } = await sayAs(bot, text, user);
  if (!card) throw new Error(`expected a card for "${text}", got text: ${said}`);
  return card;
}

export interface InvokeBody {
  statusCode: number;
  type: string;
  value: Card;
}

let replyCounter = 0;

/** The adaptiveCard/action invoke of one click; `replyToId` is the message holding the card. */
export async function invoke(
  bot: Talker,
  verb: string,
  data: unknown,
  user: SandboxUser = AVERY,
  replyToId = `card-${++replyCounter}`,
): Promise<InvokeBody> {
  const activity = bot.activity('invoke-action', { ...from(user), replyToId });
  activity.value = { action: { type: 'Action.Execute', verb, data } };
  const res = await bot.send(activity);
  expect(res.status).toBe(200);
  return res.body as InvokeBody;
}

function walk(value: unknown, visit: (obj: Json) => void): void {
  if (Array.isArray(value)) return value.forEach((v) => walk(v, visit));
  if (!value || typeof value !== 'object') return;
  visit(value as Json);
  for (const [key, child] of Object.entries(value)) if (key !== 'data') walk(child, visit);
}

export interface Button {
  title: string;
  verb: string;
  data: Json;
}

export function buttons(card: Card): Button[] {
  const out: Button[] = [];
  walk(card, (obj) => {
    if (obj.type === 'Action.Execute') out.push(obj as unknown as Button);
  });
  return out;
}

export function button(card: Card, verbOrTitle: string, index = 0): Button {
  const found = buttons(card).filter((b) => b.verb === verbOrTitle || b.title === verbOrTitle);
  if (!found[index])
    throw new Error(
      `no button "${verbOrTitle}" on the card; it has: ${buttons(card)
        .map((b) => `${b.title} (${b.verb})`)
        .join(', ')}`,
    );
  return found[index]!;
}

/** Every input of the card with the value it shows, by id (what Teams merges into `data`). */
export function cardInputs(card: Card): Record<string, string> {
  const inputs: Record<string, string> = {};
  walk(card, (obj) => {
    if (typeof obj.type !== 'string' || !obj.type.startsWith('Input.')) return;
    const fallback = obj.type === 'Input.Toggle' ? String(obj.valueOff ?? 'false') : '';
    inputs[String(obj.id)] = obj.value === undefined ? fallback : String(obj.value);
  });
  return inputs;
}

/** Presses a button of `card` as Teams does: its data with the card's inputs (and `typed`). */
export async function press(
  bot: Talker,
  card: Card,
  verbOrTitle: string,
  options: { typed?: Record<string, string>; user?: SandboxUser; replyToId?: string } = {},
): Promise<InvokeBody> {
  const action = button(card, verbOrTitle);
  const data = { ...action.data, ...cardInputs(card), ...options.typed };
  return invoke(bot, action.verb, data, options.user, options.replyToId);
}

/** The card an invoke answered with (fails the test on anything else). */
export function cardOf(body: InvokeBody): Card {
  if (body.statusCode !== 200 || body.type !== 'application/vnd.microsoft.card.adaptive')
    throw new Error(`expected a card, got ${JSON.stringify(body).slice(0, 400)}`);
  return body.value;
}

/**
 * The card a button opened as a new message (issue 12 item 4: buttons on alerts, results, history
 * and Add flow leave their card as it is): the invoke answered with a message, the card was posted.
 */
export function openedBy(bot: Talker, body: InvokeBody): Card {
  if (body.statusCode !== 200 || body.type !== 'application/vnd.microsoft.activity.message')
    throw new Error(
      `expected a message (card left as it is), got ${JSON.stringify(body).slice(0, 400)}`,
    );
  const posted = bot.connector.calls.filter(
    (c) => c.method === 'POST' && c.activity?.attachments?.length,
  );
  return posted.at(-1)?.activity.attachments[0].content;
}

/** Graph writes (POST/PATCH/DELETE) the emulator has recorded, by anyone. */
export const graphWrites = (bot: TestBot) =>
  bot.app.sandbox!.emulator.control.requests().filter((r) => r.method !== 'GET');

/** The message updates (updateActivity → PUT) the connector received for one activity id. */
export const updatesOf = (bot: Talker, activityId: string) =>
  bot.connector.calls.filter((c) => c.method === 'PUT' && c.activityId === activityId);

/** Graph as the sandbox admin, for setting up and checking state behind the bot's back. */
export const adminGraph = (bot: TestBot) =>
  bot.app.services.graph.forUser({
    user: { aadObjectId: AVERY.aadObjectId, name: AVERY.name },
    conversation: { id: 'test-setup', type: 'personal' },
  });
