/**
 * View-model pieces every form card shares. Templates bind `v.<inputId>` (the value to show)
 * and `e.<inputId>` (the error beside the input, '' for none), so each view-model fills every
 * key: adaptivecards-templating leaves `${…}` unexpanded for a missing one.
 */
import { humanize } from '../domain/fieldFormat';
import type { FieldLabels } from '../domain/diff';
import { FORM_ERROR_KEY, type FormErrors, type FormValues } from './formTypes';
import { asText } from './inputs';

export interface Choice {
  title: string;
  value: string;
}

/** Every input's current text: the submitted values over the pre-fill. */
export function valueTexts(
  inputIds: readonly string[],
  prefill: FormValues,
  submitted: FormValues | undefined,
): Record<string, string> {
  const merged = { ...prefill, ...submitted };
  return Object.fromEntries(inputIds.map((id) => [id, asText(merged[id])]));
}

/** Every input's error text, '' for none. */
export function errorTexts(
  inputIds: readonly string[],
  errors: FormErrors | undefined,
): Record<string, string> {
  return Object.fromEntries(inputIds.map((id) => [id, errors?.[id] ?? '']));
}

/**
 * The line at the top of a card with errors: how many inputs need fixing, plus any problem that
 * belongs to no input shown on the card (it would otherwise be lost).
 */
export function errorSummary(errors: FormErrors | undefined, shownIds: readonly string[]): string {
  if (!errors) return '';
  const placed = Object.keys(errors).filter((id) => shownIds.includes(id)).length;
  const loose = Object.entries(errors)
    .filter(([id]) => !shownIds.includes(id))
    .sort(([a]) => (a === FORM_ERROR_KEY ? -1 : 0))
    .map(([, message]) => message);
  const count =
    placed === 0
      ? ''
      : `Please fix the ${placed === 1 ? 'field' : `${placed} fields`} marked below.`;
  return [...loose, count].filter(Boolean).join(' ');
}

/** Choices for a ChoiceSet, titled in admin language (or humanized codes). */
export function choicesOf(
  values: readonly string[],
  titles: Record<string, string> = {},
): Choice[] {
  return values.map((value) => ({ title: titles[value] ?? humanize(value), value }));
}

/** The label of a field path in fieldLabels.ts (shared with the preview card). */
export function labelFrom(labels: FieldLabels, path: string): string {
  const spec = labels[path];
  if (spec === undefined) return humanize(path.split('.').pop() ?? path);
  return typeof spec === 'string' ? spec : spec.label;
}

/** The plain names of a field's code values in fieldLabels.ts, if any. */
export function valueTitlesFrom(labels: FieldLabels, path: string): Record<string, string> {
  const spec = labels[path];
  return (typeof spec === 'object' && spec.values) || {};
}
