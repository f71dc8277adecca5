/**
 * Caller input (bodies.ts) → the JSON Graph expects (docs/graph-notes.md#request-bodies, examples 02, 04, 07–10):
 * `@odata.type` on the entity (required on POST provisioningFlows: the target type is abstract),
 * on the filter, on password settings (abstract `passwordSettings`) and on the class-group
 * nested values as the docs' example sends them; role groups bound by absolute URL.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import type {
  BasicFilterInput,
  ParsedFlowInput,
  UserConfigurationInput,
} from '../domain/flowInputs';
import { roleGroupBindUrl } from './paths';
import { FLOW_ODATA_TYPES, NS } from '../domain/flowSchemas';

/** Validates caller input; problems become AppError 'bad_input' with one message per field. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues)
    fields[issue.path.join('.') || '(body)'] ??= issue.message;
  const list = Object.entries(fields).map(([field, message]) => `${field}: ${message}`);
  throw new AppError('bad_input', `Some values are not valid — ${list.join('; ')}`, {
    fields,
    cause: parsed.error,
  });
}

type Filter = z.output<typeof BasicFilterInput>;

function filterToWire(filter: Filter | null | undefined) {
  if (filter === undefined) return undefined;
  if (filter === null) return null;
  return { '@odata.type': `${NS}.basicFilter`, attribute: filter.attribute, in: filter.in };
}

export function flowSetToWire(input: { displayName: string; filter?: Filter | null }) {
  return {
    '@odata.type': `${NS}.outboundProvisioningFlowSet`,
    displayName: input.displayName,
    filter: filterToWire(input.filter),
  };
}

function userConfigurationToWire(baseUrl: string, config: UserConfigurationInput) {
  return {
    'roleGroup@odata.bind': roleGroupBindUrl(baseUrl, config.roleGroupId),
    defaultPasswordSettings:
      config.defaultPassword === undefined
        ? undefined
        : { '@odata.type': `${NS}.simplePasswordSettings`, password: config.defaultPassword },
    licenseSkus: config.licenseSkus,
  };
}

const sectionRoles = (codes: string[]) =>
  codes.map((code) => ({ '@odata.type': `${NS}.sectionRoleReferenceValue`, code }));

export function flowToWire(baseUrl: string, input: ParsedFlowInput): Record<string, unknown> {
  const type = FLOW_ODATA_TYPES[input.kind];
  switch (input.kind) {
    case 'user':
      return {
        '@odata.type': type,
        createUnmatchedUsers: input.createUnmatchedUsers,
        managementOptions: input.managementOptions,
        creationOptions: input.creationOptions && {
          configurations: input.creationOptions.configurations.map((c) =>
            userConfigurationToWire(baseUrl, c),
          ),
        },
      };
    case 'classGroup': {
      const { additionalAttributes, additionalOptions, enrollmentMappings } = input.configuration;
      return {
        '@odata.type': type,
        configuration: {
          '@odata.type': `${NS}.classGroupConfiguration`,
          additionalAttributes,
          additionalOptions: {
            '@odata.type': `${NS}.additionalClassGroupOptions`,
            ...additionalOptions,
          },
          enrollmentMappings: {
            '@odata.type': `${NS}.enrollmentMappings`,
            ownerEnrollmentMappings: sectionRoles(enrollmentMappings.ownerCodes),
            memberEnrollmentMappings: sectionRoles(enrollmentMappings.memberCodes),
          },
        },
      };
    }
    case 'securityGroup':
    case 'administrativeUnit':
      return { '@odata.type': type, creationOptions: input.creationOptions };
  }
}
