/**
 * Approvers from an Entra group (APPROVER_GROUP_ID): the emulator's transitiveMembers route with
 * the sandbox app token (GroupMember.Read.All), the reader that follows its pages, and the
 * directory that caches membership briefly and fails closed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApproverDirectory } from '../../src/approvals/approvers';
import { groupMembersReader } from '../../src/approvals/groupMembers';
import { loadConfig } from '../../src/config';
import { AppError } from '../../src/errors';
import { createHttp } from '../../src/graph/http';
import { createSandboxGraphIdentity } from '../../src/identity';
import { createMemoryLogger } from '../../src/log';
import { SANDBOX_APPROVER_GROUP_ID, SANDBOX_IT_LEADS_GROUP_ID } from '../../src/sandbox/emulator';
import { startSandbox, type SandboxServices } from '../../src/sandbox/startSandbox';
import { SANDBOX_USERS } from '../../src/sandbox/users';

const [AVERY, BLAKE] = SANDBOX_USERS;
const { logger } = createMemoryLogger();
let sandbox: SandboxServices;
let dir: string;
let appToken: () => Promise<string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'approver-group-'));
  sandbox = await startSandbox(
    loadConfig({ EMULATOR_PORT: '0', IDP_PORT: '0', DATA_DIR: dir }),
    logger,
  );
  appToken = createSandboxGraphIdentity(sandbox.idp, { logger }).appOnly();
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

async function get(path: string, token?: string) {
  const res = await fetch(`${sandbox.emulator.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${token ?? (await appToken())}` },
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('the emulator’s group members', () => {
  it('when the app reads SDS Approvers cast to users with $select=id, then Blake is the one member', async () => {
    const { status, body } = await get(
      `/groups/${SANDBOX_APPROVER_GROUP_ID}/transitiveMembers/microsoft.graph.user?$select=id`,
    );
    expect(status).toBe(200);
    expect(body).toEqual({
      '@odata.context': 'https://graph.microsoft.com/beta/$metadata#users(id)',
      value: [{ id: BLAKE!.aadObjectId }],
    });
  });

  it('when a group holds another group, then transitive members include the nested group’s members (and, uncast, the group itself)', async () => {
    const users = await get(
      `/groups/${SANDBOX_IT_LEADS_GROUP_ID}/transitiveMembers/microsoft.graph.user?$select=id`,
    );
    expect(users.body.value.map((m: { id: string }) => m.id)).toEqual([
      AVERY!.aadObjectId,
      BLAKE!.aadObjectId,
    ]);
    const all = await get(
      `/groups/${SANDBOX_IT_LEADS_GROUP_ID}/transitiveMembers?$select=id,displayName`,
    );
    expect(all.body.value).toEqual([
      {
        '@odata.type': '#microsoft.graph.group',
        id: SANDBOX_APPROVER_GROUP_ID,
        displayName: 'SDS Approvers',
      },
      { '@odata.type': '#microsoft.graph.user', id: AVERY!.aadObjectId, displayName: AVERY!.name },
      { '@odata.type': '#microsoft.graph.user', id: BLAKE!.aadObjectId, displayName: BLAKE!.name },
    ]);
  });

  it('when $top is smaller than the group, then a nextLink keeping $select leads to the rest', async () => {
    const first = await get(
      `/groups/${SANDBOX_IT_LEADS_GROUP_ID}/transitiveMembers/microsoft.graph.user?$select=id&$top=1`,
    );
    expect(first.body.value).toEqual([{ id: AVERY!.aadObjectId }]);
    const next = String(first.body['@odata.nextLink']);
    expect(next).toContain('$select=id');
    const rest = await get(next.slice(sandbox.emulator.baseUrl.length));
    expect(rest.body).not.toHaveProperty('@odata.nextLink');
    expect(rest.body.value).toEqual([{ id: BLAKE!.aadObjectId }]);
  });

  it.each([
    [
      'an unknown group',
      `/groups/00000000-0000-4000-8000-000000000000/transitiveMembers`,
      404,
      'Request_ResourceNotFound',
    ],
    [
      'an unknown property in $select',
      `/groups/${SANDBOX_APPROVER_GROUP_ID}/transitiveMembers?$select=mail`,
      400,
      'badRequest',
    ],
    [
      'another cast',
      `/groups/${SANDBOX_APPROVER_GROUP_ID}/transitiveMembers/microsoft.graph.device`,
      404,
      'itemNotFound',
    ],
  ])('when asked for %s, then Graph’s error comes back', async (_, path, status, code) => {
    const { status: got, body } = await get(path);
    expect([got, body.error.code]).toEqual([status, code]);
  });

  it('when a user token without a group permission is used, then the answer is 403', async () => {
    const token = await sandbox.idp.mintGraphToken({ aadObjectId: AVERY!.aadObjectId });
    const { status, body } = await get(
      `/groups/${SANDBOX_APPROVER_GROUP_ID}/transitiveMembers`,
      token,
    );
    expect([status, body.error.code]).toEqual([403, 'Authorization_RequestDenied']);
  });
});

describe('approver directory', () => {
  const reader = () =>
    groupMembersReader(
      createHttp({ baseUrl: sandbox.emulator.baseUrl }),
      sandbox.emulator.baseUrl,
      appToken,
    );

  it('when the group is read through the reader, then every transitive user member is an approver, in lower case', async () => {
    expect(await reader()(SANDBOX_IT_LEADS_GROUP_ID)).toEqual([
      AVERY!.aadObjectId,
      BLAKE!.aadObjectId,
    ]);
  });

  it('when many clicks ask at once and again within a minute, then the group is read once; after a minute, again', async () => {
    let reads = 0;
    const clock = { now: 0 };
    const read = reader();
    const directory = createApproverDirectory({
      approvers: [],
      groupId: SANDBOX_APPROVER_GROUP_ID,
      readGroup: async (id) => (reads++, read(id)),
      logger,
      now: () => clock.now,
    });
    const answers = await Promise.all(
      [BLAKE, AVERY, BLAKE].map((u) => directory.isApprover(u!.aadObjectId)),
    );
    expect(answers).toEqual([true, false, true]);
    clock.now += 59_000;
    expect(await directory.isApprover(BLAKE!.aadObjectId.toUpperCase())).toBe(true);
    expect(reads).toBe(1);
    clock.now += 2_000;
    await directory.isApprover(BLAKE!.aadObjectId);
    expect(reads).toBe(2);
  });

  it('when the group cannot be read, then nobody from it is an approver (an error, never a yes) and the list says it is incomplete', async () => {
    const directory = createApproverDirectory({
      approvers: [AVERY!.aadObjectId],
      groupId: SANDBOX_APPROVER_GROUP_ID,
      readGroup: async () => {
        throw new AppError('unavailable', 'Graph is down');
      },
      logger,
    });
    await expect(directory.isApprover(BLAKE!.aadObjectId)).rejects.toMatchObject({
      code: 'unavailable',
    });
    expect(await directory.isApprover(AVERY!.aadObjectId)).toBe(true);
    expect(await directory.list()).toEqual({ ids: [AVERY!.aadObjectId], complete: false });
  });

  it('when neither APPROVERS nor a group is set, then nobody is an approver', async () => {
    const directory = createApproverDirectory({
      approvers: [],
      readGroup: async () => [BLAKE!.aadObjectId],
      logger,
    });
    expect(directory.noneConfigured).toBe(true);
    expect(await directory.isApprover(BLAKE!.aadObjectId)).toBe(false);
    expect(await directory.list()).toEqual({ ids: [], complete: true });
  });
});
