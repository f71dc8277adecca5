/**
 * Page helpers for the Microsoft 365 Agents Playground 0.2.28 web UI (found by exploring its DOM):
 * - conversations are buttons with role "treeitem" named "Personal Chat", the group chat's name
 *   ("District IT admins"), and "<team> - <channel>" ("Contoso District IT - General");
 * - the compose box is a Lexical editor: [role="textbox"][data-lexical-editor="true"]. In a
 *   channel the first one is "Start a new post" (sent with the "Post" button) and every thread has
 *   its own reply box (sent with Enter); in chats there is one box, sent with Enter;
 * - in channels and group chats the bot only receives messages that @mention it: type "@", pick
 *   the bot in #typeahead-menu [role="menuitem"]; the activity text becomes "<at>SDS Flow Admin</at> …";
 * - Adaptive Cards render as .ac-adaptiveCard (the same renderer as Teams);
 * - the log panel on the right is a contenteditable div that echoes message texts (" help").
 */
import type { Locator, Page } from 'playwright-core';

export const BOT_NAME = 'SDS Flow Admin';
const COMPOSE = '[role="textbox"][data-lexical-editor="true"]';
const CARD_CLASS = "contains(concat(' ', normalize-space(@class), ' '), ' ac-adaptiveCard ')";

export async function openConversation(page: Page, name: string): Promise<void> {
  await page.getByRole('treeitem', { name, exact: true }).click({ timeout: 15_000 });
}

/**
 * Types a message and sends it. `mention` @mentions the bot first (needed in channels and group
 * chats). In a channel, `thread: 'new'` starts a post; the default replies in the newest thread.
 */
export async function sendMessage(
  page: Page,
  text: string,
  options: { mention?: boolean; thread?: 'new' | 'last' } = {},
): Promise<void> {
  const boxes = page.locator(COMPOSE);
  await boxes.first().waitFor({ timeout: 15_000 });
  const isChannel = await page.getByRole('button', { name: 'Post', exact: true }).isVisible();
  const box = isChannel && options.thread !== 'new' ? boxes.nth(1) : boxes.first();
  await box.click();
  if (options.mention) {
    await page.keyboard.type(`@${BOT_NAME.slice(0, 3)}`);
    await page
      .locator('#typeahead-menu [role="menuitem"]', { hasText: BOT_NAME })
      .click({ timeout: 5_000 });
    await page.keyboard.type(' ');
  }
  await page.keyboard.type(text);
  if (isChannel && options.thread === 'new')
    await page.getByRole('button', { name: 'Post', exact: true }).click();
  else await page.keyboard.press('Enter');
}

/**
 * The first Adaptive Card shown after the newest message whose own text is `after`, and that
 * contains `containing`. Anchoring on the sent message ignores welcome cards sent earlier.
 */
export async function waitForReplyCard(
  page: Page,
  options: { after: string; containing: string; timeoutMs?: number },
): Promise<Locator> {
  // The log panel and the compose boxes are contenteditable and echo the text too: skip them.
  const sent = `(//*[normalize-space(text())=${xpathLiteral(options.after)}][not(ancestor-or-self::*[@contenteditable])])[last()]`;
  const card = page
    .locator(`xpath=${sent}/following::*[${CARD_CLASS}]`)
    .filter({ hasText: options.containing })
    .first();
  await card.waitFor({ state: 'visible', timeout: options.timeoutMs ?? 20_000 });
  return card;
}

/**
 * Waits until a card's text contains (or, with `absent`, no longer contains) `text`. Cards are
 * replaced in place by Action.Execute responses, so the same locator sees each new version.
 */
export async function untilText(
  card: Locator,
  text: string | RegExp,
  options: { absent?: boolean; timeoutMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  const has = (t: string) => (typeof text === 'string' ? t.includes(text) : text.test(t));
  for (;;) {
    const current = await card.innerText().catch(() => '');
    if (has(current) !== Boolean(options.absent)) return;
    if (Date.now() > deadline) {
      throw new Error(
        `card ${options.absent ? 'still contains' : 'never showed'} ${String(text)}:\n${current}`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

function xpathLiteral(text: string): string {
  if (!text.includes("'")) return `'${text}'`;
  if (!text.includes('"')) return `"${text}"`;
  return `concat(${text
    .split("'")
    .map((part) => `'${part}'`)
    .join(`, "'", `)})`;
}
