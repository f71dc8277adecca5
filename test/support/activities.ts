/** Teams-shaped activity fixtures (test/fixtures/activities/*.json), pointed at a test connector. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Activity = Record<string, any>;

let counter = 0;

export function fixture(name: string, serviceUrl: string, overrides: Activity = {}): Activity {
  const base = JSON.parse(
    readFileSync(join(__dirname, '../fixtures/activities', `${name}.json`), 'utf8'),
  );
  counter++;
  return deepMerge({ ...base, id: `${base.id}-${counter}`, serviceUrl }, overrides);
}

function deepMerge(a: Activity, b: Activity): Activity {
  const out: Activity = { ...a };
  for (const [k, v] of Object.entries(b)) {
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && a[k] && typeof a[k] === 'object'
        ? deepMerge(a[k], v)
        : v;
  }
  return out;
}
