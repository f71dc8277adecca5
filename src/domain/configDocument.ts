/**
 * The flow-set configuration document (docs/configuration-as-code.md): one flow set and its flows
 * as JSON of our own, versioned, readable and diffable. Ids and timestamps sit apart in `source`
 * (import ignores them); role groups are named by id and display name; passwords are never in it,
 * only a placeholder that import asks to be filled in a form. The document is typed by people and
 * pasted into a chat: every object is strict (a misspelt key is an error, by path) and every
 * string and list is bounded.
 */
import { z } from 'zod';
import {
  ADDITIONAL_CLASS_GROUP_ATTRIBUTES,
  ADDITIONAL_USER_ATTRIBUTES,
  FILTER_ATTRIBUTES,
  FLOW_KINDS,
  STUDENT_AGE_GROUPS,
} from './flowSchemas';

/** Our own id of the format: a stable name, not a URL anyone fetches. */
export const CONFIG_SCHEMA_ID = 'https://sds-flow-admin/schemas/flowset-v1.json';
export const CONFIG_VERSION = 1;
/**
 * Stands where an initial password would be. No angle brackets: Teams and the bot's message
 * cleaning treat `<…>` as a tag (src/teams/activityText.ts), so "<password required>" would vanish.
 */
export const PASSWORD_PLACEHOLDER = '(password required)';

const text = (max: number) =>
  z.string().trim().min(1, 'Must not be empty.').max(max, `At most ${max} characters.`);
const list = <T extends z.ZodType>(item: T, max: number) =>
  z.array(item).max(max, `At most ${max} entries.`);
const flag = z.boolean({ error: 'Must be true or false.' });

const FilterDoc = z.strictObject({
  attribute: z.enum(FILTER_ATTRIBUTES),
  in: list(text(128), 1000).min(1, 'List at least one school (organization external id).'),
});

const FlowSetDoc = z.strictObject({
  displayName: text(256),
  /** null: every school in the inbound data. */
  filter: FilterDoc.nullable(),
});

export const RoleGroupRef = z
  .strictObject({ id: text(128).optional(), displayName: text(256).optional() })
  .refine((g) => g.id !== undefined || g.displayName !== undefined, {
    message: 'Give the role group by id, by displayName, or both.',
  });

const PasswordSlot = z.string().refine((v): boolean => v === PASSWORD_PLACEHOLDER, {
  message: `Passwords are never read from a document (it stays in the chat): write "${PASSWORD_PLACEHOLDER}" and type the password in the form the bot shows.`,
});

const UserConfigurationDoc = z.strictObject({
  roleGroup: RoleGroupRef,
  licenseSkus: list(text(128), 50),
  defaultPassword: PasswordSlot.optional(),
});

const UserFlowDoc = z.strictObject({
  createUnmatchedUsers: flag,
  managementOptions: z.strictObject({
    additionalAttributes: list(z.enum(ADDITIONAL_USER_ATTRIBUTES), 10),
    additionalOptions: z.strictObject({
      allowStudentContactAssociation: flag,
      studentAgeGroup: z.enum(STUDENT_AGE_GROUPS).nullable(),
    }),
  }),
  creationOptions: z.strictObject({ configurations: list(UserConfigurationDoc, 50) }),
});

const ClassGroupFlowDoc = z.strictObject({
  configuration: z.strictObject({
    additionalAttributes: list(z.enum(ADDITIONAL_CLASS_GROUP_ATTRIBUTES), 20),
    additionalOptions: z.strictObject({ createTeam: flag, writeDisplayNameOnCreateOnly: flag }),
    enrollmentMappings: z.strictObject({
      ownerCodes: list(text(64), 50),
      memberCodes: list(text(64), 50),
    }),
  }),
});

const SecurityGroupFlowDoc = z.strictObject({
  creationOptions: z.strictObject({
    createBasedOnRoleGroup: flag,
    createBasedOnOrgPlusRoleGroup: flag,
  }),
});

const AdministrativeUnitFlowDoc = z.strictObject({
  creationOptions: z.strictObject({ createBasedOnOrg: flag, createBasedOnOrgPlusRoleGroup: flag }),
});

/** Where the export came from: informative only, import never reads it. */
const SourceDoc = z.strictObject({
  flowSetId: text(128).optional(),
  lastModifiedDateTime: z.string().max(64).nullable().optional(),
  exportedAt: z.string().max(64).optional(),
  flowIds: z.partialRecord(z.enum(FLOW_KINDS), text(128)).optional(),
});

export const ConfigDocument = z.strictObject({
  $schema: z.literal(CONFIG_SCHEMA_ID, {
    error: `"$schema" must be "${CONFIG_SCHEMA_ID}" (a document exported by this bot).`,
  }),
  version: z.literal(CONFIG_VERSION, {
    error: `This bot reads version ${CONFIG_VERSION} documents.`,
  }),
  flowSet: FlowSetDoc,
  /** One flow of each type at most, as Graph allows (docs/graph-notes.md#one-flow-per-type). */
  flows: z.strictObject({
    user: UserFlowDoc.optional(),
    classGroup: ClassGroupFlowDoc.optional(),
    securityGroup: SecurityGroupFlowDoc.optional(),
    administrativeUnit: AdministrativeUnitFlowDoc.optional(),
  }),
  source: SourceDoc.optional(),
});
export type ConfigDocument = z.infer<typeof ConfigDocument>;
export type UserFlowDoc = z.infer<typeof UserFlowDoc>;
export type ClassGroupFlowDoc = z.infer<typeof ClassGroupFlowDoc>;

/** A problem in a document: where (`flows.user.creationOptions.configurations[0]`) and what. */
export interface DocumentError {
  path: string;
  message: string;
}

/** `['flows', 'user', 'x', 0]` → `flows.user.x[0]`; the document itself is "(document)". */
export function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path)
    out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out || '(document)';
}

/** Zod's issues as errors by path; an unknown key names itself in the path. */
export function issuesOf(error: z.ZodError): DocumentError[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({
        path: pathText([...issue.path, key]),
        message: 'Not a field of this format (misspelt, or from another version?).',
      }));
    return [{ path: pathText(issue.path), message: issue.message }];
  });
}
