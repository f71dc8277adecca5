/** jest globalTeardown: removes the run's scratch directory (see jestRunSetup.ts). */
import { rmSync } from 'node:fs';

export default function teardown(): void {
  const dir = process.env.SDS_JEST_RUN_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
