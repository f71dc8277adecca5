/**
 * SDS's own warnings for risky settings, keyed by field, so preview and edit cards carry them
 * next to the same fields as the SDS portal does. Wording follows the portal warnings and
 * documented pitfalls of the School Data Sync documentation (https://learn.microsoft.com/en-us/schooldatasync/:
 * org filters, "Create unmatched users" vs Entra Connect, class Teams and activation) and the reset
 * page (reset reprocesses everything, docs/graph-notes.md#reset); the deprecation date is from docs/graph-notes.md#age-group.
 */
import {
  flowKindOf,
  type FlowKind,
  type ProvisioningFlow,
  type UserProvisioningFlow,
} from './flowSchemas';
import { formatValue, type FieldChange } from './diff';
import type { ChangeKind } from './pendingChangeSchema';

export type WarningKey =
  | 'createUnmatchedUsers'
  | 'orgFilter'
  | 'reset'
  | 'markAllStudentsAsMinors'
  | 'createTeam';

export const SDS_WARNINGS: Record<WarningKey, string> = {
  createUnmatchedUsers:
    'Create unmatched users creates a Microsoft 365 account for everyone in the school data who is not matched to an existing user. ' +
    "Don't turn it on if another tool, such as Entra Connect, an HR sync or a custom integration, already creates your users.",
  orgFilter:
    'Filters decide which schools this set provisions. They are not a performance tool: ' +
    'splitting schools across sets does not make runs faster, and each extra set slows the run.',
  reset:
    'Reset reprocesses everything in this flow, not only what failed, and clears its errors. ' +
    'Use it for documented fixes (for example "Cannot remove last owner" after the academic-year rollover).',
  // Worded against today: "stops … on" before the date, "since" after (a getter, read when shown).
  get markAllStudentsAsMinors() {
    return minorsDeprecation(new Date());
  },
  createTeam:
    "Creates a Team for every class in the set's schools. Students see a class Team only after a teacher activates it.",
};

/** docs/graph-notes.md#age-group: markAllStudentsAsMinors stops returning data on this day. */
export const MINORS_FLAG_ENDS = '2025-10-15';

/** The deprecation of "Mark all students as minors", with its date relative to `now`. */
export function minorsDeprecation(now: Date): string {
  const ended = now.getTime() >= Date.parse(`${MINORS_FLAG_ENDS}T00:00:00Z`);
  const when = ended
    ? 'Microsoft has not returned it since 15 October 2025'
    : 'Microsoft stops returning it on 15 October 2025';
  return `"Mark all students as minors" is deprecated: ${when}. Use "Student age group" instead.`;
}

/**
 * The stored flow relies on the deprecated flag: it is set and studentAgeGroup is not. When
 * studentAgeGroup is set, Graph derives the flag from it (docs/graph-notes.md#age-group): the
 * admin did not set it and cannot act on it, so it is neither shown nor warned about.
 */
export function reliesOnMinorsFlag(
  options: Partial<UserProvisioningFlow['managementOptions']['additionalOptions']>,
): boolean {
  const flag = options.markAllStudentsAsMinors;
  return flag !== null && flag !== undefined && !options.studentAgeGroup;
}

interface FieldRule {
  key: WarningKey;
  /** `enabled`: warn when the field is turned on; `changed`: whenever it changes. */
  when: 'enabled' | 'changed';
}

/** Field paths (diff.ts / bodies.ts shape) → the warning that belongs beside them. */
export const FIELD_WARNINGS: Record<string, FieldRule> = {
  createUnmatchedUsers: { key: 'createUnmatchedUsers', when: 'enabled' },
  'filter.in': { key: 'orgFilter', when: 'changed' },
  'configuration.additionalOptions.createTeam': { key: 'createTeam', when: 'enabled' },
  'managementOptions.additionalOptions.markAllStudentsAsMinors': {
    key: 'markAllStudentsAsMinors',
    when: 'changed',
  },
};

/** The warning to show beside a field on an edit card, if any. */
export const warningForField = (path: string): string | undefined => {
  const rule = FIELD_WARNINGS[path];
  return rule && SDS_WARNINGS[rule.key];
};

const ENABLED = formatValue(true);

/** Warnings for a preview: from the kind of change and from its changed fields, no repeats. */
export function warningsFor(kind: ChangeKind, rows: FieldChange[]): string[] {
  const keys = new Set<WarningKey>();
  if (kind === 'resetFlow') keys.add('reset');
  for (const row of rows) {
    const rule = FIELD_WARNINGS[row.path];
    if (rule && (rule.when === 'changed' || row.after === ENABLED)) keys.add(rule.key);
  }
  return [...keys].map((k) => SDS_WARNINGS[k]);
}

/** Warnings about a stored flow as it is (e.g. it still uses a deprecated setting). */
export function warningsForFlow(flow: ProvisioningFlow): string[] {
  if (flowKindOf(flow) !== 'user') return [];
  const options = (flow as UserProvisioningFlow).managementOptions.additionalOptions;
  // Graph derives the old flag from studentAgeGroup (docs/graph-notes.md#age-group): only warn when the
  // flow relies on the old flag alone.
  const relies = options.markAllStudentsAsMinors === true && reliesOnMinorsFlag(options);
  return relies ? [SDS_WARNINGS.markAllStudentsAsMinors] : [];
}

/** What the two creation switches of a security-group or administrative-unit flow make. */
const CREATES: Partial<Record<FlowKind, string>> = {
  securityGroup: 'security groups',
  administrativeUnit: 'administrative units',
};

/** The form's hint under the two switches. */
export const createsNothingHint = (kind: 'securityGroup' | 'administrativeUnit'): string =>
  `If both are off, this flow creates no ${CREATES[kind]}.`;

/**
 * A flow whose creation switches are all off provisions nothing: said on the preview, beside
 * Apply, as the form says it beside the switches. `body` is the create or patch body (both
 * switches are always sent, flowInputs.ts).
 */
export function createsNothingWarning(
  kind: FlowKind | undefined,
  body: unknown,
): string | undefined {
  const what = kind && CREATES[kind];
  const options = (body as { creationOptions?: Record<string, unknown> } | null)?.creationOptions;
  if (!what || !options || Object.values(options).some((on) => on === true)) return undefined;
  return `Both options are off: this flow creates no ${what}. Turn at least one on, or remove the flow if this set needs none.`;
}
