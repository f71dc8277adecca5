/**
 * Zod schemas for the Graph beta industryData outbound-provisioning types, as documented in
 * docs/graph-notes.md#types. These parse what Graph *returns*: objects are
 * loose (unknown extra properties are kept, the API is beta and grows), enums accept values we do
 * not know yet (`unknownFutureValue` and beyond), and flows are a discriminated union on
 * `@odata.type`.
 */
import { z } from 'zod';

export const NS = '#microsoft.graph.industryData';

// docs/graph-notes.md#enumerations enumerations, in CSDL declaration order (unknownFutureValue excluded: never offered to users).
export const READINESS_STATUSES = ['notReady', 'ready', 'failed', 'disabled', 'expired'] as const;
export const FILTER_ATTRIBUTES = ['orgExternalId'] as const;
export const ADDITIONAL_USER_ATTRIBUTES = ['userGradeLevel', 'userNumber'] as const;
export const ADDITIONAL_CLASS_GROUP_ATTRIBUTES = [
  'courseTitle',
  'courseCode',
  'courseSubject',
  'courseGradeLevel',
  'courseExternalId',
  'academicSessionTitle',
  'academicSessionExternalId',
  'classCode',
] as const;
export const STUDENT_AGE_GROUPS = ['minor', 'notAdult', 'adult'] as const;

/** Section-role codes documented for class-group enrollment mappings (docs/graph-notes.md#types, reference codes). */
export const SECTION_ROLE_CODES = [
  'teacher',
  'student',
  'proctor',
  'teacherAssistant',
  'paraprofessional',
  'physicalTherapist',
  'speechTherapist',
  'visionTherapist',
  'occupationalTherapist',
  'staff',
  'substitute',
  'aide',
] as const;

/** An enum that tolerates members added after we shipped (Graph's evolvable enums). */
const evolvable = <T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.enum(values), z.literal('unknownFutureValue'), z.string()]);

export const ReadinessStatus = evolvable(READINESS_STATUSES);
export type ReadinessStatus = z.infer<typeof ReadinessStatus>;

export const BasicFilter = z.looseObject({
  '@odata.type': z.string().optional(),
  attribute: evolvable(FILTER_ATTRIBUTES),
  in: z.array(z.string()),
});
export type BasicFilter = z.infer<typeof BasicFilter>;

export const FlowSet = z.looseObject({
  id: z.string(),
  displayName: z.string(),
  filter: BasicFilter.nullable().optional(),
  createdDateTime: z.string().nullable().optional(),
  lastModifiedDateTime: z.string().nullable().optional(),
});
export type FlowSet = z.infer<typeof FlowSet>;

export const RoleReference = z.looseObject({ code: z.string().nullable().optional() });
export type RoleReference = z.infer<typeof RoleReference>;

export const RoleGroup = z.looseObject({
  id: z.string(),
  displayName: z.string(),
  roles: z.array(RoleReference).default([]),
});
export type RoleGroup = z.infer<typeof RoleGroup>;

export const PasswordSettings = z.looseObject({
  '@odata.type': z.string().optional(),
  password: z.string().nullable().optional(),
});

export const UserConfiguration = z.looseObject({
  defaultPasswordSettings: PasswordSettings.nullable().optional(),
  licenseSkus: z.array(z.string()).nullable().optional(),
  roleGroup: RoleGroup.optional(),
  'roleGroup@odata.bind': z.string().optional(),
});
export type UserConfiguration = z.infer<typeof UserConfiguration>;

export const AdditionalUserOptions = z.looseObject({
  allowStudentContactAssociation: z.boolean().nullable().optional(),
  /** Deprecated (stops returning data 2025-10-15); shown read-only when present. */
  markAllStudentsAsMinors: z.boolean().nullable().optional(),
  studentAgeGroup: evolvable(STUDENT_AGE_GROUPS).nullable().optional(),
});

const flowBase = {
  id: z.string(),
  createdDateTime: z.string().nullable().optional(),
  lastModifiedDateTime: z.string().nullable().optional(),
  readinessStatus: ReadinessStatus.nullable().optional(),
};

