/**
 * Configuration: one zod schema over the environment. Names follow the Teams Toolkit
 * conventions (BOT_ID, BOT_PASSWORD, BOT_TENANT_ID, BOT_TYPE, AAD_APP_*), plus our own keys.
 * Every key is documented in .env.sample. Without BOT_ID the bot runs in sandbox mode.
 */
import { z } from 'zod';
import { approvalKeys, approvalsConfig, type ApprovalsConfig } from './approvalKeys';
import { notifyConfig, notifyKeys, type NotifyConfig } from './notifyKeys';
import { telemetryConfig, telemetryKeys, type TelemetryConfig } from './telemetryKeys';
import { flag, optionalText, port } from './schemaParts';
import * as storageParts from './storageKeys';

export { APPROVAL_POLICY_GROUPS } from './approvalKeys';
export type { StorageConfig } from './storageKeys';

/** Key → schema, and the hint printed when the value is wrong. */
const keys = {
  BOT_ID: {
    schema: optionalText.pipe(z.uuid().optional()),
    hint: 'the Azure Bot app (client) id, a GUID; leave empty for sandbox mode',
  },
  BOT_PASSWORD: { schema: optionalText, hint: 'the client secret of the bot app registration' },
  BOT_TENANT_ID: {
    schema: optionalText.pipe(z.uuid().optional()),
    hint: 'your Entra tenant id (GUID)',
  },
  BOT_TYPE: {
    schema: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMsi']).default('SingleTenant'),
    hint: 'SingleTenant (recommended), MultiTenant or UserAssignedMsi',
  },
  PORT: { schema: port(3978), hint: 'a TCP port, 0-65535 (Teams convention: 3978)' },
  HOST: {
    schema: z.string().default('127.0.0.1'),
    hint: 'the interface to listen on, e.g. 0.0.0.0 in a container',
  },
  DATA_DIR: {
    schema: z.string().min(1).default('./data'),
    hint: 'a writable folder for the SQLite database',
  },
  LOG_LEVEL: {
    schema: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    hint: 'debug, info, warn or error',
  },
  GRAPH_BASE_URL: {
    schema: optionalText.pipe(z.url().optional()),
    hint: 'e.g. https://graph.microsoft.com/beta',
  },
  AAD_APP_CLIENT_ID: {
    schema: optionalText.pipe(z.uuid().optional()),
    hint: 'the Entra app used for SSO/OBO (defaults to BOT_ID)',
  },
  AAD_APP_CLIENT_SECRET: {
    schema: optionalText,
    hint: 'its client secret (defaults to BOT_PASSWORD)',
  },
  AAD_APP_TENANT_ID: {
    schema: optionalText.pipe(z.uuid().optional()),
    hint: 'tenant of the SSO app (defaults to BOT_TENANT_ID)',
  },
  AAD_APP_OAUTH_AUTHORITY_HOST: {
    schema: z.url().default('https://login.microsoftonline.com'),
    hint: 'an https URL',
  },
  SSO_APP_ID_URI: {
    schema: optionalText,
    hint: 'Application ID URI, default api://botid-<BOT_ID>',
  },
  EMULATOR_PORT: { schema: port(3979), hint: 'port of the sandbox Graph emulator' },
  IDP_PORT: { schema: port(3980), hint: 'port of the sandbox identity provider' },
  PLAYGROUND_PORT: {
    schema: port(56150),
    hint: 'port of the Agents Playground (Teams convention: 56150)',
  },
  PLAYGROUND: {
    schema: flag(true),
    hint: 'true or false: start the Agents Playground with the sandbox',
  },
  SANDBOX_READY_DELAY_MS: {
    schema: z.coerce.number().int().min(0).default(15000),
    hint: 'milliseconds before a new or reset flow becomes ready in the emulator',
  },
  SANDBOX_RUN_INTERVAL_SECONDS: {
    schema: z.coerce.number().min(1).max(43_200).default(600),
    hint: 'seconds of real time that stand for the 12 hours between scheduled sync runs in the emulator (43200 = real time; every other run period is compressed by the same factor)',
  },
  SANDBOX_SERVICES: {
    schema: z.enum(['local', 'external']).default('local'),
    hint: 'local (the bot starts the Graph emulator and identity provider) or external (use the ones at GRAPH_BASE_URL and SANDBOX_IDP_URL, shared by several instances)',
  },
  SANDBOX_IDP_URL: {
    schema: optionalText.pipe(z.url().optional()),
    hint: 'the sandbox identity provider, e.g. http://127.0.0.1:3980 (with SANDBOX_SERVICES=external)',
  },
  SSO_MODE: {
    schema: z.enum(['mint', 'teams']).optional(),
    hint: 'mint (sandbox: the local identity provider stands in for Teams SSO) or teams (real Teams SSO token exchange); default mint without BOT_ID, teams with it',
  },
  PREVIEW_TTL_MINUTES: {
    schema: z.coerce.number().positive().default(15),
    hint: 'minutes a change preview stays valid',
  },
  ...notifyKeys,
  ...approvalKeys,
  ...storageParts.storageKeys,
  ...telemetryKeys,
} as const;

