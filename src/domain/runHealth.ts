/**
 * Sync-run health in words: a badge per run status, durations, a blocking error in plain words and
 * the change of a run's statistics against the previous run ("unmatched students up by 212").
 * Pure. Status meanings from the run resource page (microsoft-graph-docs-contrib
 * api-reference/beta/resources/industrydata-industrydatarun.md); totals from
 * api-reference/beta/resources/industrydata-aggregatedinboundstatistics.md.
 * The shapes here are structural, so the zod-parsed Graph types (domain/runSchemas.ts) fit them.
 */
import type { BadgeColor } from './flowSummary';

export interface RunError {
  code?: string | null;
  message?: string | null;
  target?: string | null;
}

export interface RunLike {
  id: string;
  displayName?: string | null;
  status?: string | null;
  startDateTime?: string | null;
  endDateTime?: string | null;
  blockingError?: RunError | null;
}

export interface RoleCount {
  role?: string | null;
  count?: number | null;
}

export interface RunTotalsLike {
  errors?: number | null;
  warnings?: number | null;
  groups?: number | null;
  memberships?: number | null;
  organizations?: number | null;
  people?: number | null;
  matchedPeopleByRole?: readonly RoleCount[] | null;
  unmatchedPeopleByRole?: readonly RoleCount[] | null;
}

export interface RunStatisticsLike {
  inboundTotals?: RunTotalsLike | null;
}

export interface RunBadge {
  /** Plain symbols only (✓ ✗ ! …): emoji need an emoji font. */
  text: string;
  color: BadgeColor;
  /** The Teams Badge element's style. */
  style: 'Good' | 'Warning' | 'Attention' | 'Informative' | 'Default';
}

const RUN_BADGES: Record<string, RunBadge> = {
  running: { text: '… running', color: 'Default', style: 'Informative' },
  completed: { text: '✓ completed', color: 'Good', style: 'Good' },
  completedWithWarnings: { text: '! completed with warnings', color: 'Warning', style: 'Warning' },
  completedWithErrors: { text: '✗ completed with errors', color: 'Attention', style: 'Attention' },
  failed: { text: '✗ failed', color: 'Attention', style: 'Attention' },
};

export function runBadge(status: string | null | undefined): RunBadge {
  if (status && Object.hasOwn(RUN_BADGES, status)) return RUN_BADGES[status]!;
  return { text: `? ${status || 'unknown'}`, color: 'Default', style: 'Default' };
}

/** Statuses a subscribed conversation hears about: the run ended and something needs a look. */
export const NOTIFIED_RUN_STATUSES = [
  'failed',
  'completedWithErrors',
  'completedWithWarnings',
] as const;
export const FINAL_RUN_STATUSES = ['completed', ...NOTIFIED_RUN_STATUSES] as const;
export const isFinalRun = (status: string | null | undefined): boolean =>
  (FINAL_RUN_STATUSES as readonly string[]).includes(status ?? '');
export const isNotifiedRun = (status: string | null | undefined): boolean =>
  (NOTIFIED_RUN_STATUSES as readonly string[]).includes(status ?? '');