export const UserProvisioningFlow = z.looseObject({
  ...flowBase,
  '@odata.type': z.literal(`${NS}.userProvisioningFlow`),
  createUnmatchedUsers: z.boolean().nullable().optional(),
  creationOptions: z
    .looseObject({ configurations: z.array(UserConfiguration).nullable().optional() })
    .nullable()
    .optional(),
  managementOptions: z.looseObject({
    additionalAttributes: z.array(evolvable(ADDITIONAL_USER_ATTRIBUTES)).nullable().optional(),
    additionalOptions: AdditionalUserOptions,
  }),
});
export type UserProvisioningFlow = z.infer<typeof UserProvisioningFlow>;

export const SectionRoleReference = z.looseObject({ code: z.string().nullable().optional() });

export const ClassGroupProvisioningFlow = z.looseObject({
  ...flowBase,
  '@odata.type': z.literal(`${NS}.classGroupProvisioningFlow`),
  configuration: z.looseObject({
    additionalAttributes: z
      .array(evolvable(ADDITIONAL_CLASS_GROUP_ATTRIBUTES))
      .nullable()
      .optional(),
    additionalOptions: z.looseObject({
      createTeam: z.boolean(),
      writeDisplayNameOnCreateOnly: z.boolean(),
    }),
    enrollmentMappings: z.looseObject({
      ownerEnrollmentMappings: z.array(SectionRoleReference).nullable().optional(),
      memberEnrollmentMappings: z.array(SectionRoleReference).nullable().optional(),
    }),
  }),
});
export type ClassGroupProvisioningFlow = z.infer<typeof ClassGroupProvisioningFlow>;

export const SecurityGroupProvisioningFlow = z.looseObject({
  ...flowBase,
  '@odata.type': z.literal(`${NS}.securityGroupProvisioningFlow`),
  creationOptions: z.looseObject({
    createBasedOnRoleGroup: z.boolean(),
    createBasedOnOrgPlusRoleGroup: z.boolean(),
  }),
});
export type SecurityGroupProvisioningFlow = z.infer<typeof SecurityGroupProvisioningFlow>;

export const AdministrativeUnitProvisioningFlow = z.looseObject({
  ...flowBase,
  '@odata.type': z.literal(`${NS}.administrativeUnitProvisioningFlow`),
  creationOptions: z.looseObject({
    createBasedOnOrg: z.boolean(),
    createBasedOnOrgPlusRoleGroup: z.boolean(),
  }),
});
export type AdministrativeUnitProvisioningFlow = z.infer<typeof AdministrativeUnitProvisioningFlow>;

/** A flow type this version does not know: kept, shown by readiness only, never edited. */
export const UnknownProvisioningFlow = z.looseObject({
  ...flowBase,
  '@odata.type': z.string().optional(),
});

export const KnownProvisioningFlow = z.discriminatedUnion('@odata.type', [
  UserProvisioningFlow,
  ClassGroupProvisioningFlow,
  SecurityGroupProvisioningFlow,
  AdministrativeUnitProvisioningFlow,
]);
export type KnownProvisioningFlow = z.infer<typeof KnownProvisioningFlow>;

export const ProvisioningFlow = z.union([KnownProvisioningFlow, UnknownProvisioningFlow]);
export type ProvisioningFlow = z.infer<typeof ProvisioningFlow>;

/** Our short names for the four flow types, used in commands, verbs and cards. */
export const FLOW_KINDS = ['user', 'classGroup', 'securityGroup', 'administrativeUnit'] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

export const FLOW_ODATA_TYPES: Record<FlowKind, string> = {
  user: `${NS}.userProvisioningFlow`,
  classGroup: `${NS}.classGroupProvisioningFlow`,
  securityGroup: `${NS}.securityGroupProvisioningFlow`,
  administrativeUnit: `${NS}.administrativeUnitProvisioningFlow`,
};

export function flowKindOf(flow: { '@odata.type'?: string }): FlowKind | undefined {
  const type = flow['@odata.type'];
  return FLOW_KINDS.find((k) => FLOW_ODATA_TYPES[k] === type);
}

/** A Graph collection page. */
export const page = <T extends z.ZodType>(item: T) =>
  z.looseObject({ value: z.array(item), '@odata.nextLink': z.string().optional() });

/** Graph's error body (docs/graph-notes.md#errors): `innerError` or `innererror`, both accepted. */
export const GraphErrorBody = z.looseObject({
  error: z.looseObject({
    code: z.string().optional(),
    message: z.string().optional(),
    innerError: z.record(z.string(), z.unknown()).optional(),
    innererror: z.record(z.string(), z.unknown()).optional(),
  }),
});
