/**
 * A rendered Adaptive Card (JSON), as use cases pass it on to be posted or updated in another
 * conversation. Only views/ builds one (views/render.ts); everything else treats it as opaque.
 */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: string;
  body: unknown[];
  actions?: unknown[];
  [key: string]: unknown;
}

/**
 * A button whose data has `newMessage: true` sits on a card that must stay as it is (an alert, a
 * result, a history card): what it opens comes as a new message and the clicked card is left
 * unchanged (src/bot/action.ts asNewMessage). Only a form's and a preview's own buttons replace them.
 */
export const NEW_MESSAGE_KEY = 'newMessage';
