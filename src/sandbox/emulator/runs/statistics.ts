/**
 * Emulated run statistics: the sample district's SIS (a few thousand students, a few hundred
 * teachers) grows a little with every run, and the counts of a run follow from its number, its
 * status and, while it runs, its progress — so they are the same on every read and after a
 * restart. The answer has the documented shape (industrydata-industrydatarunstatistics.md,
 * industrydata-inboundactivityresults.md, industrydata-aggregatedinboundstatistics.md), not the
 * getStatistics example's (see README.md, "Runs: where the docs are silent or contradict themselves").
 */
import type { FinalRunStatus, StoredRun } from './state';

const NS = '#microsoft.graph.industryData';
/** The inbound activity every emulated run reports: the district's SIS upload. */
export const INBOUND_ACTIVITY_NAME = 'Contoso Schools SIS (CSV upload)';

/** A failed run was cancelled part-way: it reports what it had read by then. */
const FAILED_AT_PROGRESS = 0.35;

interface District {
  students: number;
  teachers: number;
  groups: number;
  memberships: number;
  organizations: number;
}

function districtAt(sequence: number): District {
  return {
    students: 4210 + 6 * sequence,
    teachers: 318 + Math.floor(sequence / 4),
    groups: 612 + Math.floor(sequence / 2),
    memberships: 9840 + 18 * sequence,
    organizations: 12,
  };
}

/** Errors and warnings a run ends with, by status (errors win over warnings, as documented). */
export function countsFor(
  status: FinalRunStatus,
  sequence: number,
): { errors: number; warnings: number } {
  switch (status) {
    case 'completedWithErrors':
      return { errors: 212 + (sequence % 7) * 3, warnings: 12 + (sequence % 3) };
    case 'completedWithWarnings':
      return { errors: 0, warnings: 35 + (sequence % 5) * 4 };
    default:
      return { errors: 0, warnings: 0 };
  }
}

function progressOf(run: StoredRun, nowMs: number): number {
  if (run.status === 'failed') return FAILED_AT_PROGRESS;
  if (run.status !== 'running') return 1;
  const start = Date.parse(run.startDateTime);
  const span = Math.max(1, Date.parse(run.finishAt) - start);
  return Math.min(1, Math.max(0, (nowMs - start) / span));
}

const ACTIVITY_STATUS: Record<StoredRun['status'], string> = {
  running: 'inProgress',
  failed: 'failed',
  completed: 'completed',
  completedWithErrors: 'completedWithErrors',
  completedWithWarnings: 'completedWithWarnings',
};

const entity = (active: number, inactive: number) => ({
  active,
  inactive,
  total: active + inactive,
});

/** The body of `GET /runs/{id}/getStatistics`. */
export function serializeStatistics(run: StoredRun, nowMs: number): Record<string, unknown> {
  const p = progressOf(run, nowMs);
  const part = (n: number) => Math.floor(n * p);
  const d = districtAt(run.sequence);
  const errors = part(run.errors);
  const warnings = part(run.warnings);
  // Records with errors are people whose required data did not match: they count as unmatched.
  const unmatchedStudents = part(14) + errors;
  const unmatchedTeachers = part(2);
  const students = part(d.students);
  const teachers = part(d.teachers);
  const matched = [
    { count: Math.max(0, students - unmatchedStudents), role: 'student' },
    { count: Math.max(0, teachers - unmatchedTeachers), role: 'teacher' },
  ];
  const unmatched = [
    { count: unmatchedStudents, role: 'student' },
    { count: unmatchedTeachers, role: 'teacher' },
  ].filter((r) => r.count > 0);
  const people = students + teachers;
  return {
    '@odata.type': `${NS}.industryDataRunStatistics`,
    activityStatistics: [
      {
        '@odata.type': `${NS}.inboundActivityResults`,
        activityId: run.activityId,
        displayName: INBOUND_ACTIVITY_NAME,
        status: ACTIVITY_STATUS[run.status],
        errors,
        warnings,
        groups: entity(part(d.groups), part(23)),
        memberships: entity(part(d.memberships), part(140)),
        organizations: entity(part(d.organizations), 0),
        people: entity(people, part(57)),
        matchedPeopleByRole: matched,
        unmatchedPeopleByRole: unmatched,
      },
    ],
    inboundTotals: {
      errors,
      groups: part(d.groups),
      matchedPeopleByRole: matched,
      memberships: part(d.memberships),
      organizations: part(d.organizations),
      people,
      unmatchedPeopleByRole: unmatched,
      warnings,
    },
    runId: run.id,
    status: run.status,
  };
}
