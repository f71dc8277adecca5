/**
 * PATCH semantics (docs/graph-notes.md#patch-merge, standard OData): properties left out keep their values,
 * nested complex values are merged property by property, and collections (and scalars, and
 * null) are replaced wholesale.
 */
export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function mergePatch(base: unknown, patch: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = isPlainObject(base) ? { ...base } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const current = merged[key];
    merged[key] =
      isPlainObject(value) && isPlainObject(current) ? mergePatch(current, value) : value;
  }
  return merged;
}

/** Drops `@odata.type` annotations and undefined values: stored state carries neither. */
export function withoutAnnotations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutAnnotations);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === '@odata.type' || child === undefined) continue;
    out[key] = withoutAnnotations(child);
  }
  return out;
}
