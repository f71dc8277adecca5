/** `npm run package` (scripts/package-app.mjs), run as a child process into a temp folder. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_PACKAGE, filledManifest, ROOT, SAMPLE, type Manifest } from './sample';
import { readZip } from './zip';

describe('npm run package (scripts/package-app.mjs)', () => {
  const script = join(ROOT, 'scripts', 'package-app.mjs');
  let workDir: string;
  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), 'sds-package-'));
  });
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  /** Runs the script in an empty folder (so no developer .env leaks in) with only these variables. */
  const run = (env: Record<string, string>, args: string[] = []) =>
    spawnSync(process.execPath, [script, ...args], {
      cwd: workDir,
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
    });
  const manifestIn = (zipPath: string): Manifest => {
    const entry = readZip(readFileSync(zipPath)).find((e) => e.name === 'manifest.json');
    return JSON.parse(entry!.data.toString('utf8'));
  };

  it('when the variables are set, then the zip holds manifest.json and both icons at the top level', () => {
    const out = join(workDir, 'out', 'app.zip');
    const result = run(SAMPLE, ['--out', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const entries = readZip(readFileSync(out));
    expect(entries.map((e) => e.name).sort()).toEqual([
      'color.png',
      'manifest.json',
      'outline.png',
    ]);
    expect(JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString())).toEqual(
      filledManifest(),
    );
    for (const name of ['color.png', 'outline.png']) {
      expect(
        entries.find((e) => e.name === name)!.data.equals(readFileSync(join(APP_PACKAGE, name))),
      ).toBe(true);
    }
  });

  it.each([
    ['nothing set', {}, ['BOT_ID is missing', 'BOT_DOMAIN is missing']],
    [
      'a bad BOT_ID',
      { BOT_ID: 'my-bot', BOT_DOMAIN: 'bot.example' },
      ['BOT_ID "my-bot" is not a GUID'],
    ],
    [
      'a URL as BOT_DOMAIN',
      { BOT_ID: SAMPLE.BOT_ID, BOT_DOMAIN: 'https://bot.example/api' },
      ['BOT_DOMAIN "https://bot.example/api" must be a host name only'],
    ],
  ])('when %s, then it fails naming the variables', (_, env, messages) => {
    const result = run(env, ['--out', join(workDir, 'never.zip')]);
    expect(result.status).toBe(1);
    for (const message of messages) expect(result.stderr).toContain(message);
    expect(existsSync(join(workDir, 'never.zip'))).toBe(false);
  });

  it('when TEAMS_APP_ID and AAD_APP_CLIENT_ID are not set, then they default stably from BOT_ID', () => {
    const { BOT_ID, BOT_DOMAIN } = SAMPLE;
    const otherBot = '1c1c1c1c-2d2d-4e3e-8f4f-5a5a5a5a5a5a';
    const build = (botId: string, file: string) => {
      const out = join(workDir, file);
      expect(run({ BOT_ID: botId, BOT_DOMAIN, APP_PACKAGE_OUT: out }).status).toBe(0);
      return manifestIn(out);
    };
    const [first, again, other] = [
      build(BOT_ID, 'a.zip'),
      build(BOT_ID, 'b.zip'),
      build(otherBot, 'c.zip'),
    ];
    expect(first.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(again.id).toBe(first.id);
    expect(other.id).not.toBe(first.id);
    expect(first.webApplicationInfo).toEqual({ id: BOT_ID, resource: `api://botid-${BOT_ID}` });
  });
});
