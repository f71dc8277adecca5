/**
 * Reference data the tenant has before anyone configures anything: the default role groups
 * (docs/graph-notes.md#role-groups: Staff and Students, ids `staff`/`students` as in examples 24/25) and the
 * RefRole / section-role codes (docs/graph-notes.md#types). Codes are reference-definition codes, not an enum, but the
 * service answers them in canonical casing (`paraProfessional` → `paraprofessional`, docs/graph-notes.md#reference-codes), so the
 * emulator keeps one canonical list and maps any casing onto it.
 */
import { SECTION_ROLE_CODES } from '../../domain/flowSchemas';
import type { StoredRoleGroup } from './stateSchema';

/** The Staff role group's roles, in the order of the list example (06). */
export const STAFF_ROLE_CODES = [
  'adjunct',
  'administrator',
  'advisor',
  'affiliate',
  'aide',
  'alumni',
  'assistant',
  'chair',
  'coach',
  'faculty',
  'instructor',
  'itAdmin',
  'lecturer',
  'nurse',
  'occupationalTherapist',
  'officeStaff',
  'paraprofessional',
  'physicalTherapist',
  'principal',
  'proctor',
  'professor',
  'researcher',
  'specialServices',
  'speechTherapist',
  'staff',
  'substitute',
  'teacher',
  'teacherAssistant',
  'visionTherapist',
] as const;

export function defaultRoleGroups(): StoredRoleGroup[] {
  return [
    { id: 'staff', displayName: 'Staff', roles: STAFF_ROLE_CODES.map((code) => ({ code })) },
    { id: 'students', displayName: 'Students', roles: [{ code: 'student' }] },
  ];
}

/** Every code a section-role mapping may use: the section roles plus all RefRole codes. */
const SECTION_ROLE_CANONICAL: readonly string[] = [
  ...new Set<string>([...SECTION_ROLE_CODES, ...STAFF_ROLE_CODES, 'student']),
];

const byLowerCase = new Map(SECTION_ROLE_CANONICAL.map((code) => [code.toLowerCase(), code]));

/** The canonical spelling of a section-role code, or undefined if it is not a known code. */
export function canonicalSectionRoleCode(code: string): string | undefined {
  return byLowerCase.get(code.toLowerCase());
}

export const KNOWN_SECTION_ROLE_CODES = SECTION_ROLE_CANONICAL;
