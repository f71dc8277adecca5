/** The flow-set form: submissions → FlowSetCreateInput / patch, errors beside the right input. */
import { flowSetFormCard, parseFlowSetForm } from '../../src/forms';
import { SET } from './formFixtures';
import { cardInputs, errorBeside, submit, summaryOf } from './submit';

describe('parseFlowSetForm', () => {
  it.each([
    [
      'create for all schools',
      { mode: 'create', displayName: '  North district ', filterMode: 'all', orgExternalIds: 'x' },
      { displayName: 'North district' },
    ],
    [
      'create for some schools (lines and commas, repeats and blanks)',
      {
        mode: 'create',
        displayName: 'Pilot',
        filterMode: 'schools',
        orgExternalIds: '1001, 1002\n\n1001;  1003 \r\n',
      },
      {
        displayName: 'Pilot',
        filter: { attribute: 'orgExternalId', in: ['1001', '1002', '1003'] },
      },
    ],
    [
      'edit to all schools (clears the filter)',
      {
        mode: 'edit',
        setId: 's',
        version: 'v',
        displayName: 'Pilot',
        filterMode: 'all',
        orgExternalIds: '1001',
      },
      { displayName: 'Pilot', filter: null },
    ],
    [
      'edit to some schools',
      {
        mode: 'edit',
        setId: 's',
        displayName: 'Pilot',
        filterMode: 'schools',
        orgExternalIds: 'Quarter',
      },
      { displayName: 'Pilot', filter: { attribute: 'orgExternalId', in: ['Quarter'] } },
    ],
  ])('when the form is submitted to %s, then the Graph input is exact', (_, data, expected) => {
    expect(parseFlowSetForm(data)).toEqual({ ok: true, value: expected });
  });

  const t = (name: string, data: Record<string, string>, id: string, message: string) => ({
    name,
    data,
    id,
    message,
  });
  it.each([
    t('the name is blank', { displayName: '   ', filterMode: 'all' }, 'displayName', 'Give the'),
    t('the name is missing', { filterMode: 'all' }, 'displayName', 'Give the flow set a name.'),
    t(
      'the name is too long',
      { displayName: 'n'.repeat(257), filterMode: 'all' },
      'displayName',
      'Keep the name to 256',
    ),
    t(
      'no school is listed',
      { displayName: 'P', filterMode: 'schools', orgExternalIds: ' ,\n' },
      'orgExternalIds',
      'List at least one school id',
    ),
    t(
      'the filter choice is unknown',
      { displayName: 'P', filterMode: 'some' },
      'filterMode',
      'Choose "All schools"',
    ),
    t('the filter choice is missing', { displayName: 'P' }, 'filterMode', 'Choose "All schools"'),
  ])(
    'when $name, then the error lands on $id and the typed values are kept',
    ({ data, id, message }) => {
      const result = parseFlowSetForm({ mode: 'create', ...data });
      if (result.ok) throw new Error('expected errors');
      expect(Object.keys(result.errors)).toEqual([id]);
      expect(result.errors[id]).toContain(message);
      for (const [key, typed] of Object.entries(data)) expect(result.values[key]).toBe(typed);
      expect(result.values).not.toHaveProperty('mode');
    },
  );

  it('when the data is not an object, then name and filter choice are asked for', () => {
    const result = parseFlowSetForm('nonsense');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(Object.keys(result.errors).sort()).toEqual(['displayName', 'filterMode']);
  });
});

describe('flowSetFormCard', () => {
  it('when a filtered set is edited unchanged, then the form round-trips to the same name and filter', () => {
    const card = flowSetFormCard({ mode: 'edit', current: SET });
    expect(cardInputs(card)).toEqual({
      displayName: SET.displayName,
      filterMode: 'schools',
      orgExternalIds: SET.filter!.in.join('\n'),
    });
    const data = submit(card, 'flowset.preview');
    expect(data).toMatchObject({ mode: 'edit', setId: SET.id, version: SET.lastModifiedDateTime });
    expect(parseFlowSetForm(data)).toEqual({
      ok: true,
      value: {
        displayName: SET.displayName,
        filter: { attribute: 'orgExternalId', in: SET.filter!.in },
      },
    });
  });

  it('when a new set is started, then it covers all schools and Cancel carries no set id', () => {
    const card = flowSetFormCard({ mode: 'create' });
    expect(cardInputs(card)).toEqual({ displayName: '', filterMode: 'all', orgExternalIds: '' });
    expect(submit(card, 'form.cancel')).not.toHaveProperty('setId');
    expect(summaryOf(card)).toBeUndefined();
  });

  it('when a submission fails, then the card shows the typed values, each error beside its input and a summary', () => {
    const typed = { displayName: '', filterMode: 'schools', orgExternalIds: '' };
    const result = parseFlowSetForm({ mode: 'edit', setId: SET.id, ...typed });
    if (result.ok) throw new Error('expected errors');
    const card = flowSetFormCard({ mode: 'edit', current: SET, ...result });
    expect(cardInputs(card)).toEqual(typed);
    expect(errorBeside(card, 'displayName')).toBe('Give the flow set a name.');
    expect(errorBeside(card, 'orgExternalIds')).toContain('List at least one school id');
    expect(errorBeside(card, 'filterMode')).toBeUndefined();
    expect(summaryOf(card)).toBe('Please fix the 2 fields marked below.');
  });

  it('when an error belongs to no input, then the summary says it', () => {
    const card = flowSetFormCard({ mode: 'create', errors: { _form: 'Graph refused the name.' } });
    expect(summaryOf(card)).toBe('Graph refused the name.');
  });

  it('when the form is shown, then the SDS filter warning is beside the school list', () => {
    const json = JSON.stringify(flowSetFormCard({ mode: 'create' }));
    expect(json).toContain('They are not a performance tool');
  });
});

describe('school ids', () => {
  const parseIds = (orgExternalIds: string, filterMode = 'schools') =>
    parseFlowSetForm({ mode: 'create', displayName: 'Pilot', filterMode, orgExternalIds });

  it('when ids are pasted with spaces and quotes around them, then they are trimmed and unquoted', () => {
    expect(parseIds(' "FAB-01" , \'FAB-02\'\n“FAB-03”\n  `FAB-04` ')).toEqual({
      ok: true,
      value: {
        displayName: 'Pilot',
        filter: { attribute: 'orgExternalId', in: ['FAB-01', 'FAB-02', 'FAB-03', 'FAB-04'] },
      },
    });
  });

  it.each(['<b>FAB-01</b>', 'FAB&amp;01', '[FAB](https://x.example)', '**FAB**'])(
    'when an id holds markup (%s), then it is refused with the reason beside the field',
    (id) => {
      const result = parseIds(`FAB-02\n${id}`);
      expect(result.ok).toBe(false);
      const card = flowSetFormCard({ mode: 'create', ...(result.ok ? {} : result) });
      expect(errorBeside(card, 'orgExternalIds')).toMatch(
        /^School ids are plain text \(the orgExternalId from your school data\): remove ".+", which is markup\.$/,
      );
    },
  );

  it('when "All schools" is chosen, then leftover ids with markup do not block the form', () => {
    expect(parseIds('<b>x</b>', 'all')).toEqual({ ok: true, value: { displayName: 'Pilot' } });
  });
});
