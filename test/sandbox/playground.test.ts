/**
 * startPlayground against the real Agents Playground CLI, with a bot stand-in that only answers
 * HTTP 200 (the Playground probes the endpoint before it talks to it). Reads the mocked Bot
 * Framework connector to check which config file it loaded.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryLogger } from '../../src/log';
import { startPlayground, type RunningPlayground } from '../../src/sandbox/playground';
import { SANDBOX_TENANT_ID, SANDBOX_USERS } from '../../src/sandbox/users';

const PROJECT_CONFIG = join(__dirname, '..', '..', '.m365agentsplayground.yml');
const TEAM_ID = '19:sandbox-general-channel@thread.tacv2';
const PERSONAL_CHAT_ID = 'a:sandbox-personal-chat-avery';

interface Member {
  id: string;
  name: string;
  aadObjectId: string;
  userPrincipalName: string;
  tenantId: string;
}

let bot: Server;
let botEndpoint: string;
let workDir: string;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'playground-test-'));
  bot = createServer((_req, res) => {
    res.writeHead(200); // not chained: restify patches writeHead to return nothing
    res.end();
  });
  await new Promise<void>((done) => bot.listen(0, '127.0.0.1', done));
  botEndpoint = `http://127.0.0.1:${(bot.address() as AddressInfo).port}/api/messages`;
});

afterAll(async () => {
  await new Promise((done) => bot.close(done));
  rmSync(workDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}

const connector = async <T>(playground: RunningPlayground, path: string): Promise<T> => {
  const response = await fetch(`${playground.url}/_connector/v3${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
};

describe('startPlayground', () => {
  it('when started on port 0 with the project config, then it serves the sandbox tenant until stopped', async () => {
    const { logger, lines } = createMemoryLogger();
    const playground = await startPlayground({ port: 0, botEndpoint, logger });
    try {
      expect(playground.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(playground.configFile).toBe(PROJECT_CONFIG);
      const team = encodeURIComponent(TEAM_ID);
      const { members } = await connector<{ members: Member[] }>(
        playground,
        `/conversations/${team}/pagedmembers`,
      );
      // The five sandbox users, plus the current user (Avery again, under its own channel account id).
      const people = members.map((m) => [m.aadObjectId, m.name, m.userPrincipalName, m.tenantId]);
      const sandbox = SANDBOX_USERS.map((u) => [u.aadObjectId, u.name, u.upn, SANDBOX_TENANT_ID]);
      expect(people).toEqual(expect.arrayContaining(sandbox));
      expect(members).toHaveLength(6);
      const { conversations } = await connector<{
        conversations: Array<{ id: string; name?: string }>;
      }>(playground, `/teams/${team}/conversations`);
      // As in Teams, General is the team id and comes without a name.
      expect(conversations.map((c) => [c.id, c.name])).toEqual([
        [TEAM_ID, undefined],
        ['19:sandbox-sds-approvals@thread.tacv2', 'SDS Approvals'],
      ]);
      expect(lines.some((l) => l.includes('Listening on'))).toBe(true);
    } finally {
      await playground.stop();
    }
    await expect(fetch(playground.url)).rejects.toThrow();
  });

  it('when given another config file, then the Playground uses its current user', async () => {
    const blake = SANDBOX_USERS[1]!;
    const asBlake = readFileSync(PROJECT_CONFIG, 'utf8')
      .replace('id: 29:sandbox-current-avery', 'id: 29:sandbox-current-blake')
      .replace(/(currentUser:\n(?:\s{2}.*\n)*?)\s{2}name: Avery Admin/, `$1  name: ${blake.name}`)
      .replace(
        /(currentUser:\n(?:\s{2}.*\n)*?)\s{2}aadObjectId: \S+/,
        `$1  aadObjectId: ${blake.aadObjectId}`,
      );
    const configFile = join(workDir, 'as-blake.yml');
    writeFileSync(configFile, asBlake);
    const playground = await startPlayground({ port: 0, botEndpoint, configFile });
    try {
      // GET …/members/{id} is what TeamsInfo.getMember calls (the list route says objectId instead).
      const member = await connector<Member>(
        playground,
        `/conversations/${PERSONAL_CHAT_ID}/members/${encodeURIComponent('29:sandbox-current-blake')}`,
      );
      expect([member.name, member.aadObjectId]).toEqual([blake.name, blake.aadObjectId]);
    } finally {
      await playground.stop();
    }
  });

  it('when the requested port is taken, then it starts on another one and says so', async () => {
    const { logger, lines } = createMemoryLogger();
    const taken = (bot.address() as AddressInfo).port;
    const playground = await startPlayground({ port: taken, botEndpoint, logger });
    try {
      expect(playground.port).not.toBe(taken);
      expect((await fetch(playground.url)).status).toBe(200);
      expect(lines.some((l) => l.includes('requested port was taken'))).toBe(true);
    } finally {
      await playground.stop();
    }
  });

  it('when it is not up within the wait, then the error names the port', async () => {
    const free = await freePort();
    const start = startPlayground({ port: free, botEndpoint, startTimeoutMs: 1 });
    await expect(start).rejects.toThrow(`did not answer on port ${free} within 1 ms`);
  });

  it.each([
    ['a config file that does not exist', 'missing.yml', /config file not found: .*missing\.yml/],
    [
      'a team with two channels besides General',
      'two-channels.yml',
      /exited with 1[\s\S]*channels/,
    ],
  ])('when given %s, then it fails saying why', async (_, file, reason) => {
    const twoChannels = readFileSync(PROJECT_CONFIG, 'utf8').replace(
      '      name: SDS Approvals\n',
      '      name: SDS Approvals\n    - id: 19:sandbox-sds-alerts@thread.tacv2\n      name: SDS Alerts\n',
    );
    writeFileSync(join(workDir, 'two-channels.yml'), twoChannels);
    const start = startPlayground({ port: 0, botEndpoint, configFile: join(workDir, file) });
    await expect(start).rejects.toThrow(reason);
  });
});
