/**
 * Where the browser tests find Chromium or Chrome (playwright-core never downloads one), and what
 * happens without one. CHROMIUM_PATH wins when set, and a CHROMIUM_PATH that does not exist means
 * "no browser" (no silent fallback to another binary); otherwise the usual places on Linux and
 * macOS are tried in order. Without a browser the suites are skipped with one line saying how to
 * get one, unless CI is set (and not "false") or E2E_REQUIRED=1: then the suites run and fail
 * with that line, because a CI run that silently skips them proves nothing.
 */
import { accessSync, constants, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CHROMIUM_CANDIDATES: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export type ChromiumLookup =
  | { found: true; path: string }
  | { found: false; required: boolean; message: string };

type Env = Record<string, string | undefined>;

/** Why a missing browser must fail the run, or undefined when skipping is fine. */
export function browserRequiredBy(env: Env): string | undefined {
  if (env.E2E_REQUIRED === '1') return 'E2E_REQUIRED=1';
  if (env.CI && env.CI !== 'false') return `CI=${env.CI}`;
  return undefined;
}

export function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findChromium(
  env: Env = process.env,
  exists: (path: string) => boolean = isExecutableFile,
): ChromiumLookup {
  const explicit = env.CHROMIUM_PATH;
  if (explicit) {
    if (exists(explicit)) return { found: true, path: explicit };
  } else {
    const path = CHROMIUM_CANDIDATES.find((candidate) => exists(candidate));
    if (path) return { found: true, path };
  }
  const requiredBy = browserRequiredBy(env);
  const outcome = requiredBy
    ? `Browser tests cannot run and ${requiredBy} requires them`
    : 'Browser tests skipped';
  const problem = explicit
    ? `CHROMIUM_PATH=${explicit} is not an executable file. Point it at a Chromium or Chrome binary, or unset it to search the usual places`
    : `no Chromium or Chrome at ${CHROMIUM_CANDIDATES.join(', ')}. Install one (apt-get install chromium) or set CHROMIUM_PATH to its binary`;
  return { found: false, required: requiredBy !== undefined, message: `${outcome}: ${problem}.` };
}

/** The browser's path for the harness; throws the lookup's message when there is none. */
export function chromiumPath(lookup: ChromiumLookup = findChromium()): string {
  if (!lookup.found) throw new Error(lookup.message);
  return lookup.path;
}

/**
 * `describe` for a browser suite. Found: the suite runs. Missing and required: the suite runs and
 * fails (the harness throws the message before starting anything). Missing otherwise: the suite is
 * skipped (jest counts its tests as skipped and runs none of its hooks) and the message is printed.
 */
export function describeWithBrowser(
  name: string,
  suite: () => void,
  lookup: ChromiumLookup = findChromium(),
): void {
  if (lookup.found || lookup.required) {
    describe(name, suite);
    return;
  }
  printOncePerRun(lookup.message);
  describe.skip(name, suite);
}

/**
 * One line on stderr (not console.log, which jest frames with a stack). Several skipped suites in
 * one jest run print it once: test/support/jestRun.ts gives the run a directory to mark it in.
 */
function printOncePerRun(message: string): void {
  const runDir = process.env.SDS_JEST_RUN_DIR;
  if (runDir) {
    try {
      writeFileSync(join(runDir, 'browser-notice'), message, { flag: 'wx' });
    } catch {
      return; // another suite of this run has printed it
    }
  }
  process.stderr.write(`${message}\n`);
}
