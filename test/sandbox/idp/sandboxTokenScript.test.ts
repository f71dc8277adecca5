/** scripts/sandbox-token.mjs (`npm run token`) against a real IdP on a random port. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { createMemoryLogger } from '../../../src/log';
import { startLocalIdentityProvider, type LocalIdentityProvider } from '../../../src/sandbox/idp';
import { RUN_READ_SCOPE, SANDBOX_USERS } from '../../../src/sandbox/users';

const script = join(__dirname, '../../../scripts/sandbox-token.mjs');
let idp: LocalIdentityProvider;

beforeAll(async () => {
  idp = await startLocalIdentityProvider({ logger: createMemoryLogger().logger });
});
afterAll(() => idp.close());

function run(args: string[], port = new URL(idp.issuerBaseUrl).port) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [script, ...args],
      { env: { ...process.env, IDP_PORT: port } },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code) : 0, stdout, stderr }),
    );
  });
}

describe('npm run token', () => {
  it('when asked for "AVERY", then stdout is only a token the emulator accepts as Avery', async () => {
    const { code, stdout, stderr } = await run(['AVERY']);
    expect(code).toBe(0);
    const caller = await idp.authenticateGraphRequest(`Bearer ${stdout.trim()}`);
    expect(caller.oid).toBe(SANDBOX_USERS[0].aadObjectId);
    expect(stderr).toContain('Avery Admin');
  });

  it('when asked for the app, then the token is app-only and may read sync runs', async () => {
    const { stdout } = await run(['app']);
    const caller = await idp.authenticateGraphRequest(`Bearer ${stdout.trim()}`);
    expect(caller.kind).toBe('application');
    expect(caller.roles).toContain(RUN_READ_SCOPE);
  });

  it('when --list is given, then every user and purpose is printed', async () => {
    const { stdout } = await run(['--list']);
    for (const user of SANDBOX_USERS) expect(stdout).toContain(user.purpose);
  });

  it.each([
    [['casey'], /AADSTS65001/],
    [['nobody'], /No sandbox user "nobody"/],
  ])('when asked for %j, then it fails with a clear message', async (args, message) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('when the sandbox is not running, then it says so and prints usage', async () => {
    const closed = await startLocalIdentityProvider({ logger: createMemoryLogger().logger });
    const port = new URL(closed.issuerBaseUrl).port;
    await closed.close();
    const { code, stderr } = await run(['avery'], port);
    expect(code).toBe(1);
    expect(stderr).toMatch(/not reachable/);
    expect(stderr).toMatch(/Usage:/);
  });
});
