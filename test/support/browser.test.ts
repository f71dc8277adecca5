/**
 * How the browser suites find Chromium (test/support/browser.ts), with the file system replaced by
 * a list of the paths that "exist".
 */
import { CHROMIUM_CANDIDATES, chromiumPath, findChromium, type ChromiumLookup } from './browser';

const CHROME_MAC = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';

const cases: Array<{
  name: string;
  env: Record<string, string>;
  present: string[];
  expected: ChromiumLookup | { found: false; required: boolean; message: RegExp };
}> = [
  {
    name: 'CHROMIUM_PATH set and present: used, even when a usual place has one too',
    env: { CHROMIUM_PATH: '/opt/chrome/chrome' },
    present: ['/opt/chrome/chrome', '/usr/bin/chromium'],
    expected: { found: true, path: '/opt/chrome/chrome' },
  },
  {
    name: 'CHROMIUM_PATH set but missing: not found, no fallback, and the message names it',
    env: { CHROMIUM_PATH: '/nonexistent' },
    present: ['/usr/bin/chromium'],
    expected: {
      found: false,
      required: false,
      message: /^Browser tests skipped: CHROMIUM_PATH=\/nonexistent is not an executable file\./,
    },
  },
  {
    name: "no CHROMIUM_PATH: Debian's chromium first",
    env: {},
    present: ['/usr/bin/google-chrome', '/usr/bin/chromium'],
    expected: { found: true, path: '/usr/bin/chromium' },
  },
  {
    name: 'no CHROMIUM_PATH: an empty one counts as unset',
    env: { CHROMIUM_PATH: '' },
    present: ['/snap/bin/chromium'],
    expected: { found: true, path: '/snap/bin/chromium' },
  },
  {
    name: 'no CHROMIUM_PATH: Google Chrome on macOS',
    env: {},
    present: [CHROME_MAC],
    expected: { found: true, path: CHROME_MAC },
  },
  {
    name: 'none found, not in CI: skipped, saying how to get one',
    env: {},
    present: [],
    expected: {
      found: false,
      required: false,
      message:
        /^Browser tests skipped: no Chromium or Chrome at .*Install one \(apt-get install chromium\) or set CHROMIUM_PATH/,
    },
  },
  {
    name: 'none found, CI=false: still skipped',
    env: { CI: 'false' },
    present: [],
    expected: { found: false, required: false, message: /^Browser tests skipped: / },
  },
  {
    name: 'none found, CI=true: required',
    env: { CI: 'true' },
    present: [],
    expected: {
      found: false,
      required: true,
      message: /^Browser tests cannot run and CI=true requires them: .*apt-get install chromium/,
    },
  },
  {
    name: 'none found, CI=1: required',
    env: { CI: '1' },
    present: [],
    expected: { found: false, required: true, message: /and CI=1 requires them/ },
  },
  {
    name: 'CHROMIUM_PATH missing, E2E_REQUIRED=1: required',
    env: { CHROMIUM_PATH: '/nonexistent', E2E_REQUIRED: '1' },
    present: [],
    expected: {
      found: false,
      required: true,
      message: /^Browser tests cannot run and E2E_REQUIRED=1 requires them: CHROMIUM_PATH=/,
    },
  },
];

describe('finding Chromium for the browser suites', () => {
  it.each(cases)('$name', ({ env, present, expected }) => {
    const tried: string[] = [];
    const lookup = findChromium(env, (path) => {
      tried.push(path);
      return present.includes(path);
    });
    if (expected.found) {
      expect(lookup).toEqual(expected);
      return;
    }
    expect(lookup).toEqual({ ...expected, message: expect.stringMatching(expected.message) });
    // One line: what is missing and how to get it.
    expect((lookup as { message: string }).message).not.toContain('\n');
    expect(tried).toEqual(env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : CHROMIUM_CANDIDATES);
  });

  it('the harness gets the path, or an error with the message', () => {
    expect(chromiumPath({ found: true, path: '/usr/bin/chromium' })).toBe('/usr/bin/chromium');
    expect(() => chromiumPath({ found: false, required: true, message: 'no browser' })).toThrow(
      'no browser',
    );
  });
});
