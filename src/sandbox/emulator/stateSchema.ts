/**
 * The emulator's stored state, validated with zod when loaded from the state file and when a
 * create/PATCH result is checked for completeness. Names are Graph's canonical property names;
 * stored values carry no OData annotations (serializers.ts adds them). Non-nullable properties
 * (docs/graph-notes.md#types, from the CSDL) are required here; nullable scalars default to null and
 * collections to [] (OData collections are never null). Passwords are kept only as SHA-256
 * hashes: the API never returns them (docs/graph-notes.md#password-masking).
 */
import { z } from 'zod';
import {
  ADDITIONAL_CLASS_GROUP_ATTRIBUTES,
  ADDITIONAL_USER_ATTRIBUTES,
  FILTER_ATTRIBUTES,
  READINESS_STATUSES,
  STUDENT_AGE_GROUPS,
} from '../../domain/flowSchemas';
import { RunHistoryState } from './runs/state';

/** A collection property: null or absent means empty. */
const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((v): z.output<T>[] => v ?? []);

export const ReadinessStatusName = z.enum(READINESS_STATUSES);
export type ReadinessStatusName = z.infer<typeof ReadinessStatusName>;

const CodeRef = z.object({ code: z.string() });

export const StoredRoleGroup = z.object({
  id: z.string(),
  displayName: z.string(),
  roles: z.array(CodeRef),
});
export type StoredRoleGroup = z.infer<typeof StoredRoleGroup>;

export const BasicFilterFields = z.object({
  attribute: z.enum(FILTER_ATTRIBUTES),
  in: z.array(z.string()),
});

export const FlowSetFields = z.object({
  displayName: z.string(),
  filter: BasicFilterFields.nullable().default(null),
});
export type FlowSetFields = z.infer<typeof FlowSetFields>;

const entityMeta = {
  id: z.string(),
  createdDateTime: z.string(),
  lastModifiedDateTime: z.string(),
};

export const StoredFlowSet = FlowSetFields.extend(entityMeta);
export type StoredFlowSet = z.infer<typeof StoredFlowSet>;

export const StoredUserConfiguration = z.object({
  roleGroupId: z.string(),
  licenseSkus: list(z.string()),
  defaultPasswordSettings: z.object({ passwordSha256: z.string() }).nullable().default(null),
});
export type StoredUserConfiguration = z.infer<typeof StoredUserConfiguration>;

export const UserFlowFields = z.object({
  createUnmatchedUsers: z.boolean().nullable().default(null),
  managementOptions: z.object({
    additionalAttributes: list(z.enum(ADDITIONAL_USER_ATTRIBUTES)),
    additionalOptions: z.object({
      markAllStudentsAsMinors: z.boolean().nullable().default(null),
      allowStudentContactAssociation: z.boolean().nullable().default(null),
      // Added mid-2025 (docs/graph-notes.md#age-group): absent until a client sets it, so 2024-style flows stay 2024-shaped.
      studentAgeGroup: z.enum(STUDENT_AGE_GROUPS).nullable().optional(),
    }),
  }),
  creationOptions: z
    .object({ configurations: list(StoredUserConfiguration) })
    .nullable()
    .default(null),
});

export const ClassGroupFlowFields = z.object({
  configuration: z.object({
    additionalAttributes: list(z.enum(ADDITIONAL_CLASS_GROUP_ATTRIBUTES)),
    additionalOptions: z.object({
      createTeam: z.boolean(),
      writeDisplayNameOnCreateOnly: z.boolean(),
    }),
    enrollmentMappings: z.object({
      ownerEnrollmentMappings: list(CodeRef),
      memberEnrollmentMappings: list(CodeRef),
    }),
  }),
});

export const SecurityGroupFlowFields = z.object({
  creationOptions: z.object({
    createBasedOnRoleGroup: z.boolean(),
    createBasedOnOrgPlusRoleGroup: z.boolean(),
  }),
});

export const AdministrativeUnitFlowFields = z.object({
  creationOptions: z.object({
    createBasedOnOrg: z.boolean(),
    createBasedOnOrgPlusRoleGroup: z.boolean(),
  }),
});

export const FLOW_FIELDS = {
  user: UserFlowFields,
  classGroup: ClassGroupFlowFields,
  securityGroup: SecurityGroupFlowFields,
  administrativeUnit: AdministrativeUnitFlowFields,
} as const;

const flowMeta = {
  ...entityMeta,
  setId: z.string(),
  readinessStatus: ReadinessStatusName,
  /** While notReady: when the flow turns ready (docs/graph-notes.md#readiness lifecycle, emulated). */
  readyAt: z.string().nullable(),
};

export const StoredFlow = z.discriminatedUnion('kind', [
  z.object({ ...flowMeta, kind: z.literal('user'), fields: UserFlowFields }),
  z.object({ ...flowMeta, kind: z.literal('classGroup'), fields: ClassGroupFlowFields }),
  z.object({ ...flowMeta, kind: z.literal('securityGroup'), fields: SecurityGroupFlowFields }),
  z.object({
    ...flowMeta,
    kind: z.literal('administrativeUnit'),
    fields: AdministrativeUnitFlowFields,
  }),
]);
export type StoredFlow = z.infer<typeof StoredFlow>;
export type FlowFields = StoredFlow['fields'];

export const EmulatorState = z.object({
  version: z.literal(1),
  roleGroups: z.array(StoredRoleGroup),
  flowSets: z.array(StoredFlowSet),
  flows: z.array(StoredFlow),
  /** Absent in state files written before runs existed: a history is seeded then (index.ts). */
  runs: RunHistoryState.optional(),
});
export type EmulatorState = z.infer<typeof EmulatorState>;
