import { commandTextOf } from '../../src/teams/activityText';

describe('commandTextOf', () => {
  it.each([
    ['<at>SDS Flow Admin</at> help', 'help'],
    ['<at>SDS Flow Admin</at>&nbsp;show  Northwind', 'show Northwind'],
    ['<p><at>SDS</at> list</p>', 'list'],
    ['show "Contoso &amp; Co"', 'show "Contoso & Co"'],
    ['help<br/>show', 'help show'],
    ['\u200Bwhoami\u200B', 'whoami'],
    [undefined, ''],
    ['   ', ''],
  ])('when the text is %j, then the command text is %j', (input, expected) => {
    expect(commandTextOf(input)).toBe(expected);
  });
});
