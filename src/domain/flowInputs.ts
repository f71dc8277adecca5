/**
 * What callers give to create and update operations: plain values, no OData annotations (the
 * client adds `@odata.type` and `roleGroup@odata.bind`, see wire.ts). Shapes follow the request
 * bodies of docs/graph-notes.md#request-bodies and the non-nullable members of docs/graph-notes.md#types. Forms can validate with these
 * same schemas before calling the client; the client validates again (AppError 'bad_input').
 */
import { z } from 'zod';
import {
  ADDITIONAL_CLASS_GROUP_ATTRIBUTES,
  ADDITIONAL_USER_ATTRIBUTES,
  FILTER_ATTRIBUTES,
  STUDENT_AGE_GROUPS,
} from './flowSchemas';

const nonEmpty = z.string().trim().min(1, 'Must not be empty.');

/** basicFilter: one attribute (only `orgExternalId` exists) and the values to match (docs/graph-notes.md#filters). */
export const BasicFilterInput = z.object({
  attribute: z.enum(FILTER_ATTRIBUTES).default('orgExternalId'),
  in: z.array(nonEmpty).min(1, 'List at least one school (organization external id).'),
});
export type BasicFilterInput = z.input<typeof BasicFilterInput>;

/** No filter (omitted or null) = the set covers every organization in the inbound data. */
export const FlowSetCreateInput = z.object({
  displayName: nonEmpty,
  filter: BasicFilterInput.nullable().optional(),
});
export type FlowSetCreateInput = z.input<typeof FlowSetCreateInput>;

/** The update page's table marks `displayName` "Required" and `filter` "Optional" (docs/graph-notes.md#request-bodies). */
export const FlowSetPatchInput = FlowSetCreateInput;
export type FlowSetPatchInput = z.input<typeof FlowSetPatchInput>;

/** One userConfiguration: which role group, its initial password, its license SKUs. */
export const UserConfigurationInput = z.object({
  roleGroupId: nonEmpty,
  /** Sent as simplePasswordSettings; Graph never returns it (always masked, docs/graph-notes.md#password-masking). */
  defaultPassword: nonEmpty.optional(),
  licenseSkus: z.array(nonEmpty).optional(),
});
export type UserConfigurationInput = z.input<typeof UserConfigurationInput>;

export const UserFlowInput = z.object({
  kind: z.literal('user'),
  createUnmatchedUsers: z.boolean().optional(),
  managementOptions: z.object({
    additionalAttributes: z.array(z.enum(ADDITIONAL_USER_ATTRIBUTES)).optional(),
    // markAllStudentsAsMinors is deprecated (docs/graph-notes.md#age-group): only studentAgeGroup is offered.
    additionalOptions: z.object({
      allowStudentContactAssociation: z.boolean().optional(),
      studentAgeGroup: z.enum(STUDENT_AGE_GROUPS).nullable().optional(),
    }),
  }),
  creationOptions: z.object({ configurations: z.array(UserConfigurationInput) }).optional(),
});
export type UserFlowInput = z.input<typeof UserFlowInput>;

export const ClassGroupFlowInput = z.object({
  kind: z.literal('classGroup'),
  configuration: z.object({
    additionalAttributes: z.array(z.enum(ADDITIONAL_CLASS_GROUP_ATTRIBUTES)).optional(),
    additionalOptions: z.object({
      createTeam: z.boolean(),
      writeDisplayNameOnCreateOnly: z.boolean(),
    }),
    /** Section-role codes (reference codes, e.g. "teacher") that become owners / members. */
    enrollmentMappings: z.object({
      ownerCodes: z.array(nonEmpty).default([]),
      memberCodes: z.array(nonEmpty).default([]),
    }),
  }),
});
export type ClassGroupFlowInput = z.input<typeof ClassGroupFlowInput>;

export const SecurityGroupFlowInput = z.object({
  kind: z.literal('securityGroup'),
  creationOptions: z.object({
    createBasedOnRoleGroup: z.boolean(),
    createBasedOnOrgPlusRoleGroup: z.boolean(),
  }),
});
export type SecurityGroupFlowInput = z.input<typeof SecurityGroupFlowInput>;

export const AdministrativeUnitFlowInput = z.object({
  kind: z.literal('administrativeUnit'),
  creationOptions: z.object({
    createBasedOnOrg: z.boolean(),
    createBasedOnOrgPlusRoleGroup: z.boolean(),
  }),
});
export type AdministrativeUnitFlowInput = z.input<typeof AdministrativeUnitFlowInput>;

export const FlowCreateInput = z.discriminatedUnion('kind', [
  UserFlowInput,
  ClassGroupFlowInput,
  SecurityGroupFlowInput,
  AdministrativeUnitFlowInput,
]);
export type FlowCreateInput = z.input<typeof FlowCreateInput>;
export type ParsedFlowInput = z.output<typeof FlowCreateInput>;

/**
 * Updates take the same shape: each update page marks the type's main complex property
 * (managementOptions / configuration / creationOptions) "Required", the rest "Optional" (docs/graph-notes.md#request-bodies).
 * `kind` must be the stored flow's kind (it becomes the body's `@odata.type`).
 */
export const FlowPatchInput = FlowCreateInput;
export type FlowPatchInput = z.input<typeof FlowPatchInput>;
