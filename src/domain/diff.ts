/**
 * Field-by-field difference between two plain JSON values (a stored object and a proposed
 * request body, in the same shape), for the preview card: one row per changed leaf, with a label
 * in plain admin language and both values as display text. Pure: no I/O.
 *
 * Paths are dot-separated; array items are written `[key]` (matched by an identifying member)
 * or `[index]`. Label patterns write every array item as `[]`, e.g.
 * `creationOptions.configurations[].licenseSkus`.
 */
import { formatValue, humanize, NOT_SET, type FieldSpec } from './fieldFormat';

export { formatValue, humanize, NONE, NOT_SET } from './fieldFormat';
export type { FieldSpec } from './fieldFormat';

export type FieldLabels = Record<string, string | FieldSpec>;

export interface FieldChange {
  path: string;
  label: string;
  before: string;
  after: string;
}

export const PASSWORD_HIDDEN = '(hidden)';
export const PASSWORD_NEW = '(new password set)';

type Json = unknown;
type SpecOf = (pattern: string) => FieldSpec | undefined;
interface Walk {
  path: string;
  pattern: string;
  prefix: string; // label prefix of the enclosing array item, e.g. "Role group staff: "
  unset?: string;
  beforeParentExists: boolean;
  /** No `before` at all: a create. Fields left unset that mean something are still shown. */
  creating: boolean;
}

const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isUnset = (v: Json) => v === null || v === undefined;
const join = (base: string, key: string) => (base ? `${base}.${key}` : key);

/** Passwords are never displayed, whatever their path's label says (and never logged). */
export const isPasswordPath = (path: string) => /password/i.test(path);

/**
 * What Graph stores after a PATCH of `body` onto `before` (docs/graph-notes.md#patch-merge):
 * members left out of the body keep their values, nested objects merge member by member,
 * collections, scalars and null replace. An edit's preview diffs `before` against this, never
 * against the bare body: a section the admin left alone is not in the body, and is not a removal.
 */
export function afterPatch(before: Json, body: Json): Json {
  if (!isObject(body) || !isObject(before)) return body;
  const merged: Record<string, Json> = { ...before };
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue;
    merged[key] = isObject(value) && isObject(before[key]) ? afterPatch(before[key], value) : value;
  }
  return merged;
}

/** Every changed field between `before` (null for a create) and `after`. */
export function diffFields(before: Json, after: Json, labels: FieldLabels): FieldChange[] {
  const specOf: SpecOf = (pattern) => {
    const s = labels[pattern];
    return typeof s === 'string' ? { label: s } : s;
  };
  const start: Walk = {
    path: '',
    pattern: '',
    prefix: '',
    beforeParentExists: !isUnset(before),
    creating: isUnset(before),
  };
  return walk(before, after, start, specOf);
}

function walk(b: Json, a: Json, at: Walk, specOf: SpecOf): FieldChange[] {
  const spec = specOf(at.pattern);
  if (spec?.hidden) return [];
  const here: Walk = { ...at, unset: spec?.unset ?? at.unset };
  if (at.path && isPasswordPath(at.path)) return passwordChange(b, a, here, spec);
  if (isObject(b) || isObject(a)) return walkObject(b, a, here, specOf);
  const items = [...(Array.isArray(b) ? b : []), ...(Array.isArray(a) ? a : [])];
  if (items.some(isObject)) return walkItems(b, a, here, spec, specOf);
  const changed =
    Array.isArray(b) || Array.isArray(a) ? arrayChange(b, a, here, spec) : leaf(b, a, here, spec);
  return changed ? [changed] : [];
}

function walkObject(b: Json, a: Json, at: Walk, specOf: SpecOf): FieldChange[] {
  const bo = isObject(b) ? b : {};
  const ao = isObject(a) ? a : {};
  const keys = [...new Set([...Object.keys(ao), ...Object.keys(bo)])];
  return keys.flatMap((key) =>
    walk(
      bo[key],
      ao[key],
      {
        ...at,
        path: join(at.path, key),
        pattern: join(at.pattern, key),
        beforeParentExists: isObject(b),
      },
      specOf,
    ),
  );
}

