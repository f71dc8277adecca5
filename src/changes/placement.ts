/**
 * A preview card sent as the reply to a typed command (`delete Northwind`) is posted by the turn
 * handler, so the change learns its message id only afterwards. Recording it lets the expiry
 * sweep update that card like any other (buttons removed, "expired").
 */
import { type AdaptiveCard } from '../domain/adaptiveCard';
import type { PendingChangeStore } from './pendingChangeStore';

const PREVIEW_VERBS = new Set(['change.apply', 'change.cancel', 'approval.request']);

/** Change ids named by the preview buttons of a card. */
export function previewChangeIds(card: AdaptiveCard): string[] {
  const ids = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const { verb, data } = node as { verb?: unknown; data?: { changeId?: unknown } };
    if (typeof verb === 'string' && PREVIEW_VERBS.has(verb) && typeof data?.changeId === 'string') {
      ids.add(data.changeId);
    }
    Object.values(node).forEach(walk);
  };
  walk(card);
  return [...ids];
}

export async function rememberPreviewPlacement(
  changes: PendingChangeStore,
  card: AdaptiveCard,
  placement: { conversationId: string; activityId?: string },
): Promise<void> {
  if (!placement.activityId) return;
  for (const id of previewChangeIds(card)) {
    const change = await changes.get(id);
    if (!change || change.card?.activityId) continue;
    // A concurrent transition (an instant Apply) wins: the card is then updated by that path.
    await changes
      .update({
        ...change,
        card: { conversationId: placement.conversationId, activityId: placement.activityId },
      })
      .catch(() => undefined);
  }
}
