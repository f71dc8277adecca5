/**
 * Zod parsers for the raw values Teams submits (docs/teams-notes.md#invoke-responses, #card-inputs): every input value
 * arrives as a string merged into the action's `data` — a Toggle sends its valueOn/valueOff
 * (we set "true"/"false"), a multi-select ChoiceSet sends its values comma-separated, and an
 * input left empty may arrive as "" or not at all. Each input is parsed on its own so every
 * problem lands on the input it belongs to, all at once.
 */
import { z } from 'zod';
import { FORM_ERROR_KEY, RESERVED_DATA_KEYS, type FormErrors, type FormValues } from './formTypes';

export const ON = 'true';
export const OFF = 'false';

/** Any text input: missing or null reads as empty. */
export const rawText = z
  .string({ error: 'Expected text.' })
  .nullish()
  .transform((v) => v ?? '');

/** A Toggle's submitted value. */
export const toggle = () =>
  z.union([z.boolean(), z.enum([ON, OFF]).transform((v) => v === ON)], {
    error: 'Turn this on or off, then try again.',
  });

/** Entries of a free-text list: split on commas, semicolons and line breaks; trimmed; no repeats. */
export function splitList(raw: string): string[] {
  const items = raw
    .split(/[,;\r\n]+/)
    .map((item) => item.trim())
    .filter(Boolean);
  return [...new Set(items)];
}

/** A free-text list (org ids, licence SKUs). */
export const textList = () => rawText.transform(splitList);

/** A multi-select ChoiceSet: only the offered values are accepted. */
export const multiSelect = <T extends string>(offered: readonly T[], what: string) =>
  rawText.transform(splitList).transform((values, ctx): T[] => {
    for (const value of values)
      if (!(offered as readonly string[]).includes(value))
        ctx.addIssue({
          code: 'custom',
          message: `"${value}" is not one of the ${what} offered: pick from the list.`,
        });
    return values as T[];
  });

/** A single-select ChoiceSet. */
export const singleSelect = <T extends string>(offered: readonly T[], message: string) =>
  z.enum(offered as readonly [T, ...T[]], { error: message });

export type FieldShape = Record<string, z.ZodType>;
export type FieldOutputs<S extends FieldShape> = { [K in keyof S]: z.output<S[K]> };

/** The submitted data as an object (anything else reads as an empty submission). */
export function dataObject(data: unknown): Record<string, unknown> {
  return data && typeof data === 'object' && !Array.isArray(data)
    ? (data as Record<string, unknown>)
    : {};
}

/** Parses each input on its own; errors keyed by input id (first problem per input). */
export function parseFields<S extends FieldShape>(
  shape: S,
  data: Record<string, unknown>,
): { fields: FieldOutputs<S>; errors: FormErrors } {
  const fields: Record<string, unknown> = {};
  const errors: FormErrors = {};
  for (const [id, schema] of Object.entries(shape)) {
    const parsed = schema.safeParse(data[id]);
    if (parsed.success) fields[id] = parsed.data;
    else errors[id] = parsed.error.issues[0]?.message ?? 'This value is not valid.';
  }
  return { fields: fields as FieldOutputs<S>, errors };
}

/** Issues of a final schema check (e.g. bodies.ts) → input ids, via the caller's path mapping. */
export function issuesToErrors(
  issues: readonly z.core.$ZodIssue[],
  inputIdOf: (path: readonly PropertyKey[]) => string | undefined,
): FormErrors {
  const errors: FormErrors = {};
  for (const issue of issues) errors[inputIdOf(issue.path) ?? FORM_ERROR_KEY] ??= issue.message;
  return errors;
}

/** The submitted values of the given inputs, as strings, to re-fill the form. Secrets left out. */
export function submittedValues(
  data: Record<string, unknown>,
  inputIds: readonly string[],
  secretIds: readonly string[] = [],
): FormValues {
  const values: FormValues = {};
  for (const id of inputIds) {
    if (secretIds.includes(id) || (RESERVED_DATA_KEYS as readonly string[]).includes(id)) continue;
    values[id] = asText(data[id]);
  }
  return values;
}

/** A value as the text an input shows: booleans "true"/"false", lists comma-separated. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(asText).join(',');
  return '';
}

export const hasErrors = (errors: FormErrors) => Object.keys(errors).length > 0;