/** "1 h 50 min", "12 min", "under a minute"; "—" when the start is unknown. */
export function durationWords(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return `${m} min`;
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** The run's duration, or how long it has been running. */
export function runDuration(run: RunLike, now: Date): string {
  const start = Date.parse(run.startDateTime ?? '');
  if (Number.isNaN(start)) return '—';
  const end = run.endDateTime ? Date.parse(run.endDateTime) : NaN;
  if (Number.isNaN(end)) return `running for ${durationWords(now.getTime() - start)}`;
  return durationWords(end - start);
}

/**
 * A blocking error in plain words: Graph's message (written for developers, per the publicError
 * page) with its target, prefixed by what it means for the admin. '' when there is none.
 */
export function blockingErrorWords(error: RunError | null | undefined): string {
  if (!error || (!error.message && !error.code)) return '';
  const what = (error.message ?? '').trim() || `error code ${error.code}`;
  const where = error.target ? ` (in ${error.target})` : '';
  return `The run stopped before it finished: ${what.replace(/\.$/, '')}${where}.`;
}

/** "student" → "students"; free-text roles kept as Graph wrote them. */
export function roleWord(role: string | null | undefined, count = 2): string {
  const r = (role ?? '').trim() || 'unknown role';
  if (count === 1) return r;
  return /s$/i.test(r) ? r : `${r}s`;
}

const n = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export interface TotalRow {
  label: string;
  value: number;
}

/** The counts of a run's totals, in a fixed order, for facts and fallbacks. */
export function totalsRows(t: RunTotalsLike | null | undefined): TotalRow[] {
  return [
    { label: 'Errors', value: n(t?.errors) },
    { label: 'Warnings', value: n(t?.warnings) },
    { label: 'People', value: n(t?.people) },
    { label: 'Groups', value: n(t?.groups) },
    { label: 'Memberships', value: n(t?.memberships) },
    { label: 'Organizations', value: n(t?.organizations) },
  ];
}

export interface RoleRow {
  role: string;
  matched: number;
  unmatched: number;
}

/** Matched and unmatched people per role, roles in first-seen order (students, teachers, …). */
export function roleRows(t: RunTotalsLike | null | undefined): RoleRow[] {
  const rows = new Map<string, RoleRow>();
  const row = (role: string | null | undefined) => {
    const key = (role ?? '').trim() || 'unknown role';
    if (!rows.has(key)) rows.set(key, { role: key, matched: 0, unmatched: 0 });
    return rows.get(key)!;
  };
  for (const c of t?.matchedPeopleByRole ?? []) row(c.role).matched += n(c.count);
  for (const c of t?.unmatchedPeopleByRole ?? []) row(c.role).unmatched += n(c.count);
  return [...rows.values()];
}

export interface RunDelta {
  /** "unmatched students", "errors", "people". */
  what: string;
  before: number;
  after: number;
}

/** "unmatched students up by 212", "errors down by 3 (to 0)". */
export function deltaWords(d: RunDelta): string {
  const diff = d.after - d.before;
  const direction = diff > 0 ? 'up' : 'down';
  return `${d.what} ${direction} by ${Math.abs(diff).toLocaleString('en-US')} (${d.before.toLocaleString('en-US')} → ${d.after.toLocaleString('en-US')})`;
}

/** What moved between the previous run's totals and this run's; unchanged counts are left out. */
export function runDeltas(
  before: RunTotalsLike | null | undefined,
  after: RunTotalsLike | null | undefined,
): RunDelta[] {
  if (!before || !after) return [];
  const out: RunDelta[] = [];
  const was = new Map(totalsRows(before).map((r) => [r.label, r.value]));
  for (const row of totalsRows(after)) {
    const b = was.get(row.label) ?? 0;
    if (b !== row.value) out.push({ what: row.label.toLowerCase(), before: b, after: row.value });
  }
  const rolesBefore = new Map(roleRows(before).map((r) => [r.role, r]));
  const roles = new Map(roleRows(after).map((r) => [r.role, r]));
  for (const role of new Set([...rolesBefore.keys(), ...roles.keys()])) {
    const b = rolesBefore.get(role) ?? { matched: 0, unmatched: 0 };
    const a = roles.get(role) ?? { matched: 0, unmatched: 0 };
    if (a.unmatched !== b.unmatched)
      out.push({ what: `unmatched ${roleWord(role)}`, before: b.unmatched, after: a.unmatched });
    if (a.matched !== b.matched)
      out.push({ what: `matched ${roleWord(role)}`, before: b.matched, after: a.matched });
  }
  return out;
}

/** Newest first by start time (Graph's order is not documented). */
export function newestFirst<R extends RunLike>(runs: readonly R[]): R[] {
  const at = (r: RunLike) => Date.parse(r.startDateTime ?? '') || 0;
  return [...runs].sort((a, b) => at(b) - at(a));
}

/** The run that finished before `run` (the one its statistics are compared with). */
export function previousRun<R extends RunLike>(runs: readonly R[], run: RunLike): R | undefined {
  const start = Date.parse(run.startDateTime ?? '') || 0;
  return newestFirst(runs).find(
    (r) =>
      r.id !== run.id && isFinalRun(r.status) && (Date.parse(r.startDateTime ?? '') || 0) < start,
  );
}
