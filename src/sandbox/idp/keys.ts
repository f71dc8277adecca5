/**
 * The sandbox IdP's RS256 signing key. Generated at start; when a key file is given it is reused
 * across restarts, so SSO/Graph tokens minted before a restart still verify afterwards.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { KeyLike } from 'jose';
import { z } from 'zod';

export const SIGNING_ALG = 'RS256';

export interface SigningKey {
  kid: string;
  privateKey: KeyLike;
  /** The public half as published in the JWKS (kid, alg, use set). */
  publicJwk: JWK;
}

/** Only the fields of a stored private RSA JWK we rely on; the file is ours, but it is still input. */
const storedKeySchema = z.object({
  kty: z.literal('RSA'),
  n: z.string().min(1),
  e: z.string().min(1),
  d: z.string().min(1),
  p: z.string().min(1),
  q: z.string().min(1),
  dp: z.string().min(1),
  dq: z.string().min(1),
  qi: z.string().min(1),
});

async function fromPrivateJwk(privateJwk: JWK): Promise<SigningKey> {
  const privateKey = (await importJWK(privateJwk, SIGNING_ALG)) as KeyLike;
  const publicPart: JWK = { kty: privateJwk.kty, n: privateJwk.n, e: privateJwk.e };
  const kid = await calculateJwkThumbprint(publicPart);
  return { kid, privateKey, publicJwk: { ...publicPart, kid, alg: SIGNING_ALG, use: 'sig' } };
}

function readStoredKey(keyFile: string): JWK | undefined {
  let text: string;
  try {
    text = readFileSync(keyFile, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const parsed = storedKeySchema.safeParse(JSON.parse(text));
  // A damaged key file is replaced rather than fatal: sandbox tokens are disposable.
  return parsed.success ? parsed.data : undefined;
}

/** Generates a key pair, or loads (and if missing, writes) the one stored at `keyFile`. */
export async function loadOrCreateSigningKey(keyFile?: string): Promise<SigningKey> {
  const stored = keyFile ? readStoredKey(keyFile) : undefined;
  if (stored) return fromPrivateJwk(stored);
  const { privateKey } = await generateKeyPair(SIGNING_ALG, {
    modulusLength: 2048,
    extractable: true,
  });
  const privateJwk = await exportJWK(privateKey);
  if (keyFile) {
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, JSON.stringify(privateJwk), { mode: 0o600 });
  }
  return fromPrivateJwk(privateJwk);
}
