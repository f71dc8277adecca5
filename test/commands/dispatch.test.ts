import { commandTable } from '../../src/commands';
import { editDistance, matchCommand } from '../../src/commands/dispatch';

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
