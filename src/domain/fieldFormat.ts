/** How one field value reads on a card: Yes/No, "(not set)", lists, plain names of codes. */

/** How one field of a Graph object is labelled, compared and shown (diff.ts, previews, history). */
export interface FieldSpec {
  label: string;
  /** Arrays of plain values: 'set' (default; order and duplicates ignored) or 'list'. */
  compare?: 'set' | 'list';
  /** Arrays of objects: the member that identifies an item, so items match by it, not position. */
  key?: string;
  /** Text for null/undefined here and in every field below (e.g. "All organisations (no filter)"). */
  unset?: string;
  /** Sets of codes Graph normalises in case (docs/graph-notes.md#reference-codes: "paraProfessional"). */
  ignoreCase?: boolean;
  /** Plain-language names of code values (e.g. userGradeLevel → "Grade level"). */
  values?: Record<string, string>;
  /** Never shown (e.g. a discriminator that cannot change). */
  hidden?: boolean;
  /** Codes without a `values` entry read as the form offers them: "teacherAssistant" → "Teacher assistant". */
  humanizeValues?: boolean;
  /** A set value reads as this (and `unset` when not set): e.g. a role group's id → "Yes". */
  present?: string;
}

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
  if (spec?.present !== undefined && !Array.isArray(value)) return spec.present;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value))
    return value.length ? value.map((v) => formatValue(v, spec, unset)).join(', ') : NONE;
  if (typeof value === 'string') {
    if (value === '') return '(empty)';
    return spec?.values?.[value] ?? (spec?.humanizeValues ? humanize(value) : value);
  }
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}
