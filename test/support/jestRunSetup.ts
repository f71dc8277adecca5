/**
 * jest globalSetup: a scratch directory for this run, passed to the test workers (forked after
 * this, with this environment), so that a notice several suites would print shows once per run.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): void {
  process.env.SDS_JEST_RUN_DIR = mkdtempSync(join(tmpdir(), 'sds-jest-run-'));
}
