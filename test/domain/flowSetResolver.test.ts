import { editDistance } from '../../src/domain/editDistance';
import {
  closestFlowSets,
  nameDistance,
  normaliseName,
  resolveFlowSet,
  unquote,
  type FlowSetResolution,
  type NamedFlowSet,
} from '../../src/domain/flowSetResolver';
import { timed } from '../support/timed';

const set = (id: string, displayName: string): NamedFlowSet => ({ id, displayName });
const A = set('aaa-1', 'Northwind High School');
const B = set('bbb-2', 'Northwind Middle School');
const C = set('ccc-3', 'Fabrikam Elementary pilot');
const D = set('ddd-4', 'Contoso District – All schools');
const E = set('eee-5', 'Pilot');
const F = set('fff-6', 'Pilot 2');
const G = set('ggg-7', 'Twin');
const H = set('hhh-8', 'twin');
const I = set('iii-9', 'ccc-3'); // a name that is another set's id
const SETS = [A, B, C, D, E, F, G, H, I];

type Expected = FlowSetResolution<NamedFlowSet>;
const found = (s: NamedFlowSet): Expected => ({ kind: 'found', set: s });
const ambiguous = (...candidates: NamedFlowSet[]): Expected => ({ kind: 'ambiguous', candidates });
const none = (...suggestions: NamedFlowSet[]): Expected => ({ kind: 'none', suggestions });

describe('resolveFlowSet', () => {
  it.each<[string, string, Expected]>([
    ['an id', 'aaa-1', found(A)],
    ['an id in another case', 'AAA-1', found(A)],
    ['an id that is also a name (id wins)', 'ccc-3', found(C)],
    ['a quoted id', '"bbb-2"', found(B)],
    ['an exact name, any case', 'northwind HIGH school', found(A)],
    ['an exact name with extra spaces', '  Northwind   High  School ', found(A)],
    ['an exact name that is also a prefix of others', 'pilot', found(E)],
    ['a double-quoted exact name', '"Pilot"', found(E)],
    ['a single-quoted exact name', "'pilot 2'", found(F)],
    ['a typographically quoted name', '“Northwind Middle School”', found(B)],
    ['a hyphen where the name has an en dash', 'contoso district - all schools', found(D)],
    ['a unique prefix', 'northwind m', found(B)],
    ['a unique substring', 'middle', found(B)],
    ['a unique substring, any case', 'ELEMENTARY', found(C)],
    ['a prefix of several names', 'north', ambiguous(A, B)],
    ['a substring of several names', 'school', ambiguous(D, A, B)],
    ['a name two sets share', 'twin', ambiguous(G, H)],
    ['a quoted name that is only a prefix (no guessing)', '"Northwind"', none(A, B)],
    ['a typo', 'northwnd', none(A, B)],
    ['a typo in a later word', 'fabrikam elementray', none(C)],
    ['nothing like any name', 'zzz', none()],
    ['nothing at all', '   ', none()],
  ])('when the text is %s ("%s"), then the answer is as expected', (_case, typed, expected) => {
    expect(resolveFlowSet(SETS, typed)).toEqual(expected);
  });

  it('when there are no sets, then nothing is found and nothing suggested', () => {
    expect(resolveFlowSet([], 'anything')).toEqual(none());
  });

  it('when sets carry more fields, then the found set is the same object', () => {
    const rich = { ...A, filter: null, extra: 1 };
    const result = resolveFlowSet([rich], 'aaa-1');
    expect(result.kind === 'found' && result.set).toBe(rich);
  });
});

describe('closestFlowSets', () => {
  it.each<[string, NamedFlowSet[]]>([
    ['northwind hihg school', [A]],
    ['contso', [D]],
    ['pilto', [C, E, F]],
    ['x', []],
    ['completely different', []],
  ])('when "%s" is typed, then the closest names are %j', (typed, expected) => {
    expect(closestFlowSets(SETS, typed)).toEqual(expected);
  });

  it('when many names are close, then at most three are suggested', () => {
    const many = Array.from({ length: 6 }, (_, i) => set(`id-${i}`, `Pilot ${i}`));
    expect(closestFlowSets(many, 'pilto')).toHaveLength(3);
  });
});

describe('name helpers', () => {
  it.each([
    ['  A   b\tC ', 'a b c'],
    ['Contoso – All — Schools', 'contoso - all - schools'],
    ['ＦＵＬＬ width', 'full width'],
  ])('when "%s" is normalised, then it is "%s"', (raw, expected) => {
    expect(normaliseName(raw)).toBe(expected);
  });

  it.each([
    ['"x y"', { text: 'x y', quoted: true }],
    ["'x'", { text: 'x', quoted: true }],
    ['“x”', { text: 'x', quoted: true }],
    ['x "y"', { text: 'x "y"', quoted: false }],
    ['"', { text: '"', quoted: false }],
  ])('when %s is unquoted, then the result is %j', (raw, expected) => {
    expect(unquote(raw)).toEqual(expected);
  });
});

describe('fuzzy matching on hostile input', () => {
  const manyWords = set('long-1', Array.from({ length: 2000 }, (_, i) => `word${i}`).join(' '));

  it.each<[string, string]>([
    ['10,000 characters', 'y'.repeat(10_000)],
    ['10,000 characters of words', 'ab '.repeat(3_333)],
    ['65 characters', 'northwind'.repeat(7).slice(0, 65)],
  ])(
    'when %s are typed, then nothing is suggested, in well under a quarter second (quadratic took seconds)',
    (_what, typed) => {
      let result: FlowSetResolution<NamedFlowSet> | undefined;
      expect(timed(() => (result = resolveFlowSet([...SETS, manyWords], typed)))).toBeLessThan(250);
      expect(result).toEqual(none());
    },
  );

  it('when 64 characters are typed against thousands of long names, then it takes under 50 ms', () => {
    const sets = Array.from({ length: 5_000 }, (_, i) =>
      set(`id-${i}`, `${'School district number '.repeat(40)}${i}`),
    );
    expect(timed(() => closestFlowSets([...sets, manyWords], 'q'.repeat(64)))).toBeLessThan(250);
  });

  it('when random names and texts are compared, then nameDistance agrees with the word-by-word definition up to the maximum', () => {
    const reference = (typed: string, name: string): number => {
      const words = name.split(' ');
      let best = editDistance(typed, name);
      for (let i = 0; i < words.length; i++) {
        const tail = words.slice(i).join(' ');
        for (let len = typed.length - 2; len <= typed.length + 2; len++)
          if (len > 0) best = Math.min(best, editDistance(typed, tail.slice(0, len)));
      }
      return best;
    };
    let seed = 3;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const text = (length: number) =>
      Array.from({ length }, () => 'abc '[random(4)])
        .join('')
        .trim() || 'a';
    for (let n = 0; n < 2000; n++) {
      const [typed, name, max] = [text(2 + random(6)), text(random(16)), 1 + random(3)];
      const expected = reference(typed, name);
      const actual = nameDistance(typed, name, max);
      expect([typed, name, max, actual <= max ? actual : 'above']).toEqual([
        typed,
        name,
        max,
        expected <= max ? expected : 'above',
      ]);
    }
  });

  it('when a name has more words than are compared, then a typo of an early word still finds it', () => {
    expect(closestFlowSets([manyWords], 'word1O')).toEqual([manyWords]);
  });
});
