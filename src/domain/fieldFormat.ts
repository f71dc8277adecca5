/** How one field value reads on a card: Yes/No, "(not set)", lists, plain names of codes. */
import type { FieldSpec } from './diff';

export const NOT_SET = '(not set)';
export const NONE = '(none)';

const isUnset = (v: unknown) => v === null || v === undefined;

/** "writeDisplayNameOnCreateOnly" → "Write display name on create only" (unlabelled fields). */
export function humanize(key: string): string {
  const words = key
    .replace(/\[\]$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function formatValue(value: unknown, spec?: FieldSpec, unset = NOT_SET): string {
  if (isUnset(value)) return unset;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value))
    return value.length ? value.map((v) => formatValue(v, spec, unset)).join(', ') : NONE;
  if (typeof value === 'string') return value === '' ? '(empty)' : (spec?.values?.[value] ?? value);
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}
