/** Shared by the app package tests: the manifest template, filled with sample values. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const APP_PACKAGE = join(ROOT, 'appPackage');
export const SAMPLE = {
  TEAMS_APP_ID: '6e0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
  BOT_ID: '0b0b0b0b-1c1c-4d2d-8e3e-4f4f4f4f4f4f',
  AAD_APP_CLIENT_ID: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
  BOT_DOMAIN: 'sds-bot.contoso-schools.example',
};

export type Manifest = Record<string, unknown> & {
  $schema: string;
  manifestVersion: string;
  icons: { color: string; outline: string };
  bots: Array<{
    botId: string;
    scopes: string[];
    commandLists: Array<{
      scopes: string[];
      commands: Array<{ title: string; description: string }>;
    }>;
  }>;
};

export const manifestTemplate = readFileSync(join(APP_PACKAGE, 'manifest.json'), 'utf8');

/** The manifest with every `${{NAME}}` replaced from SAMPLE (an unknown name stays visible). */
export function filledManifest(): Manifest {
  const text = manifestTemplate.replace(
    /\$\{\{([A-Z0-9_]+)\}\}/g,
    (_, name: string) => SAMPLE[name as keyof typeof SAMPLE] ?? `<unfilled ${name}>`,
  );
  return JSON.parse(text);
}
