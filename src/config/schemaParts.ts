/** Small zod building blocks for environment values (all env values arrive as strings). */
import { z } from 'zod';

export const port = (fallback: number) =>
  z.coerce.number().int().min(0).max(65535).default(fallback);
export const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));
export const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
    .optional()
    .transform((v) => (v === undefined ? fallback : ['true', '1', 'yes', 'on'].includes(v)));

/** A key table: key → schema, and the hint printed when the value is wrong. */
export type KeyTable = Record<string, { schema: z.ZodType; hint: string }>;
/** The parsed values of a key table. */
export type RawOf<T extends KeyTable> = { [K in keyof T]: z.output<T[K]['schema']> };
