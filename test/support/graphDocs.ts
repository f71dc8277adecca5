/**
 * The published Microsoft Graph industryData examples, vendored under test/fixtures/graph-docs
 * (see its README.md for the page each file comes from and the licence).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const GRAPH_DOCS_DIR = join(__dirname, '../fixtures/graph-docs');

/** The parsed JSON wrapper of one example file (`NN-<op>-request.json` / `-response.json`). */
export function graphDoc<T = unknown>(file: string): T {
  return JSON.parse(readFileSync(join(GRAPH_DOCS_DIR, file), 'utf8')) as T;
}

/** The documented body of one example (the wrapper's `body`). */
export function graphDocBody<T = unknown>(file: string): T {
  return graphDoc<{ body: T }>(file).body;
}
