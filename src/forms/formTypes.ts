/**
 * The shapes every edit form shares: what a parse returns, and the keys the card's action data
 * carries besides the inputs (Teams merges input values into `data` by input id,
 * docs/teams-notes.md#invoke-responses, so an input id equal to one of these would overwrite it).
 */
export type FormErrors = Record<string, string>;
export type FormValues = Record<string, unknown>;
export type FormResult<T> =
  | { ok: true; value: T }
  | { ok: false; errors: FormErrors; values: FormValues };

/** Keys the card data carries besides inputs; input ids must never use them. */
export const RESERVED_DATA_KEYS = ['setId', 'kind', 'flowId', 'version', 'mode'] as const;

/** Error key for a problem that belongs to no single input: shown in the summary at the top. */
export const FORM_ERROR_KEY = '_form';
