/** How `history` and `undo` read what was typed after them. */
import { parseHistory } from '../../src/commands/history';
import { parseUndo } from '../../src/commands/undo';

describe('history and undo arguments', () => {
  it.each([
    ['', { set: undefined, page: 1 }],
    ['page 2', { set: undefined, page: 2 }],
    ['p3', { set: undefined, page: 3 }],
    ['2', { set: undefined, page: 2 }],
    ['Northwind', { set: 'Northwind', page: 1 }],
    ['Northwind page 2', { set: 'Northwind', page: 2 }],
    ['"Fabrikam pilot" PAGE 4', { set: '"Fabrikam pilot"', page: 4 }],
    ['School 2', { set: 'School 2', page: 1 }],
  ])('when history is given "%s", then it reads %j', (text, args) => {
    expect(parseHistory(text)).toEqual({ ok: true, args });
  });

  it('when history is given page 0, then it says that is not a page', () => {
    expect(parseHistory('page 0')).toMatchObject({ ok: false });
  });

  it.each([
    ['1a2b3c4d', { change: '1a2b3c4d', recreate: false }],
    ['1a2b3c4d recreate', { change: '1a2b3c4d', recreate: true }],
    ['1a2b3c4d RECREATE', { change: '1a2b3c4d', recreate: true }],
  ])('when undo is given "%s", then it reads %j', (text, args) => {
    expect(parseUndo(text)).toEqual({ ok: true, args });
  });

  it.each(['', '1a2b please', 'a b c'])(
    'when undo is given "%s", then it explains usage',
    (text) => {
      expect(parseUndo(text)).toMatchObject({ ok: false });
    },
  );
});
