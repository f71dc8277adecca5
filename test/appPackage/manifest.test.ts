/**
 * appPackage/manifest.json against the official Teams schema of its manifestVersion, read from
 * the copy bundled in @microsoft/app-manifest (so the check needs no network), plus the Teams
 * limits the schema does not encode.
 */
import { AppManifestUtils } from '@microsoft/app-manifest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { filledManifest, manifestTemplate, SAMPLE, type Manifest } from './sample';

// @microsoft/app-manifest requires strip-bom 5, an ES module that jest's CommonJS runtime cannot load
// (plain Node can). Only its file readers use it, not validateAgainstSchema, so a stand-in is enough.
jest.mock('strip-bom', () => ({
  __esModule: true,
  default: (text: string) => text.replace(/^\uFEFF/, ''),
}));

type SchemaArg = Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];

/** The schema file inside @microsoft/app-manifest for the manifest's $schema URL. */
function bundledSchemaPath(schemaUrl: string): string {
  const suffix = new URL(schemaUrl).pathname.replace(/^\/[a-z]{2}-[a-z]{2}\//i, '/');
  const pkg = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return join(pkg, 'build', suffix);
}

async function schemaErrors(manifest: Manifest): Promise<string[]> {
  const schema = JSON.parse(readFileSync(bundledSchemaPath(manifest.$schema), 'utf8')) as SchemaArg;
  return AppManifestUtils.validateAgainstSchema(manifest as never, schema);
}

describe('appPackage/manifest.json', () => {
  it('when the placeholders are filled with sample values, then it matches the official schema', async () => {
    const manifest = filledManifest();
    expect(existsSync(bundledSchemaPath(manifest.$schema))).toBe(true);
    expect(manifest.$schema).toContain(`/v${manifest.manifestVersion}/`);
    const [major, minor] = manifest.manifestVersion.split('.').map(Number);
    expect(major === 1 && minor! >= 19).toBe(true);
    expect(await schemaErrors(manifest)).toEqual([]);
  });

  it('when a command list breaks the schema, then the validation reports it (the check is real)', async () => {
    const manifest = filledManifest();
    const list = manifest.bots[0]!.commandLists[0]!;
    list.commands = [...list.commands, ...list.commands];
    expect((await schemaErrors(manifest)).join('\n')).toMatch(/commands/);
  });

  it('then it uses exactly the Agents Toolkit placeholders that npm run package fills', () => {
    const names = new Set(
      [...manifestTemplate.matchAll(/\$\{\{([A-Z0-9_]+)\}\}/g)].map((m) => m[1]),
    );
    expect([...names].sort()).toEqual([
      'AAD_APP_CLIENT_ID',
      'BOT_DOMAIN',
      'BOT_ID',
      'TEAMS_APP_ID',
    ]);
  });

  it('then the bot offers the same commands in personal, team and group chat, within Teams limits', () => {
    const bot = filledManifest().bots[0]!;
    expect(bot.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot.commandLists.map((l) => l.scopes)).toEqual([['personal'], ['team'], ['groupChat']]);
    // At most 12 per list (schema): `runs` took the place of `rolegroups` (still in help).
    const expected = ['help', 'whoami', 'list', 'show', 'status', 'runs', 'create'];
    for (const { commands } of bot.commandLists) {
      expect(commands.map((c) => c.title)).toEqual([
        ...expected,
        ...['edit', 'reset', 'notify here', 'approvals', 'history'],
      ]);
      for (const { title, description } of commands) {
        expect(title.length).toBeLessThanOrEqual(32);
        expect(description.length).toBeLessThanOrEqual(128);
      }
    }
  });

  it('then SSO and the domains point at the bot', () => {
    const manifest = filledManifest();
    expect(manifest.bots[0]!.botId).toBe(SAMPLE.BOT_ID);
    expect(manifest.webApplicationInfo).toEqual({
      id: SAMPLE.AAD_APP_CLIENT_ID,
      resource: `api://botid-${SAMPLE.BOT_ID}`,
    });
    expect(manifest.validDomains).toEqual([SAMPLE.BOT_DOMAIN]);
    expect(manifest.permissions).toEqual(['identity', 'messageTeamMembers']);
  });
});
