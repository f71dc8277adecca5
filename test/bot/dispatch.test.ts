import { commandTable } from '../../src/commands';
import { matchCommand, suggest } from '../../src/bot/dispatch';
import { MAX_COMMAND_LENGTH, runCommandText } from '../../src/bot/runCommand';
import type { CommandContext, Reply } from '../../src/bot/command';
import { commandTextOf } from '../../src/teams/activityText';
import { timed } from '../support/timed';

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

describe('matchCommand on hostile input', () => {
  it.each([
    ['a 65-character word', 'x'.repeat(65)],
    ['a 1,000-character word', 'x'.repeat(1000)],
    ['a megabyte word', 'x'.repeat(1024 * 1024)],
    ['100,000 "\u2039"', '\u2039'.repeat(100_000)],
  ])(
    'when the text is %s, then it is unknown, with no suggestion, in well under a quarter second (quadratic took seconds)',
    (_what, text) => {
      let match: ReturnType<typeof matchCommand> | undefined;
      expect(timed(() => (match = matchCommand(text, commandTable)))).toBeLessThan(250);
      expect(match).toMatchObject({ kind: 'unknown', suggestions: [] });
    },
  );

  it('when a 64-character word is a prefix of nothing, then it is still compared (and nothing is close)', () => {
    expect(suggest('h'.repeat(64), commandTable)).toEqual([]);
    expect(suggest('help', commandTable).map((c) => c.name)).toContain('help');
  });
});

describe('runCommandText on a message too long to be a command', () => {
  // Only the table is read (which commands take long input): the length is checked before any run.
  const ctx = { services: { commands: commandTable } } as unknown as CommandContext;

  it.each([
    ['a 1 MB word', 'x'.repeat(1024 * 1024)],
    ['1 MB of "<at>"', '<at>'.repeat(256 * 1024)],
    ['"show " and 10,000 characters', `show ${'y'.repeat(10_000)}`],
    ['1,001 characters', `show ${'y'.repeat(996)}`],
  ])(
    'when %s is cleaned and dispatched, then the too-long reply comes in well under a quarter second (quadratic took seconds)',
    async (_what, raw) => {
      let replies: Reply[] = [];
      const run = async () => (replies = await runCommandText(commandTextOf(raw), ctx));
      await run();
      const start = performance.now();
      await run();
      expect(performance.now() - start).toBeLessThan(250);
      expect(replies).toEqual([
        {
          text: expect.stringMatching(
            /^That message is too long to be a command \([\d,]+ characters\); commands are short, e\.g\. `show contoso`$/,
          ),
        },
      ]);
    },
  );

  it('when a command declares a longer input (import), then only that command reads past the usual limit, up to its own', async () => {
    const ran: string[] = [];
    const table = commandTable.map((c) => ({
      ...c,
      writes: false,
      parse: (rest: string) => ({ ok: true as const, args: rest }),
      run: async () => (ran.push(c.name), [{ text: `ran ${c.name}` }]),
    }));
    const services = { commands: table, logger: { info: () => undefined } };
    const ctx = { services } as unknown as CommandContext;
    const importer = table.find((c) => c.name === 'import')!;
    const long = `import {${' '.repeat(5_000)}}`;
    await expect(runCommandText(long, ctx)).resolves.toEqual([{ text: 'ran import' }]);
    const [tooLong] = await runCommandText(`import ${'y'.repeat(importer.maxLength!)}`, ctx);
    expect(tooLong).toEqual({ text: expect.stringMatching(/too long to be a command/) });
    const [show] = await runCommandText(`show ${'y'.repeat(5_000)}`, ctx);
    expect(show).toEqual({ text: expect.stringMatching(/too long to be a command/) });
    expect(ran).toEqual(['import']);
  });

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
