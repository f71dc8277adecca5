/**
 * The reverse of an edit, as a request body (undo is a reverse diff). Only
 * the fields the edit changed go back to their earlier values; every other field keeps what is
 * stored now, so an undo never rolls back someone else's later change to another field. Pure.
 */
import { diffFields, type FieldLabels } from '../domain/diff';

type Shape = Record<string, unknown>;
const isShape = (v: unknown): v is Shape => !!v && typeof v === 'object' && !Array.isArray(v);

/** Members a request body may set to null: the set's filter (no filter) and the age group (docs/graph-notes.md#types). */
const NULLABLE_MEMBERS = new Set(['filter', 'studentAgeGroup']);

/** Paths (diff.ts) of every field that differs between two shapes, by the labels' rules. */
export const changedPaths = (from: unknown, to: unknown, labels: FieldLabels): string[] =>
  diffFields(from, to, labels).map((row) => row.path);

const touches = (paths: readonly string[], path: string) =>
  paths.some((p) => p === path || p.startsWith(`${path}.`) || p.startsWith(`${path}[`));

/**
 * `current` with the fields at `paths` set back to their values in `before`. Objects are walked
 * member by member; a changed array (e.g. the schools of a filter, a flow's role groups) is
 * restored whole. A field the snapshot does not hold is left as it is now.
 */
export function restoreFields(
  current: unknown,
  before: unknown,
  paths: readonly string[],
): unknown {
  const walk = (now: unknown, then: unknown, path: string): unknown => {
    if (path && !touches(paths, path)) return now;
    if (isShape(now) && isShape(then)) {
      const keys = [...new Set([...Object.keys(now), ...Object.keys(then)])];
      return Object.fromEntries(
        keys
          .map((key) => [key, walk(now[key], then[key], path ? `${path}.${key}` : key)] as const)
          .filter(([, value]) => value !== undefined),
      );
    }
    if (then === undefined) return now;
    // "none" was stored as null, but a body sends an empty list (bodies.ts arrays are not nullable).
    if (then === null && Array.isArray(now)) return [];
    return then;
  };
  return paths.length ? walk(current, before, '') : current;
}

/**
 * A stored shape as a request body: nulls Graph returns for "not set" are left out (the body
 * schemas do not accept them), except where null itself is the value to send.
 */
export function bodyFromShape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => bodyFromShape(v));
  if (!isShape(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k, v]) => v !== undefined && (v !== null || NULLABLE_MEMBERS.has(k)))
      .map(([k, v]) => [k, bodyFromShape(v)]),
  );
}
