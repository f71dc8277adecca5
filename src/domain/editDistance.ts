/** Bounded fuzzy matching for command words and flow set names: linear in the input for a fixed bound. */

/**
 * Longest word fuzzy matching looks at: no command or set name word is longer, and edit
 * distance costs time in proportion to the product of the lengths. Longer → no suggestion.
 */
export const MAX_FUZZY_LENGTH = 64;

/**
 * Optimal string alignment distance: typos, including swapped neighbours ("hepl"), cost 1.
 * With `max`, only a band of `max` cells either side of the diagonal is computed and the work
 * stops once every cell of a row exceeds `max` (rows never get smaller): exact when the
 * distance is at most `max`, otherwise some number above `max`. Time O(min(a, b) · max).
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a.length > b.length) [a, b] = [b, a];
  if (b.length - a.length > max) return max + 1;
  return bandedDistance(a, b, max, b.length);
}

/**
 * The smallest editDistance from `a` to a prefix of `b` at least `shortest` characters long
 * (or all of `b`, if shorter): one table, whose last row holds every prefix's distance.
 */
export function editDistanceToPrefix(
  a: string,
  b: string,
  shortest: number,
  max = Number.POSITIVE_INFINITY,
): number {
  return bandedDistance(a, b, max, Math.min(shortest, b.length));
}

/** Scratch rows for tables up to 256 columns, reused: fuzzy matching makes thousands. */
const SCRATCH_COLUMNS = 256;
const scratch = [0, 1, 2].map(() => new Int32Array(SCRATCH_COLUMNS));

function rows(columns: number): Int32Array[] {
  return columns <= SCRATCH_COLUMNS ? scratch : [0, 1, 2].map(() => new Int32Array(columns));
}

/** Min over j in [from, b.length] of the a → b[0, j) distance; see editDistance for `max`. */
function bandedDistance(a: string, b: string, max: number, from: number): number {
  const n = a.length;
  const m = b.length;
  // Never more than the longer length; the band must reach from row n to column `from`.
  const limit = Math.min(max, Math.max(n, m));
  if (from - n > limit) return max + 1;
  if (n === 0) return from <= limit ? from : max + 1;
  const far = limit + 1; // stands for every value above the limit
  // Rows i-2, i-1 and i of the table; cells outside the band read as `far`.
  let [older, prev, row] = rows(m + 1) as [Int32Array, Int32Array, Int32Array];
  older.fill(far, 0, m + 1);
  prev.fill(far, 0, m + 1);
  for (let j = 0; j <= limit && j <= m; j++) prev[j] = j;
  // No Math.* in the loops: under test runners' sandboxes each global lookup is slow.
  for (let i = 1; i <= n; i++) {
    const lo = i - limit > 1 ? i - limit : 1;
    const hi = i + limit < m ? i + limit : m;
    // Once row i is more than limit + 1 past column m, the band has left the table: all far.
    if (lo > m + 1) return max + 1;
    row[lo - 1] = lo === 1 ? i : far;
    if (hi < m) row[hi + 1] = far;
    let rowMin = row[lo - 1]!;
    const ai = a.charCodeAt(i - 1);
    const aBefore = a.charCodeAt(i - 2); // NaN for i = 1: equal to nothing
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      let best = prev[j - 1]! + (ai === bj ? 0 : 1);
      if (prev[j]! + 1 < best) best = prev[j]! + 1;
      if (row[j - 1]! + 1 < best) best = row[j - 1]! + 1;
      if (j > 1 && ai === b.charCodeAt(j - 2) && aBefore === bj && older[j - 2]! + 1 < best)
        best = older[j - 2]! + 1;
      if (best > far) best = far;
      row[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > limit) return max + 1;
    const free = older;
    older = prev;
    prev = row;
    row = free;
  }
  // Only the last row's band holds values of this table (outside it: far, or stale scratch).
  let distance = far;
  const last = Math.min(m, n + limit);
  for (let j = Math.max(from, n - limit - 1, 0); j <= last; j++)
    if (prev[j]! < distance) distance = prev[j]!;
  return distance <= limit ? distance : max + 1;
}
