import { cardTimestamp } from '../../src/domain/time';

describe('cardTimestamp (for Adaptive Cards {{DATE()}} / {{TIME()}})', () => {
  it.each([
    ['2026-03-01T10:07:33.1234567Z', '2026-03-01T10:07:33Z'],
    ['2026-03-01T11:07:33+01:00', '2026-03-01T10:07:33Z'],
    [undefined, undefined],
    ['not a time', undefined],
  ])(
    'when the time is %p, then the card gets %p (RFC 3339, UTC, no fractions)',
    (iso, expected) => {
      expect(cardTimestamp(iso)).toBe(expected);
    },
  );
});
