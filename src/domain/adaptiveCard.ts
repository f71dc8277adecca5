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
