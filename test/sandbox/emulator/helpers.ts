/** Shared test helpers for the Graph emulator: real HTTP calls over loopback, example loading. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphEmulator } from '../../../src/sandbox/emulator';
import { GRAPH_DOCS_DIR } from '../../support/graphDocs';

export const EXAMPLES_DIR = GRAPH_DOCS_DIR;

export interface ExampleRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface ExampleResponse {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown> | null;
}

export function loadExample<T>(file: string): T {
  return JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as T;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  // Parsed JSON answer; tests read it loosely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  token?: string;
}

/** Calls the emulator; `path` is relative to its base URL (…/beta) unless it is absolute. */
export async function call(
  emulator: Pick<GraphEmulator, 'baseUrl'>,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult> {
  const url = /^https?:/.test(path) ? path : emulator.baseUrl + path;
  const headers: Record<string, string> = { ...options.headers };
  if (
    options.body !== undefined &&
    !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')
  ) {
    headers['Content-Type'] = 'application/json';
  }
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  const res = await fetch(url, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    text,
    body: text ? JSON.parse(text) : undefined,
  };
}

export const SETS = '/external/industryData/outboundProvisioningFlowSets';
export const flowsOf = (setId: string) => `${SETS}/${setId}/provisioningFlows`;
export const ROLE_GROUP_BIND = 'https://graph.microsoft.com/beta/external/industryData/roleGroups/';
export const NS = '#microsoft.graph.industryData';

export async function createSet(
  emulator: GraphEmulator,
  displayName = 'Test set',
  filter?: string[],
): Promise<string> {
  const body = {
    displayName,
    ...(filter
      ? { filter: { '@odata.type': `${NS}.basicFilter`, attribute: 'orgExternalId', in: filter } }
      : {}),
  };
  const res = await call(emulator, 'POST', SETS, { body });
  if (res.status !== 201) throw new Error(`createSet: ${res.status} ${res.text}`);
  return res.body.id as string;
}

/** Minimal valid bodies of each flow type. */
export const FLOW_BODIES = {
  user: {
    '@odata.type': `${NS}.userProvisioningFlow`,
    createUnmatchedUsers: true,
    managementOptions: {
      additionalAttributes: ['userGradeLevel'],
      additionalOptions: { studentAgeGroup: 'minor', allowStudentContactAssociation: false },
    },
    creationOptions: {
      configurations: [
        {
          'roleGroup@odata.bind': `${ROLE_GROUP_BIND}staff`,
          defaultPasswordSettings: {
            '@odata.type': `${NS}.simplePasswordSettings`,
            password: 'Secret-1',
          },
          licenseSkus: ['SkuA'],
        },
        { 'roleGroup@odata.bind': `${ROLE_GROUP_BIND}students`, licenseSkus: ['SkuB'] },
      ],
    },
  },
  classGroup: {
    '@odata.type': `${NS}.classGroupProvisioningFlow`,
    configuration: {
      additionalAttributes: ['courseTitle'],
      additionalOptions: { createTeam: true, writeDisplayNameOnCreateOnly: false },
      enrollmentMappings: {
        ownerEnrollmentMappings: [{ code: 'teacher' }],
        memberEnrollmentMappings: [{ code: 'student' }],
      },
    },
  },
  securityGroup: {
    '@odata.type': `${NS}.securityGroupProvisioningFlow`,
    creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
  },
  administrativeUnit: {
    '@odata.type': `${NS}.administrativeUnitProvisioningFlow`,
    creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: true },
  },
} as const;

export async function createFlow(
  emulator: GraphEmulator,
  setId: string,
  kind: keyof typeof FLOW_BODIES,
): Promise<string> {
  const res = await call(emulator, 'POST', flowsOf(setId), { body: FLOW_BODIES[kind] });
  if (res.status !== 201) throw new Error(`createFlow: ${res.status} ${res.text}`);
  return res.body.id as string;
}

/** Polls (no timed assertion) until `check` passes or the attempts run out. */
export async function eventually<T>(
  probe: () => Promise<T>,
  check: (value: T) => boolean,
  attempts = 200,
): Promise<T> {
  let value = await probe();
  for (let i = 0; i < attempts && !check(value); i += 1) {
    await new Promise((r) => setTimeout(r, 10));
    value = await probe();
  }
  return value;
}
