/**
 * A flow set and its flows, as Graph returned them, → the configuration document
 * (configDocument.ts). Only what the bot's own forms can send is written, in a fixed key order so
 * two exports diff line by line. Values this version cannot send back (an enum member added to
 * Graph later, the deprecated markAllStudentsAsMinors, docs/graph-notes.md#age-group) are left out
 * and listed in `notes`, so nothing is dropped silently.
 */
import {
  CONFIG_SCHEMA_ID,
  CONFIG_VERSION,
  PASSWORD_PLACEHOLDER,
  type ConfigDocument,
} from './configDocument';
import {
  ADDITIONAL_CLASS_GROUP_ATTRIBUTES,
  ADDITIONAL_USER_ATTRIBUTES,
  STUDENT_AGE_GROUPS,
  flowKindOf,
  type ClassGroupProvisioningFlow,
  type FlowKind,
  type FlowSet,
  type ProvisioningFlow,
  type RoleGroup,
  type UserProvisioningFlow,
} from './flowSchemas';
import { configuredRoleGroupId } from './roleGroupBinding';

export interface ExportResult {
  document: ConfigDocument;
  notes: string[];
}

const knownOnly = <T extends string>(
  values: readonly T[],
  given: readonly string[] | null | undefined,
  what: string,
  notes: string[],
): T[] => {
  const kept = (given ?? []).filter((v): v is T => (values as readonly string[]).includes(v));
  const left = (given ?? []).filter((v) => !kept.includes(v as T));
  if (left.length) notes.push(`${what}: ${left.join(', ')} left out (not known to this version).`);
  return kept;
};

function userFlowDoc(flow: UserProvisioningFlow, groups: readonly RoleGroup[], notes: string[]) {
  const options = flow.managementOptions.additionalOptions;
  const age = options.studentAgeGroup ?? null;
  const knownAge = age === null || (STUDENT_AGE_GROUPS as readonly string[]).includes(age);
  if (!knownAge) notes.push(`User flow: student age group "${age}" left out (not known here).`);
  if (options.markAllStudentsAsMinors && age === null)
    notes.push('User flow: only the deprecated "mark all students as minors" is set; left out.');
  const configurations = (flow.creationOptions?.configurations ?? []).map((config) => {
    const id = configuredRoleGroupId(config);
    const name = config.roleGroup?.displayName ?? groups.find((g) => g.id === id)?.displayName;
    return {
      roleGroup: { ...(id ? { id } : {}), ...(name ? { displayName: name } : {}) },
      licenseSkus: [...(config.licenseSkus ?? [])],
      defaultPassword: PASSWORD_PLACEHOLDER,
    };
  });
  return {
    createUnmatchedUsers: flow.createUnmatchedUsers ?? false,
    managementOptions: {
      additionalAttributes: knownOnly(
        ADDITIONAL_USER_ATTRIBUTES,
        flow.managementOptions.additionalAttributes,
        'User flow attributes',
        notes,
      ),
      additionalOptions: {
        allowStudentContactAssociation: options.allowStudentContactAssociation ?? false,
        studentAgeGroup: knownAge ? (age as (typeof STUDENT_AGE_GROUPS)[number] | null) : null,
      },
    },
    creationOptions: { configurations },
  };
}

function classGroupFlowDoc(flow: ClassGroupProvisioningFlow, notes: string[]) {
  const { configuration: c } = flow;
  const codes = (m: Array<{ code?: string | null }> | null | undefined) =>
    (m ?? []).map((r) => r.code).filter((code): code is string => !!code);
  return {
    configuration: {
      additionalAttributes: knownOnly(
        ADDITIONAL_CLASS_GROUP_ATTRIBUTES,
        c.additionalAttributes,
        'Class flow attributes',
        notes,
      ),
      additionalOptions: {
        createTeam: c.additionalOptions.createTeam,
        writeDisplayNameOnCreateOnly: c.additionalOptions.writeDisplayNameOnCreateOnly,
      },
      enrollmentMappings: {
        ownerCodes: codes(c.enrollmentMappings.ownerEnrollmentMappings),
        memberCodes: codes(c.enrollmentMappings.memberEnrollmentMappings),
      },
    },
  };
}

type FlowDocs = ConfigDocument['flows'];
type Options = Record<string, boolean | undefined>;

/** One known flow into the document's `flows` (security and admin-unit flows: two flags each). */
function addFlow(
  docs: FlowDocs,
  kind: FlowKind,
  flow: ProvisioningFlow,
  groups: readonly RoleGroup[],
  notes: string[],
) {
  const o = ((flow as { creationOptions?: Options }).creationOptions ?? {}) as Options;
  if (kind === 'user') docs.user = userFlowDoc(flow as UserProvisioningFlow, groups, notes);
  else if (kind === 'classGroup')
    docs.classGroup = classGroupFlowDoc(flow as ClassGroupProvisioningFlow, notes);
  else if (kind === 'securityGroup')
    docs.securityGroup = {
      creationOptions: {
        createBasedOnRoleGroup: !!o.createBasedOnRoleGroup,
        createBasedOnOrgPlusRoleGroup: !!o.createBasedOnOrgPlusRoleGroup,
      },
    };
  else
    docs.administrativeUnit = {
      creationOptions: {
        createBasedOnOrg: !!o.createBasedOnOrg,
        createBasedOnOrgPlusRoleGroup: !!o.createBasedOnOrgPlusRoleGroup,
      },
    };
}

export function exportDocument(
  set: FlowSet,
  flows: readonly ProvisioningFlow[],
  roleGroups: readonly RoleGroup[],
  now: Date,
): ExportResult {
  const notes: string[] = [];
  const docFlows: FlowDocs = {};
  const flowIds: Partial<Record<FlowKind, string>> = {};
  for (const flow of flows) {
    const kind = flowKindOf(flow);
    if (!kind) {
      notes.push(`A flow of a type this version does not know (${flow['@odata.type']}) left out.`);
      continue;
    }
    flowIds[kind] = flow.id;
    addFlow(docFlows, kind, flow, roleGroups, notes);
  }
  const filter = set.filter
    ? { attribute: 'orgExternalId' as const, in: [...set.filter.in] }
    : null;
  if (set.filter && set.filter.attribute !== 'orgExternalId')
    notes.push(`Filter attribute "${set.filter.attribute}" written as orgExternalId.`);
  return {
    document: {
      $schema: CONFIG_SCHEMA_ID,
      version: CONFIG_VERSION,
      flowSet: { displayName: set.displayName, filter },
      flows: docFlows,
      source: {
        flowSetId: set.id,
        lastModifiedDateTime: set.lastModifiedDateTime ?? null,
        exportedAt: now.toISOString(),
        flowIds,
      },
    },
    notes,
  };
}

/** The document as people read and diff it: two-space indent, keys in the order above. */
export const documentJson = (document: ConfigDocument): string => JSON.stringify(document, null, 2);
