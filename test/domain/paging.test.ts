import { pageButtons, pageOf, parsePageArg } from '../../src/domain/paging';

const items = Array.from({ length: 25 }, (_, i) => i + 1);

describe('pageOf', () => {
  it.each([
    [1, [1, 10], 1],
    [2, [11, 20], 2],
    [3, [21, 25], 3],
    [99, [21, 25], 3],
    [0, [1, 10], 1],
    [-4, [1, 10], 1],
  ])(
    'when page %i of 25 items (10 per page) is asked for, then items %j on page %i',
    (page, [first, last], shown) => {
      const result = pageOf(items, page, 10);
      expect(result).toMatchObject({ page: shown, pageCount: 3, total: 25 });
      expect([result.items[0], result.items[result.items.length - 1]]).toEqual([first, last]);
    },
  );

  it('when there is nothing, then there is one empty page', () => {
    expect(pageOf([], 3, 10)).toEqual({ items: [], page: 1, pageCount: 1, total: 0 });
  });
});

describe('parsePageArg', () => {
  it.each([
    ['', 1],
    ['2', 2],
    ['page 3', 3],
    ['PAGE 4', 4],
    ['p5', 5],
  ])('when "%s" follows the command, then page %i is asked for', (rest, page) => {
    expect(parsePageArg(rest)).toEqual({ ok: true, args: { page } });
  });

  it.each(['0', 'page', 'banana', 'page -1', '1.5', '99999'])(
    'when "%s" follows the command, then it is refused',
    (rest) => {
      expect(parsePageArg(rest).ok).toBe(false);
    },
  );
});

describe('pageButtons', () => {
  it.each([
    [{ page: 1, pageCount: 1 }, []],
    [{ page: 1, pageCount: 3 }, [{ title: 'Next', command: 'list page 2' }]],
    [
      { page: 2, pageCount: 3 },
      [
        { title: 'Previous', command: 'list page 1' },
        { title: 'Next', command: 'list page 3' },
      ],
    ],
    [{ page: 3, pageCount: 3 }, [{ title: 'Previous', command: 'list page 2' }]],
  ])('when on %j, then the buttons are %j', (page, expected) => {
    expect(pageButtons(page, 'list')).toEqual(expected);
  });
});