/** Arrays of objects: match items by `spec.key` when given, else by position. */
function walkItems(
  b: Json,
  a: Json,
  at: Walk,
  spec: FieldSpec | undefined,
  specOf: SpecOf,
): FieldChange[] {
  const bl = Array.isArray(b) ? b : [];
  const al = Array.isArray(a) ? a : [];
  const idOf = (item: Json, i: number) =>
    spec?.key && isObject(item) && !isUnset(item[spec.key])
      ? String(item[spec.key])
      : String(i + 1);
  const byId = (list: Json[]) => new Map(list.map((item, i) => [idOf(item, i), item]));
  const bm = byId(bl);
  const am = byId(al);
  const ids = [...new Set([...am.keys(), ...bm.keys()])];
  const itemLabel = spec?.label ?? humanize(at.pattern.split('.').pop() ?? '');
  return ids.flatMap((id) =>
    walk(
      bm.get(id),
      am.get(id),
      {
        ...at,
        path: `${at.path}[${id}]`,
        pattern: `${at.pattern}[]`,
        prefix: `${at.prefix}${itemLabel} ${id}: `,
      },
      specOf,
    ),
  );
}

const labelOf = (at: Walk, spec?: FieldSpec) =>
  at.prefix + (spec?.label ?? humanize(at.pattern.split('.').pop() ?? at.pattern));

function leaf(b: Json, a: Json, at: Walk, spec?: FieldSpec): FieldChange | undefined {
  // e.g. a new flow set without a filter: "Schools: All organisations (no filter)" is the point.
  if (at.creating && isUnset(a) && spec?.unset)
    return { path: at.path, label: labelOf(at, spec), before: NOT_SET, after: spec.unset };
  if ((isUnset(b) && isUnset(a)) || b === a) return undefined;
  return {
    path: at.path,
    label: labelOf(at, spec),
    before: formatValue(b, spec, at.unset),
    after: formatValue(a, spec, at.unset),
  };
}

function arrayChange(b: Json, a: Json, at: Walk, spec?: FieldSpec): FieldChange | undefined {
  const bl = Array.isArray(b) ? b : [];
  const al = Array.isArray(a) ? a : [];
  const row = (after: string) => ({
    path: at.path,
    label: labelOf(at, spec),
    before: formatValue(b, spec, at.unset),
    after,
  });
  if (spec?.compare === 'list') {
    if (JSON.stringify(bl) === JSON.stringify(al)) return undefined;
    return row(formatValue(a, spec, at.unset));
  }
  const norm = (v: Json) => (spec?.ignoreCase && typeof v === 'string' ? v.toLowerCase() : v);
  const missingFrom = (list: Json[]) => (v: Json) => !list.map(norm).includes(norm(v));
  const added = [...new Set(al.filter(missingFrom(bl)))];
  const removed = [...new Set(bl.filter(missingFrom(al)))];
  if (!added.length && !removed.length) return undefined; // same set ("not set" = none)
  // Either side not set (e.g. no filter = all schools): show the plain values, not a delta.
  if (!bl.length || !al.length) return row(formatValue(a, spec, at.unset));
  const parts = [
    added.length ? `added ${formatValue(added, spec)}` : '',
    removed.length ? `removed ${formatValue(removed, spec)}` : '',
  ];
  return row(parts.filter(Boolean).join('; '));
}

/** Graph never returns passwords (masked, docs/graph-notes.md#password-masking): only say that a new one is sent. */
function passwordChange(b: Json, a: Json, at: Walk, spec?: FieldSpec): FieldChange[] {
  if (isUnset(a) || a === '') return [];
  const before = !isUnset(b) || at.beforeParentExists ? PASSWORD_HIDDEN : (at.unset ?? NOT_SET);
  return [{ path: at.path, label: labelOf(at, spec), before, after: PASSWORD_NEW }];
}
