/** Helpers for the command component tests: say something to the bot, click a card button. */
import { SANDBOX_USERS } from '../../src/sandbox/users';
import type { Activity } from '../support/activities';
import { cardsSentTo, type TestBot } from '../support/testBot';

export const AVERY = SANDBOX_USERS[0]!;
export const DANA = SANDBOX_USERS.find((u) => u.name === 'Dana Teacher')!;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Card = any;

/** Sends a 1:1 message and returns the card the bot answered with. */
export async function say(bot: TestBot, text: string, overrides: Activity = {}): Promise<Card> {
  const activity = bot.activity('message-personal', { text, ...overrides });
  const res = await bot.send(activity);
  expect(res.status).toBe(200);
  const cards = cardsSentTo(bot.connector, activity.conversation.id);
  const card = cards[cards.length - 1];
  expect(card?.type).toBe('AdaptiveCard');
  return card;
}

export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

/** Every Action.Execute of a card, card-level and inside ActionSets, in document order. */
export function executeActions(card: Card): ExecuteAction[] {
  const out: ExecuteAction[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'Action.Execute') out.push(record as unknown as ExecuteAction);
    Object.values(record).forEach(walk);
  };
  walk(card);
  return out;
}

/** Sends the adaptiveCard/action invoke Teams sends when a button is clicked; returns the card. */
export async function click(bot: TestBot, action: ExecuteAction): Promise<Card> {
  const activity = bot.activity('invoke-action');
  activity.value = { action: { type: 'Action.Execute', verb: action.verb, data: action.data } };
  const res = await bot.send(activity);
  expect(res.status).toBe(200);
  const body = res.body as { statusCode: number; value: Card };
  expect(body.statusCode).toBe(200);
  return body.value;
}

/** Graph requests (method + path) the emulator saw while `fn` ran. */
export async function graphCallsDuring(
  bot: TestBot,
  fn: () => Promise<unknown>,
): Promise<Array<{ method: string; path: string }>> {
  const control = bot.app.sandbox!.emulator.control;
  control.clearRequests();
  await fn();
  return control.requests().map(({ method, path }) => ({ method, path }));
}

/** Flow sets created through the app's own Graph access, as the sandbox admin. */
export async function createFlowSets(bot: TestBot, names: string[]): Promise<string[]> {
  const api = bot.app.services.graph.forUser({
    user: { aadObjectId: AVERY.aadObjectId, name: AVERY.name },
    conversation: { id: 'test-setup', type: 'personal' },
  });
  const ids: string[] = [];
  for (const displayName of names) ids.push((await api.createFlowSet({ displayName })).data.id);
  return ids;
}
