/**
 * Binds request-body property names to a type's declared names case-insensitively, before zod
 * sees the body. The published examples send `createBasedOnOrgPlusroleGroup` and
 * `createBasedOnroleGroup` and the service answered with the canonical names (docs/graph-notes.md#property-name-casing,
 * docs/graph-notes.md#property-name-casing), so the emulator does the same. Instance annotations it does not use (any key with an
 * `@`, such as `roleGroup@odata.context` or `@odata.etag`) are dropped as OData says; any other
 * unknown property is a 400 naming the property and the type.
 */
import { z } from 'zod';
import { badRequest } from './graphErrors';

export type BodyPath = ReadonlyArray<string | number>;

export function formatPath(path: BodyPath): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}

/** Strips optional/nullable wrappers to reach the object or array schema underneath. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function bindPropertyNames(value: unknown, schema: z.ZodType, path: BodyPath = []): unknown {
  const target = unwrap(schema);
  if (target instanceof z.ZodArray && Array.isArray(value)) {
    return value.map((item, i) =>
      bindPropertyNames(item, target.element as z.ZodType, [...path, i]),
    );
  }
  if (target instanceof z.ZodObject && isPlainObject(value)) {
    return bindObject(value, target, path);
  }
  return value;
}

function bindObject(
  value: Record<string, unknown>,
  schema: z.ZodObject,
  path: BodyPath,
): Record<string, unknown> {
  const shape = schema.shape as Record<string, z.ZodType>;
  const declared = new Map(Object.keys(shape).map((name) => [name.toLowerCase(), name]));
  const bound: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const name = declared.get(key.toLowerCase());
    if (name === undefined) {
      if (key.includes('@')) continue;
      throw unknownProperty(key, path, schema.description);
    }
    if (Object.prototype.hasOwnProperty.call(bound, name)) {
      throw badRequest(
        `The property '${formatPath([...path, name])}' is specified more than once (property names are matched case-insensitively).`,
      );
    }
    bound[name] = bindPropertyNames(child, shape[name] as z.ZodType, [...path, name]);
  }
  return bound;
}

function unknownProperty(key: string, path: BodyPath, typeName: string | undefined) {
  const where = path.length ? ` (at '${formatPath(path)}')` : '';
  return badRequest(
    `The property '${key}' does not exist on type '${typeName ?? 'unknown'}'${where}. Make sure to only use property names that are defined by the type.`,
    [
      {
        code: 'invalidProperty',
        message: `Unknown property '${key}'.`,
        target: formatPath([...path, key]),
      },
    ],
  );
}
