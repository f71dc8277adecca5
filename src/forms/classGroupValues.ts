/**
 * The class-group form's inputs, pre-fill and defaults. Role codes are reference codes, not an
 * enum (docs/graph-notes.md#types): every documented section-role code is offered, plus any code the stored
 * flow uses that we do not list, so an edit never drops one it did not show.
 */
import {
  ADDITIONAL_CLASS_GROUP_ATTRIBUTES,
  SECTION_ROLE_CODES,
  type ClassGroupProvisioningFlow,
} from '../domain/flowSchemas';
import type { FormValues } from './formTypes';
import { OFF, ON } from './inputs';

export const CLASS_GROUP_INPUT_IDS = [
  'classAttributes',
  'createTeam',
  'writeDisplayNameOnCreateOnly',
  'ownerRoles',
  'memberRoles',
] as const;

// Example 08 (test/fixtures/graph-docs): the documented owner / member split (codes in canonical casing).
const THERAPISTS = [
  'physicalTherapist',
  'speechTherapist',
  'visionTherapist',
  'occupationalTherapist',
];
const EXAMPLE_OWNERS = [
  'teacher',
  'proctor',
  'teacherAssistant',
  'paraprofessional',
  ...THERAPISTS,
  'staff',
];
const EXAMPLE_MEMBERS = [
  'student',
  'substitute',
  'aide',
  'proctor',
  'teacherAssistant',
  'paraprofessional',
  ...THERAPISTS,
  'staff',
];

type Mapping = { code?: string | null }[] | null | undefined;

/** Graph normalises code casing (docs/graph-notes.md#reference-codes): match ours case-insensitively. */
const canonicalRole = (code: string) =>
  SECTION_ROLE_CODES.find((c) => c.toLowerCase() === code.toLowerCase()) ?? code;

const codesOf = (mapping: Mapping) =>
  (mapping ?? [])
    .map((r) => r.code ?? '')
    .filter(Boolean)
    .map(canonicalRole);

/** Every documented code, plus codes the stored flow uses that we do not list (kept offered). */
export function roleCodesOffered(current?: ClassGroupProvisioningFlow): string[] {
  const mappings = current?.configuration.enrollmentMappings;
  const stored = [
    ...codesOf(mappings?.ownerEnrollmentMappings),
    ...codesOf(mappings?.memberEnrollmentMappings),
  ];
  return [...new Set<string>([...SECTION_ROLE_CODES, ...stored])];
}

export const knownAttribute = (a: string) =>
  (ADDITIONAL_CLASS_GROUP_ATTRIBUTES as readonly string[]).includes(a);

export function classGroupDefaults(): FormValues {
  return {
    // The documented example's attributes (every one but classCode, which no example uses).
    classAttributes: ADDITIONAL_CLASS_GROUP_ATTRIBUTES.filter((a) => a !== 'classCode').join(','),
    // Off by default: a Team for every class is a large change, turned on deliberately.
    createTeam: OFF,
    writeDisplayNameOnCreateOnly: ON,
    ownerRoles: EXAMPLE_OWNERS.join(','),
    memberRoles: EXAMPLE_MEMBERS.join(','),
  };
}

export function classGroupPrefill(current: ClassGroupProvisioningFlow): FormValues {
  const { additionalAttributes, additionalOptions, enrollmentMappings } = current.configuration;
  return {
    classAttributes: (additionalAttributes ?? []).filter(knownAttribute).join(','),
    createTeam: additionalOptions.createTeam ? ON : OFF,
    writeDisplayNameOnCreateOnly: additionalOptions.writeDisplayNameOnCreateOnly ? ON : OFF,
    ownerRoles: codesOf(enrollmentMappings.ownerEnrollmentMappings).join(','),
    memberRoles: codesOf(enrollmentMappings.memberEnrollmentMappings).join(','),
  };
}
