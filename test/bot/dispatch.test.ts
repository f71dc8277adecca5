import { commandTable } from '../../src/commands';
import { matchCommand, suggest } from '../../src/bot/dispatch';
import { editDistance, editDistanceToPrefix } from '../../src/domain/editDistance';
import { MAX_COMMAND_LENGTH, runCommandText } from '../../src/bot/runCommand';
import type { CommandContext, Reply } from '../../src/bot/command';
import { commandTextOf } from '../../src/teams/activityText';

describe('matchCommand over the real command table', () => {
  it.each([
    ['help', 'help', ''],
    ['HELP show', 'help', 'show'],
    ['list', 'list', ''],
    ['list flow sets', 'list', ''],
    ['flowsets page 2', 'list', 'page 2'],
    ['show Northwind High', 'show', 'Northwind High'],
    ['edit user flow in Northwind', 'edit', 'user flow in Northwind'],
    ['approvals here', 'approvals here', ''],
    ['approvals', 'approvals', ''],
    ['who am i', 'whoami', ''],
    ['sign out', 'signout', ''],
  ])('when the text is %j, then the command is %s with arguments %j', (text, name, rest) => {
    const match = matchCommand(text, commandTable);
    expect(match).toMatchObject({ kind: 'command', rest });
    expect(match.kind === 'command' && match.command.name).toBe(name);
  });

  it.each([
    ['hepl', 'help'],
    ['lst', 'list'],
    ['shwo x', 'show'],
  ])('when %j is a typo, then %s is suggested', (text, name) => {
    const match = matchCommand(text, commandTable);
    expect(match.kind).toBe('unknown');
    expect(match.kind === 'unknown' && match.suggestions.map((c) => c.name)).toContain(name);
  });

  it('when the text is empty, then it is empty, not unknown', () => {
    expect(matchCommand('   ', commandTable)).toEqual({ kind: 'empty' });
  });

  it('when names and aliases are listed, then no two commands claim the same spelling', () => {
    const spellings = commandTable.flatMap((c) =>
      [c.name, ...c.aliases].map((s) => s.toLowerCase()),
    );
    expect(new Set(spellings).size).toBe(spellings.length);
  });

  it('when usages are shown on cards, then none uses angle brackets (renderers drop them as HTML)', () => {
    for (const c of commandTable) expect(c.usage).not.toMatch(/[<>]/);
  });
});

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

/** Milliseconds `fn` takes: the best of five runs, so a busy machine or a cold JIT weighs less. */
function timed(fn: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
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

  it('when two 10,000-character words are compared with a maximum of 3, then only a band is computed, in under 50 ms', () => {
    const a = 'ab'.repeat(5_000);
    const b = 'ba'.repeat(5_000);
    expect(timed(() => editDistance(a, b, 3))).toBeLessThan(50);
    expect(editDistance(a, b, 3)).toBe(2); // drop the first letter, add it at the end
  });
});

describe('matchCommand on hostile input', () => {
  it.each([
    ['a 65-character word', 'x'.repeat(65)],
    ['a 1,000-character word', 'x'.repeat(1000)],
    ['a megabyte word', 'x'.repeat(1024 * 1024)],
    ['100,000 "\u2039"', '\u2039'.repeat(100_000)],
  ])(
    'when the text is %s, then it is unknown, with no suggestion, in under 50 ms',
    (_what, text) => {
      let match: ReturnType<typeof matchCommand> | undefined;
      expect(timed(() => (match = matchCommand(text, commandTable)))).toBeLessThan(50);
      expect(match).toMatchObject({ kind: 'unknown', suggestions: [] });
    },
  );

  it('when a 64-character word is a prefix of nothing, then it is still compared (and nothing is close)', () => {
    expect(suggest('h'.repeat(64), commandTable)).toEqual([]);
    expect(suggest('help', commandTable).map((c) => c.name)).toContain('help');
  });
});

describe('runCommandText on a message too long to be a command', () => {
  const ctx = {} as CommandContext; // never reached: the length is checked first

  it.each([
    ['a 1 MB word', 'x'.repeat(1024 * 1024)],
    ['1 MB of "<at>"', '<at>'.repeat(256 * 1024)],
    ['"show " and 10,000 characters', `show ${'y'.repeat(10_000)}`],
    ['1,001 characters', `show ${'y'.repeat(996)}`],
  ])(
    'when %s is cleaned and dispatched, then the too-long reply comes in under 50 ms',
    async (_what, raw) => {
      let replies: Reply[] = [];
      const run = async () => (replies = await runCommandText(commandTextOf(raw), ctx));
      await run();
      const start = performance.now();
      await run();
      expect(performance.now() - start).toBeLessThan(50);
      expect(replies).toEqual([
        {
          text: expect.stringMatching(
            /^That message is too long to be a command \([\d,]+ characters\); commands are short, e\.g\. `show contoso`$/,
          ),
        },
      ]);
    },
  );

  it(`when the text is exactly ${MAX_COMMAND_LENGTH} characters, then it is still read as a command`, async () => {
    const table = [
      {
        ...commandTable[0]!,
        parse: () => ({ ok: true as const, args: undefined }),
        run: async () => [{ text: 'ran' }],
      },
    ];
    const services = { commands: table, logger: { info: () => undefined } };
    const text = `${table[0]!.name} ${'y'.repeat(MAX_COMMAND_LENGTH - table[0]!.name.length - 1)}`;
    expect(text).toHaveLength(MAX_COMMAND_LENGTH);
    await expect(runCommandText(text, { services } as unknown as CommandContext)).resolves.toEqual([
      { text: 'ran' },
    ]);
  });
});
