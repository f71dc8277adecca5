/**
 * The optional state file: loaded (and validated) at start, rewritten after every mutation.
 * Writes are atomic — a temporary file in the same directory, then rename — so a crash never
 * leaves a half-written file that the next start would refuse.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { EmulatorState } from './stateSchema';

let writeCounter = 0;

/** The saved state, or undefined when the file does not exist or is empty. */
export function loadState(file: string): EmulatorState | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  if (text.trim() === '') return undefined;
  const parsed = EmulatorState.safeParse(JSON.parse(text));
  if (!parsed.success) {
    // Refuse rather than overwrite someone's sandbox data with the seed.
    throw new Error(`Graph emulator state file ${file} is not valid: ${parsed.error.message}`);
  }
  return parsed.data;
}

export function saveState(file: string, state: EmulatorState): void {
  mkdirSync(dirname(file), { recursive: true });
  writeCounter += 1;
  const temp = `${file}.${process.pid}.${writeCounter}.tmp`;
  writeFileSync(temp, JSON.stringify(state, null, 2) + '\n', 'utf8');
  renameSync(temp, file);
}
