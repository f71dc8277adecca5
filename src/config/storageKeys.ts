/**
 * Configuration of durable state: SQLite (one process or one machine, the default) or Azure Blob
 * Storage (several instances, e.g. App Service scaled out), the key that encrypts the shared
 * token cache, and this instance's id (in every log line and in the poller lease).
 */
import { hostname } from 'node:os';
import { z } from 'zod';
import { optionalText, type RawOf } from './schemaParts';

/** Container names: 3-63 lowercase letters, digits and single hyphens (learn.microsoft.com/rest/api/storageservices/naming-and-referencing-containers--blobs--and-metadata). */
const CONTAINER = /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/;

/** 32 random bytes in base64 (AES-256), e.g. `openssl rand -base64 32`. */
const tokenCacheKey = optionalText.pipe(
  z
    .string()
    .refine((v) => /^[A-Za-z0-9+/]+={0,2}$/.test(v) && Buffer.from(v, 'base64').length === 32)
    .optional(),
);

export const storageKeys = {
  STORAGE: {
    schema: z.enum(['sqlite', 'azure']).default('sqlite'),
    hint: 'sqlite (one instance, DATA_DIR) or azure (Azure Blob Storage, several instances)',
  },
  AZURE_STORAGE_CONNECTION_STRING: {
    schema: optionalText,
    hint: 'an Azure Storage connection string (UseDevelopmentStorage=true for Azurite)',
  },
  AZURE_STORAGE_ACCOUNT_URL: {
    schema: optionalText.pipe(z.url().optional()),
    hint: 'the blob endpoint, e.g. https://<account>.blob.core.windows.net (managed identity)',
  },
  AZURE_STORAGE_CONTAINER: {
    schema: z.string().regex(CONTAINER).default('sds-flow-admin'),
    hint: 'a container name: 3-63 lowercase letters, digits and single hyphens',
  },
  AZURE_STORAGE_PREFIX: {
    schema: z
      .string()
      .regex(/^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*\/?$/)
      .optional(),
    hint: 'a blob-name prefix of letters, digits, _ - and /, e.g. district-a/',
  },
  TOKEN_CACHE_KEY: {
    schema: tokenCacheKey,
    hint: '32 random bytes in base64 (openssl rand -base64 32)',
  },
  INSTANCE_ID: {
    schema: optionalText.pipe(z.string().max(100).optional()),
    hint: 'a name for this instance in logs (default: WEBSITE_INSTANCE_ID, else host-pid)',
  },
} as const;

export interface StorageConfig {
  kind: 'sqlite' | 'azure';
  connectionString?: string;
  accountUrl?: string;
  container: string;
  /** Blob-name prefix, '' for none; ends with '/' when set. */
  prefix: string;
  /** base64 of 32 bytes: encrypts the shared token cache. Always set when kind is azure. */
  tokenCacheKey?: string;
}

type Raw = RawOf<typeof storageKeys>;

export function storageProblems(r: Raw): string[] {
  if (r.STORAGE !== 'azure') return [];
  const problems: string[] = [];
  if (!r.AZURE_STORAGE_CONNECTION_STRING && !r.AZURE_STORAGE_ACCOUNT_URL)
    problems.push(
      'STORAGE=azure needs AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_ACCOUNT_URL.',
    );
  if (r.AZURE_STORAGE_CONNECTION_STRING && r.AZURE_STORAGE_ACCOUNT_URL)
    problems.push('Set only one of AZURE_STORAGE_CONNECTION_STRING and AZURE_STORAGE_ACCOUNT_URL.');
  if (!r.TOKEN_CACHE_KEY)
    problems.push(
      'TOKEN_CACHE_KEY is required with STORAGE=azure: the shared token cache holds refresh ' +
        'tokens and is encrypted with it (generate one with: openssl rand -base64 32).',
    );
  return problems;
}

export function storageConfig(r: Raw): StorageConfig {
  const prefix = r.AZURE_STORAGE_PREFIX ?? '';
  return {
    kind: r.STORAGE,
    connectionString: r.AZURE_STORAGE_CONNECTION_STRING,
    accountUrl: r.AZURE_STORAGE_ACCOUNT_URL,
    container: r.AZURE_STORAGE_CONTAINER,
    prefix: prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix,
    tokenCacheKey: r.TOKEN_CACHE_KEY,
  };
}

/** INSTANCE_ID, else App Service's WEBSITE_INSTANCE_ID, else host-pid. */
export function instanceIdOf(r: Raw, env: Record<string, string | undefined>): string {
  return r.INSTANCE_ID ?? (env.WEBSITE_INSTANCE_ID || `${hostname()}-${process.pid}`);
}
