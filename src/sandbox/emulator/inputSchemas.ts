/**
 * Zod schemas of request bodies (POST and PATCH), per documented type (docs/graph-notes.md#types, #request-bodies).
 * Every property is optional here: completeness (non-nullable = required) is checked on the
 * merged result with stateSchema.ts, which gives PATCH its merge semantics for free. What is
 * checked here: types, nullability, enum members (any casing, answered canonically), reference
 * codes, nested `@odata.type` values, and read-only properties. Items of collections are checked
 * in full, because PATCH replaces collections wholesale. Each object schema is described with
 * its OData type name so bodyBinding.ts can name the type in "unknown property" errors.
 */
import { z } from 'zod';
import {
  ADDITIONAL_CLASS_GROUP_ATTRIBUTES,
  ADDITIONAL_USER_ATTRIBUTES,
  FILTER_ATTRIBUTES,
  STUDENT_AGE_GROUPS,
} from '../../domain/flowSchemas';
import { canonicalSectionRoleCode } from './referenceData';

const NAMESPACE = 'microsoft.graph.industryData';

/** An object of the given OData type; unknown keys are reported by bodyBinding.ts first. */
const typed = <T extends z.ZodRawShape>(typeName: string, shape: T) =>
  z
    .strictObject({ '@odata.type': odataTypeOf(typeName), ...shape })
    .describe(`${NAMESPACE}.${typeName}`);

/** Same OData type name? `#` is optional in requests and names are matched case-insensitively. */
export function sameODataType(value: string, typeName: string): boolean {
  return value.replace(/^#/, '').toLowerCase() === `${NAMESPACE}.${typeName}`.toLowerCase();
}

function odataTypeOf(typeName: string) {
  return z
    .string()
    .optional()
    .refine((v) => v === undefined || sameODataType(v, typeName), {
      error: `must be '#${NAMESPACE}.${typeName}'`,
    });
}

/** An enum bound case-insensitively and answered in its canonical spelling. */
function enumMember<T extends readonly string[]>(members: T, what: string) {
  return z.string().transform((value, ctx): T[number] => {
    const hit = members.find((m) => m.toLowerCase() === value.toLowerCase());
    if (hit === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `has '${value}', which is not a valid ${what}; use one of: ${members.join(', ')}`,
      });
      return z.NEVER;
    }
    return hit;
  });
}

const sectionRoleCode = z.string().transform((value, ctx) => {
  const canonical = canonicalSectionRoleCode(value);
  if (canonical === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `has '${value}', which is not a known section role code (e.g. teacher, student, aide, proctor, teacherAssistant, paraprofessional, staff)`,
    });
    return z.NEVER;
  }
  return canonical;
});

const nonBlank = z.string().refine((v) => v.trim().length > 0, { error: 'must not be empty' });

const readOnly = (why: string) => z.undefined({ error: `is read-only: ${why}` }).optional();

const entityReadOnly = {
  id: readOnly('the service assigns ids'),
  createdDateTime: readOnly('the service sets timestamps'),
  lastModifiedDateTime: readOnly('the service sets timestamps'),
};

const basicFilter = typed('basicFilter', {
  attribute: enumMember(FILTER_ATTRIBUTES, 'filter attribute').optional(),
  in: z
    .array(nonBlank)
    .min(1, {
      error:
        'must list at least one organization external id (to include every organization, set filter to null)',
    })
    .optional(),
});

export const FlowSetInput = typed('outboundProvisioningFlowSet', {
  ...entityReadOnly,
  provisioningFlows: readOnly(
    'create flows with POST …/provisioningFlows (deep insert is not supported)',
  ),
  displayName: nonBlank.optional(),
  filter: basicFilter.nullable().optional(),
});

const flowReadOnly = {
  ...entityReadOnly,
  readinessStatus: readOnly('the service manages readiness; POST …/reset reprovisions a flow'),
};

const simplePasswordSettings = typed('simplePasswordSettings', {
  password: nonBlank,
});

const userConfiguration = typed('userConfiguration', {
  'roleGroup@odata.bind': z.string({
    error: (issue) =>
      issue.input === undefined
        ? "is required: each configuration targets one role group, e.g. 'https://graph.microsoft.com/beta/external/industryData/roleGroups/staff'"
        : 'must be a URL string of a role group',
  }),
  roleGroup: readOnly(
    "bind the role group with 'roleGroup@odata.bind' instead of sending it inline",
  ),
  defaultPasswordSettings: simplePasswordSettings.nullable().optional(),
  licenseSkus: z.array(nonBlank).nullable().optional(),
});

export const UserFlowInput = typed('userProvisioningFlow', {
  ...flowReadOnly,
  createUnmatchedUsers: z.boolean().nullable().optional(),
  managementOptions: typed('userManagementOptions', {
    additionalAttributes: z
      .array(enumMember(ADDITIONAL_USER_ATTRIBUTES, 'additional user attribute'))
      .nullable()
      .optional(),
    additionalOptions: typed('additionalUserOptions', {
      allowStudentContactAssociation: z.boolean().nullable().optional(),
      markAllStudentsAsMinors: z.boolean().nullable().optional(),
      studentAgeGroup: enumMember(STUDENT_AGE_GROUPS, 'student age group').nullable().optional(),
    }).optional(),
  }).optional(),
  creationOptions: typed('userCreationOptions', {
    configurations: z.array(userConfiguration).nullable().optional(),
  })
    .nullable()
    .optional(),
});

const sectionRoleReference = typed('sectionRoleReferenceValue', { code: sectionRoleCode });
const mappings = z.array(sectionRoleReference).nullable().optional();

export const ClassGroupFlowInput = typed('classGroupProvisioningFlow', {
  ...flowReadOnly,
  configuration: typed('classGroupConfiguration', {
    additionalAttributes: z
      .array(enumMember(ADDITIONAL_CLASS_GROUP_ATTRIBUTES, 'additional class group attribute'))
      .nullable()
      .optional(),
    additionalOptions: typed('additionalClassGroupOptions', {
      createTeam: z.boolean().optional(),
      writeDisplayNameOnCreateOnly: z.boolean().optional(),
    }).optional(),
    enrollmentMappings: typed('enrollmentMappings', {
      ownerEnrollmentMappings: mappings,
      memberEnrollmentMappings: mappings,
    }).optional(),
  }).optional(),
});

export const SecurityGroupFlowInput = typed('securityGroupProvisioningFlow', {
  ...flowReadOnly,
  creationOptions: typed('securityGroupCreationOptions', {
    createBasedOnRoleGroup: z.boolean().optional(),
    createBasedOnOrgPlusRoleGroup: z.boolean().optional(),
  }).optional(),
});

export const AdministrativeUnitFlowInput = typed('administrativeUnitProvisioningFlow', {
  ...flowReadOnly,
  creationOptions: typed('adminUnitCreationOptions', {
    createBasedOnOrg: z.boolean().optional(),
    createBasedOnOrgPlusRoleGroup: z.boolean().optional(),
  }).optional(),
});

export const FLOW_INPUTS = {
  user: UserFlowInput,
  classGroup: ClassGroupFlowInput,
  securityGroup: SecurityGroupFlowInput,
  administrativeUnit: AdministrativeUnitFlowInput,
} as const;

export type UserFlowInput = z.infer<typeof UserFlowInput>;
export type UserConfigurationInput = z.infer<typeof userConfiguration>;
