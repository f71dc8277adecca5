import { MAX_COMMAND_LENGTH } from '../../src/bot/runCommand';
import { MAX_MESSAGE_LENGTH, commandTextOf } from '../../src/teams/activityText';
import { timed } from '../support/timed';

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

/** The regex cleaning this module used to do: the reference for what the one-pass scanner does. */
function regexCleaning(text: string): string {
  const entities: Record<string, string> = {
    '&nbsp;': ' ',
    '&amp;': '&',
    '&lt;': '<',
    '&gt;': '>',
    '&quot;': '"',
    '&#39;': "'",
    '&apos;': "'",
  };
  return text
    .replace(/<at(?=[\s>/])[^>]*>.*?<\/at>/gis, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(nbsp|amp|lt|gt|quot|#39|apos);/g, (e) => entities[e] ?? e)
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('commandTextOf on any input', () => {
  it.each([
    ['1 < 2', '1 < 2'],
    ['a <> b', 'a <> b'],
    ['a < b > c', 'a c'],
    ['<<b>x', 'x'],
    ['<at>unclosed mention', 'unclosed mention'],
    ['<at>a</at> b <at>c</at>', 'b'],
    ['&lt;b&gt;x', '<b>x'],
    ['&amp;lt;', '&lt;'],
    ['&am<b>p;', '&am p;'],
    ['a \u200B b\uFEFF', 'a b'],
  ])('when the text is %j, then the command text is %j', (input, expected) => {
    expect(commandTextOf(input)).toBe(expected);
    expect(regexCleaning(input)).toBe(expected);
  });

  it('when random mixes of tags, mentions, entities and spaces are cleaned, then the result is what the regex cleaning gave', () => {
    const pieces = [
      '<at>',
      '<AT id="1">',
      '</at>',
      '</At>',
      '>',
      '<>',
      '<p>',
      '<br/>',
      '&amp;',
      '&lt;',
      '&nbsp;',
      '&am',
      '&',
      ';',
      ' ',
      '\t',
      '\n',
      '\u00a0',
      '\u200B',
      '\uFEFF',
      'show',
      'x',
      'Ä',
      '‹',
    ];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * pieces.length;
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: 1 + (n % 20) }, () => pieces[Math.floor(random())]).join(
        '',
      );
      expect([text, commandTextOf(text)]).toEqual([text, regexCleaning(text)]);
    }
  });

  const fill = (unit: string, length: number) => unit.repeat(Math.floor(length / unit.length));
  const hostile = (length: number): Array<[string, string]> => [
    ['text without markup', 'x'.repeat(length)],
    ['"<" with no ">"', '<'.repeat(length)],
    ['"‹"', '‹'.repeat(length)],
    ['unclosed "<at>"', fill('<at>', length)],
    ['"<at>" and one "</at>" at the end', fill('<at>', length - 5) + '</at>'],
    ['"</a" (almost a closing mention)', '<at>x' + fill('</a', length - 5)],
    ['entities', fill('&amp;', length)],
    ['spaces and zero-width characters', fill(' \u200B', length)],
  ];

  it.each(hostile(MAX_MESSAGE_LENGTH))(
    'when the longest text still cleaned is made of %s, then cleaning takes well under 100 ms',
    (_what, text) => {
      expect(text.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
      expect(timed(() => commandTextOf(text))).toBeLessThan(100);
    },
  );

  it.each(hostile(1024 * 1024))(
    'when a megabyte of %s arrives, then it is left for the runner to turn down, in well under a quarter second (quadratic took seconds)',
    (_what, text) => {
      let cleaned = '';
      expect(timed(() => (cleaned = commandTextOf(text)))).toBeLessThan(250);
      expect(cleaned.length).toBeGreaterThan(MAX_COMMAND_LENGTH);
    },
  );
});
