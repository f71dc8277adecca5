import { diffFields, type FieldLabels, humanize } from '../../src/domain/diff';

const labels: FieldLabels = {
  name: 'Name',
  enabled: 'Enabled',
  codes: { label: 'Role codes', compare: 'set' },
  ordered: { label: 'Steps', compare: 'list' },
  cased: { label: 'Codes', compare: 'set', ignoreCase: true },
  filter: { label: 'Schools', unset: 'All schools' },
  'filter.in': { label: 'School ids', compare: 'set' },
  kind: { label: 'Kind', hidden: true },
  level: { label: 'Level', values: { minor: 'Minor' } },
  configs: { label: 'Role group', key: 'id' },
  'configs[].id': 'Role group',
  'configs[].skus': { label: 'Licenses', compare: 'set' },
  'configs[].password': 'Initial password',
};

const row = (path: string, label: string, before: string, after: string) => ({
  path,
  label,
  before,
  after,
});

describe('diffFields', () => {
  it.each([
    ['nothing changed', { name: 'A', codes: ['x', 'y'] }, { name: 'A', codes: ['y', 'x'] }, []],
    ['a string changed', { name: 'A' }, { name: 'B' }, [row('name', 'Name', 'A', 'B')]],
    [
      'a boolean changed',
      { enabled: false },
      { enabled: true },
      [row('enabled', 'Enabled', 'No', 'Yes')],
    ],
    [
      'a value is newly set',
      {},
      { enabled: false },
      [row('enabled', 'Enabled', '(not set)', 'No')],
    ],
    ['a value is cleared', { name: 'A' }, { name: null }, [row('name', 'Name', 'A', '(not set)')]],
    ['null becomes undefined', { name: null }, {}, []],
    ['the discriminator is hidden', { kind: 'a' }, { kind: 'b' }, []],
    [
      'a code has a plain name',
      { level: null },
      { level: 'minor' },
      [row('level', 'Level', '(not set)', 'Minor')],
    ],
    [
      'an unlabelled field changed',
      { maxThings: 1 },
      { maxThings: 2 },
      [row('maxThings', 'Max things', '1', '2')],
    ],
    [
      'a set gained and lost members',
      { codes: ['teacher', 'aide', 'staff'] },
      { codes: ['staff', 'proctor', 'teacher'] },
      [row('codes', 'Role codes', 'teacher, aide, staff', 'added proctor; removed aide')],
    ],
    [
      'a set only gained',
      { codes: ['a'] },
      { codes: ['a', 'b'] },
      [row('codes', 'Role codes', 'a', 'added b')],
    ],
    [
      'a set went from unset to values',
      {},
      { codes: ['a', 'b'] },
      [row('codes', 'Role codes', '(not set)', 'a, b')],
    ],
    [
      'a set was emptied',
      { codes: ['a'] },
      { codes: [] },
      [row('codes', 'Role codes', 'a', '(none)')],
    ],
    ['an unset set became empty', {}, { codes: [] }, []],
    [
      'a case-insensitive set differs only in case',
      { cased: ['paraprofessional'] },
      { cased: ['paraProfessional'] },
      [],
    ],
    [
      'an ordered list was reordered',
      { ordered: ['a', 'b'] },
      { ordered: ['b', 'a'] },
      [row('ordered', 'Steps', 'a, b', 'b, a')],
    ],
    [
      'a nested filter was removed',
      { filter: { in: ['s1', 's2'] } },
      { filter: null },
      [row('filter.in', 'School ids', 's1, s2', 'All schools')],
    ],
    [
      'a nested filter was added',
      { filter: null },
      { filter: { in: ['s1'] } },
      [row('filter.in', 'School ids', 'All schools', 's1')],
    ],
    [
      'a keyed item changed in place although it moved',
      {
        configs: [
          { id: 'staff', skus: ['A'] },
          { id: 'students', skus: ['S'] },
        ],
      },
      {
        configs: [
          { id: 'students', skus: ['S'] },
          { id: 'staff', skus: ['A', 'B'] },
        ],
      },
      [row('configs[staff].skus', 'Role group staff: Licenses', 'A', 'added B')],
    ],
    [
      'a keyed item was added',
      { configs: [] },
      { configs: [{ id: 'staff', skus: ['A'] }] },
      [
        row('configs[staff].id', 'Role group staff: Role group', '(not set)', 'staff'),
        row('configs[staff].skus', 'Role group staff: Licenses', '(not set)', 'A'),
      ],
    ],
    [
      'a keyed item was removed',
      { configs: [{ id: 'staff', skus: ['A'] }] },
      { configs: [] },
      [
        row('configs[staff].id', 'Role group staff: Role group', 'staff', '(not set)'),
        row('configs[staff].skus', 'Role group staff: Licenses', 'A', '(not set)'),
      ],
    ],
    [
      'an unkeyed object list changed',
      { things: [{ a: 1 }, { a: 2 }] },
      { things: [{ a: 1 }, { a: 3 }] },
      [row('things[2].a', 'Things 2: A', '2', '3')],
    ],
  ])('when %s, then the rows say exactly that', (_case, before, after, expected) => {
    expect(diffFields(before, after, labels)).toEqual(expected);
  });

  it('when a whole object is created (before is null), then every set field is a row', () => {
    expect(diffFields(null, { name: 'A', enabled: true, codes: [] }, labels)).toEqual([
      row('name', 'Name', '(not set)', 'A'),
      row('enabled', 'Enabled', '(not set)', 'Yes'),
    ]);
  });

  describe('passwords', () => {
    const secret = 'Secret-123!';
    it.each([
      [
        'a new password is sent for an existing item',
        { configs: [{ id: 'staff' }] },
        { configs: [{ id: 'staff', password: secret }] },
        [
          row(
            'configs[staff].password',
            'Role group staff: Initial password',
            '(hidden)',
            '(new password set)',
          ),
        ],
      ],
      [
        'the stored password is known and the same one is sent again',
        { configs: [{ id: 'staff', password: secret }] },
        { configs: [{ id: 'staff', password: secret }] },
        [
          row(
            'configs[staff].password',
            'Role group staff: Initial password',
            '(hidden)',
            '(new password set)',
          ),
        ],
      ],
      [
        'a password is set on a new item',
        { configs: [] },
        { configs: [{ id: 'staff', password: secret }] },
        [
          row('configs[staff].id', 'Role group staff: Role group', '(not set)', 'staff'),
          row(
            'configs[staff].password',
            'Role group staff: Initial password',
            '(not set)',
            '(new password set)',
          ),
        ],
      ],
      [
        'no password is sent',
        { configs: [{ id: 'staff', password: secret }] },
        { configs: [{ id: 'staff' }] },
        [],
      ],
      [
        'an unlabelled path contains "password"',
        { userPassword: 'a' },
        { userPassword: 'b' },
        [row('userPassword', 'User password', '(hidden)', '(new password set)')],
      ],
    ])('when %s, then the row never shows the value', (_case, before, after, expected) => {
      const rows = diffFields(before, after, labels);
      expect(rows).toEqual(expected);
      expect(JSON.stringify(rows)).not.toContain(secret);
    });
  });

  it.each([
    ['writeDisplayNameOnCreateOnly', 'Write display name on create only'],
    ['createTeam', 'Create team'],
    ['configs[]', 'Configs'],
  ])('when %s has no label, then it reads as "%s"', (key, text) => {
    expect(humanize(key)).toBe(text);
  });
});
