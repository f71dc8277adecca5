/** Helpers for the audit component tests: drive a change through preview and Apply. */
import type { StoredAuditEntry } from '../../src/history';
import { button, cardFor, cardOf, press, type Card } from '../changes/support';
import type { TestBot } from '../support/testBot';

export const changeIdOf = (preview: Card): string =>
  button(preview, 'Apply').data.changeId as string;

/** `edit {set}` → form with `typed` → preview → Apply; returns the change id and both cards. */
export async function editSet(bot: TestBot, set: string, typed: Record<string, string>) {
  const form = await cardFor(bot, `edit ${set}`);
  const preview = cardOf(await press(bot, form, 'flowset.preview', { typed }));
  const result = cardOf(await press(bot, preview, 'Apply'));
  return { changeId: changeIdOf(preview), preview, result };
}

/** A command whose answer is a preview, then Apply. */
export async function applyCommand(bot: TestBot, text: string) {
  const preview = await cardFor(bot, text);
  const result = cardOf(await press(bot, preview, 'Apply'));
  return { changeId: changeIdOf(preview), preview, result };
}

/** The Graph request-id the result card names. */
export const requestIdOn = (text: string): string | undefined =>
  /Graph request-id (\S+)/.exec(text)?.[1];

export const entriesOf = async (bot: TestBot, changeId: string): Promise<StoredAuditEntry[]> =>
  (await bot.app.services.audit.list({ changeId })).entries;