type KeyName = keyof typeof keys;
/** Every environment key the bot reads (.env.sample documents each one). */
export const CONFIG_KEYS = Object.keys(keys) as KeyName[];
type Raw = { [K in KeyName]: z.output<(typeof keys)[K]['schema']> };

export interface Config {
  mode: 'sandbox' | 'production';
  port: number;
  host: string;
  dataDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  bot: { id?: string; password?: string; tenantId?: string; type: Raw['BOT_TYPE'] };
  graph: { baseUrl?: string };
  identity: {
    clientId?: string;
    clientSecret?: string;
    tenantId?: string;
    authorityHost: string;
    appIdUri?: string;
  };
  sandbox: {
    emulatorPort: number;
    idpPort: number;
    playgroundPort: number;
    playground: boolean;
    readyDelayMs: number;
    /** Real milliseconds between the emulator's scheduled runs (12 hours, compressed). */
    runScheduleMs: number;
    /** external: emulator and IdP run in another process (several instances share them). */
    services: 'local' | 'external';
    idpUrl?: string;
  };
  /** How the user's SSO assertion is obtained: minted by the sandbox IdP, or from Teams SSO. */
  ssoMode: 'mint' | 'teams';
  previewTtlMs: number;
  notify: NotifyConfig;
  approvals: ApprovalsConfig;
  /** SQLite or Azure Blob Storage (src/config/storageKeys.ts). */
  storage: storageParts.StorageConfig;
  /** This instance's name in every log line and in the poller lease. */
  instanceId: string;
  /** Where traces and metrics go (nowhere when neither exporter is set). */
  telemetry: TelemetryConfig;
  /** LOG_FORMAT when set; otherwise main.ts picks pretty for the sandbox on a terminal. */
  logFormat?: 'json' | 'pretty';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.sample for every key.`,
    );
    this.name = 'ConfigError';
  }
}

function parseKeys(env: Record<string, string | undefined>): {
  raw: Partial<Raw>;
  problems: string[];
} {
  const raw: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, { schema, hint }] of Object.entries(keys)) {
    const value = env[name] === '' ? undefined : env[name];
    const result = (schema as z.ZodType).safeParse(value);
    if (result.success) {
      raw[name] = result.data;
      continue;
    }
    // Secrets are not echoed back (the message goes to the console and the platform's log).
    const shown = /KEY|SECRET|PASSWORD|CONNECTION/.test(name) ? 'the value' : `"${value}"`;
    problems.push(`${name}: ${shown} is not valid; expected ${hint}.`);
  }
  return { raw: raw as Partial<Raw>, problems };
}

function sandboxProblems(r: Raw): string[] {
  if (r.SANDBOX_SERVICES !== 'external') return [];
  if (r.BOT_ID)
    return ['SANDBOX_SERVICES=external is for the sandbox only; remove it when BOT_ID is set.'];
  return [
    !r.SANDBOX_IDP_URL && 'SANDBOX_IDP_URL is required when SANDBOX_SERVICES=external.',
    !r.GRAPH_BASE_URL &&
      'GRAPH_BASE_URL (the emulator, …/beta) is required when SANDBOX_SERVICES=external.',
  ].filter((p): p is string => Boolean(p));
}

function consistencyProblems(r: Raw): string[] {
  const problems: string[] = sandboxProblems(r);
  if (!r.BOT_ID) return problems;
  const needs = (key: KeyName, why: string) => problems.push(`${key} is required ${why}.`);
  if (r.BOT_TYPE !== 'UserAssignedMsi' && !r.BOT_PASSWORD)
    needs('BOT_PASSWORD', 'when BOT_ID is set (the bot app secret)');
  if (r.BOT_TYPE === 'UserAssignedMsi' && r.BOT_PASSWORD)
    problems.push('BOT_PASSWORD must be empty when BOT_TYPE=UserAssignedMsi.');
  if (r.BOT_TYPE !== 'MultiTenant' && !r.BOT_TENANT_ID)
    needs('BOT_TENANT_ID', `when BOT_TYPE=${r.BOT_TYPE}`);
  if (!r.AAD_APP_CLIENT_SECRET && !r.BOT_PASSWORD)
    needs('AAD_APP_CLIENT_SECRET', 'for the on-behalf-of exchange (or set BOT_PASSWORD)');
  if (!r.AAD_APP_TENANT_ID && !r.BOT_TENANT_ID)
    needs('AAD_APP_TENANT_ID', 'for the on-behalf-of exchange (or set BOT_TENANT_ID)');
  if (r.SSO_MODE === 'mint')
    problems.push('SSO_MODE=mint is for the sandbox only; remove it when BOT_ID is set.');
  if (!r.AAD_APP_OAUTH_AUTHORITY_HOST.startsWith('https://'))
    problems.push('AAD_APP_OAUTH_AUTHORITY_HOST must be an https URL.');
  return problems;
}

/** Reads the environment; throws ConfigError listing every bad key at once. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const { raw, problems } = parseKeys(env);
  if (problems.length) throw new ConfigError(problems);
  const r = raw as Raw;
  const more = [...consistencyProblems(r), ...storageParts.storageProblems(r)];
  if (more.length) throw new ConfigError(more);
  const sandbox = !r.BOT_ID;
  return {
    mode: sandbox ? 'sandbox' : 'production',
    port: r.PORT,
    host: r.HOST,
    dataDir: r.DATA_DIR,
    logLevel: r.LOG_LEVEL,
    bot: { id: r.BOT_ID, password: r.BOT_PASSWORD, tenantId: r.BOT_TENANT_ID, type: r.BOT_TYPE },
    graph: {
      baseUrl: r.GRAPH_BASE_URL ?? (sandbox ? undefined : 'https://graph.microsoft.com/beta'),
    },
    identity: {
      clientId: r.AAD_APP_CLIENT_ID ?? r.BOT_ID,
      clientSecret: r.AAD_APP_CLIENT_SECRET ?? r.BOT_PASSWORD,
      tenantId: r.AAD_APP_TENANT_ID ?? r.BOT_TENANT_ID,
      authorityHost: r.AAD_APP_OAUTH_AUTHORITY_HOST.replace(/\/+$/, ''),
      appIdUri: r.SSO_APP_ID_URI ?? (r.BOT_ID ? `api://botid-${r.BOT_ID}` : undefined),
    },
    sandbox: {
      emulatorPort: r.EMULATOR_PORT,
      idpPort: r.IDP_PORT,
      playgroundPort: r.PLAYGROUND_PORT,
      playground: r.PLAYGROUND,
      readyDelayMs: r.SANDBOX_READY_DELAY_MS,
      runScheduleMs: Math.round(r.SANDBOX_RUN_INTERVAL_SECONDS * 1000),
      services: r.SANDBOX_SERVICES,
      idpUrl: r.SANDBOX_IDP_URL,
    },
    ssoMode: r.SSO_MODE ?? (sandbox ? 'mint' : 'teams'),
    previewTtlMs: r.PREVIEW_TTL_MINUTES * 60_000,
    notify: notifyConfig(r, sandbox),
    approvals: approvalsConfig(r, sandbox),
    storage: storageParts.storageConfig(r),
    instanceId: storageParts.instanceIdOf(r, env),
    telemetry: telemetryConfig(r),
    logFormat: r.LOG_FORMAT,
  };
}

/** Loads `.env` from the working directory if there is one (Node >= 20.12 has this built in). */
export function loadDotEnv(path = '.env'): void {
  try {
    process.loadEnvFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}
