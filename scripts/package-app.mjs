#!/usr/bin/env node
/**
 * Builds the Teams app package (npm run package): appPackage/build/appPackage.zip holding
 * manifest.json, color.png and outline.png at the top level (Teams rejects nested folders).
 *
 * The `${{NAME}}` placeholders in appPackage/manifest.json follow the Agents Toolkit convention
 * and are filled from the environment, after loading `.env` from the working directory if present
 * (values already in the environment win). Variables:
 *   BOT_ID             required, GUID: the Azure Bot's Microsoft App ID
 *   BOT_DOMAIN         required, host name (no https://, no path) where the bot is reachable
 *   AAD_APP_CLIENT_ID  optional, GUID: the Entra app used for Teams SSO; defaults to BOT_ID
 *                      (src/config.ts makes the same default)
 *   TEAMS_APP_ID       optional, GUID; defaults to a name-based UUID (v5) of BOT_ID, so rebuilding
 *                      the package for the same bot keeps the same app id (Teams treats the new
 *                      upload as an update of the app) and two deployments never share an id.
 * Options: --out <file> (or APP_PACKAGE_OUT) to write the zip elsewhere; --env-file <file>.
 * The zip writer is hand-written (deflate-raw + our own CRC-32) so the project needs no zip dependency.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { crc32 } from './lib/crc32.mjs';

const APP_PACKAGE = join(dirname(fileURLToPath(import.meta.url)), '..', 'appPackage');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:\d{1,5})?$/i;
// Fixed namespace for TEAMS_APP_ID derivation; changing it would change every derived app id.
const APP_ID_NAMESPACE = '6f1d3c52-8a4e-4b7a-9c11-5d2e8f0a7b34';

class PackageError extends Error {}

/** RFC 4122 version 5 (SHA-1, name-based) UUID. */
export function uuidV5(name, namespace) {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The placeholder values, or a PackageError naming every missing or malformed variable. */
export function resolveVariables(env) {
  const value = (name) => (env[name] ?? '').trim();
  const problems = [];
  // An optional variable without a value takes its fallback; no fallback means BOT_ID is already reported.
  const guid = (name, fallback) => {
    const v = value(name) || fallback;
    if (!v) {
      if (fallback === undefined) problems.push(`${name} is missing (expected a GUID)`);
    } else if (!GUID.test(v)) problems.push(`${name} "${v}" is not a GUID`);
    return v;
  };
  const botId = guid('BOT_ID');
  const vars = {
    BOT_ID: botId,
    AAD_APP_CLIENT_ID: guid('AAD_APP_CLIENT_ID', GUID.test(botId) ? botId : ''),
    TEAMS_APP_ID: guid('TEAMS_APP_ID', GUID.test(botId) ? uuidV5(botId, APP_ID_NAMESPACE) : ''),
    BOT_DOMAIN: value('BOT_DOMAIN'),
  };
  if (!vars.BOT_DOMAIN)
    problems.push('BOT_DOMAIN is missing (expected a host name like bot.contoso.edu)');
  else if (!HOST.test(vars.BOT_DOMAIN))
    problems.push(
      `BOT_DOMAIN "${vars.BOT_DOMAIN}" must be a host name only, without https:// or a path`,
    );
  if (problems.length)
    throw new PackageError(`Cannot build the app package:\n  - ${problems.join('\n  - ')}`);
  return vars;
}

/** Replaces every `${{NAME}}`; an unknown name is an error rather than a broken manifest. */
export function fillPlaceholders(text, vars) {
  const unknown = new Set();
  const filled = text.replace(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g, (_, name) => {
    if (name in vars) return vars[name];
    unknown.add(name);
    return '';
  });
  if (unknown.size)
    throw new PackageError(`manifest.json uses unknown placeholders: ${[...unknown].join(', ')}`);
  return filled;
}

/** A zip (PKWARE APPNOTE 6.3) of deflated files, no directories, no zip64: enough for a package. */
export function createZip(files) {
  const local = [];
  const central = [];
  let offset = 0;
  // DOS date/time of 1980-01-01 00:00: fixed so that the same inputs give the same bytes.
  const [dosTime, dosDate] = [0, (0 << 9) | (1 << 5) | 1];
  for (const { name, data } of files) {
    const nameBytes = Buffer.from(name, 'utf8');
    const compressed = deflateRawSync(data, { level: 9 });
    const fields = { crc: crc32(data), size: data.length, csize: compressed.length };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    writeCommon(header, 4, fields, nameBytes.length, dosTime, dosDate);
    local.push(header, nameBytes, compressed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // version made by: 2.0, MS-DOS attributes
    writeCommon(entry, 6, fields, nameBytes.length, dosTime, dosDate);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += header.length + nameBytes.length + compressed.length;
  }
  const centralBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, centralBytes, end]);
}

/** The fields shared by local and central headers, from "version needed" to the name length. */
function writeCommon(buf, at, { crc, size, csize }, nameLength, dosTime, dosDate) {
  buf.writeUInt16LE(20, at); // version needed to extract: 2.0 (deflate)
  buf.writeUInt16LE(0x0800, at + 2); // flags: names are UTF-8
  buf.writeUInt16LE(8, at + 4); // method: deflate
  buf.writeUInt16LE(dosTime, at + 6);
  buf.writeUInt16LE(dosDate, at + 8);
  buf.writeUInt32LE(crc, at + 10);
  buf.writeUInt32LE(csize, at + 14);
  buf.writeUInt32LE(size, at + 18);
  buf.writeUInt16LE(nameLength, at + 22);
}

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out' || argv[i] === '--env-file') args[argv[i].slice(2)] = argv[++i];
    else
      throw new PackageError(
        `Unknown argument "${argv[i]}". Usage: package-app.mjs [--out <zip>] [--env-file <file>]`,
      );
  }
  return args;
}

function loadEnvFile(path) {
  try {
    process.loadEnvFile(path);
  } catch (err) {
    if (err.code !== 'ENOENT') throw err;
  }
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  loadEnvFile(args['env-file'] ?? '.env');
  const vars = resolveVariables(process.env);
  const manifestText = fillPlaceholders(
    readFileSync(join(APP_PACKAGE, 'manifest.json'), 'utf8'),
    vars,
  );
  const manifest = JSON.parse(manifestText);
  const files = [{ name: 'manifest.json', data: Buffer.from(manifestText, 'utf8') }];
  for (const icon of [manifest.icons.color, manifest.icons.outline]) {
    files.push({ name: icon, data: readFileSync(join(APP_PACKAGE, icon)) });
  }
  const out = resolve(
    args.out ?? process.env.APP_PACKAGE_OUT ?? join(APP_PACKAGE, 'build', 'appPackage.zip'),
  );
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, createZip(files));
  console.log(
    `Wrote ${out} (Teams app id ${vars.TEAMS_APP_ID}, bot ${vars.BOT_ID}, domain ${vars.BOT_DOMAIN})`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (err) {
    if (!(err instanceof PackageError)) throw err;
    console.error(err.message);
    process.exitCode = 1;
  }
}
