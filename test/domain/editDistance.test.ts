/** src/domain/editDistance.ts: the plain distance, the banded one (with a maximum) and the closest prefix. */
import { editDistance, editDistanceToPrefix } from '../../src/domain/editDistance';
import { timed } from '../support/timed';

describe('editDistance', () => {
  it.each([
    ['help', 'help', 0],
    ['hepl', 'help', 1],
    ['lst', 'list', 1],
    ['', 'abc', 3],
  ])('%s → %s is %i', (a, b, d) => expect(editDistance(a, b)).toBe(d));
});

/** The full-table distance: the reference the banded one must agree with. */
function fullDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

describe('editDistance with a maximum', () => {
  it('when random short strings are compared, then it is exact up to the maximum and above it beyond', () => {
    let seed = 11;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const word = () => Array.from({ length: random(9) }, () => 'abc'[random(3)]).join('');
    for (let n = 0; n < 5000; n++) {
      const [a, b, max] = [word(), word(), random(5)];
      const full = fullDistance(a, b);
      const banded = editDistance(a, b, max);
      if (full <= max) expect([a, b, max, banded]).toEqual([a, b, max, full]);
      else expect([a, b, max, banded > max]).toEqual([a, b, max, true]);
      expect(editDistance(a, b)).toBe(full);
    }
  });

  it('when random strings are compared with prefixes, then the result is the closest prefix at least that long', () => {
    let seed = 5;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const word = () => Array.from({ length: random(10) }, () => 'ab c'[random(4)]).join('');
    for (let n = 0; n < 3000; n++) {
      const [a, b, shortest, max] = [word(), word(), random(8), 1 + random(3)];
      const from = Math.min(shortest, b.length);
      const full = Math.min(
        ...Array.from({ length: b.length - from + 1 }, (_, k) =>
          fullDistance(a, b.slice(0, from + k)),
        ),
      );
      const banded = editDistanceToPrefix(a, b, shortest, max);
      const expected = full <= max ? full : 'above';
      expect([a, b, shortest, max, banded <= max ? banded : 'above']).toEqual([
        a,
        b,
        shortest,
        max,
        expected,
      ]);
    }
  });

  it('when two 10,000-character words are compared with a maximum of 3, then only a band is computed, in well under a quarter second (quadratic took seconds)', () => {
    const a = 'ab'.repeat(5_000);
    const b = 'ba'.repeat(5_000);
    expect(timed(() => editDistance(a, b, 3))).toBeLessThan(250);
    expect(editDistance(a, b, 3)).toBe(2); // drop the first letter, add it at the end
  });
});
