/**
 * "What the admin sees is exactly right": an edit's preview shows exactly what Graph will store.
 * A field the admin did not touch never appears, even when the form leaves its section out of
 * the PATCH (the user flow's role groups: Graph replaces that collection whole and never returns
 * passwords, so an untouched section is not sent and stays as it is).
 */
import { shownText, useTestBot } from '../support/testBot';
import { errorBeside } from '../forms/submit';
import { cardFor, cardInputs, cardOf, press, type Card } from './support';

/** The preview's rows as "label: value", in order. */
function rowsOf(card: Card): string[] {
  const rows: string[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o.type === 'FactSet')
      for (const f of o.facts as Array<{ title: string; value: string }>)
        rows.push(`${f.title}: ${f.value}`);
    Object.values(o).forEach(visit);
  };
  visit(card.body);
  return rows;
}

const flip = (shown: string | undefined) => (shown === 'true' ? 'false' : 'true');

interface OneField {
  command: string;
  verb: string;
  typed: (shown: Record<string, string>) => Record<string, string>;
  row: RegExp;
}

const CASES: Record<string, OneField> = {
  'user flow, student age group': {
    command: 'edit user flow in contoso',
    verb: 'flow.preview',
    typed: () => ({ studentAgeGroup: 'adult' }),
    row: /^Student age group: .+ → Adult$/,
  },
  'user flow, contact association': {
    command: 'edit user flow in contoso',
    verb: 'flow.preview',
    typed: (s) => ({ allowStudentContactAssociation: flip(s.allowStudentContactAssociation) }),
    row: /^Allow student–contact association: /,
  },
  'user flow, create unmatched users': {
    command: 'edit user flow in northwind',
    verb: 'flow.preview',
    typed: (s) => ({ createUnmatchedUsers: flip(s.createUnmatchedUsers) }),
    row: /^Create unmatched users: No → Yes$/,
  },
  'class group flow, create team': {
    command: 'edit class groups flow in contoso',
    verb: 'flow.preview',
    typed: (s) => ({ createTeam: flip(s.createTeam) }),
    row: /^Create a Team for each class: /,
  },
  'security group flow, per role group': {
    command: 'edit security group flow in contoso',
    verb: 'flow.preview',
    typed: (s) => ({ createBasedOnRoleGroup: flip(s.createBasedOnRoleGroup) }),
    row: /^Security group for each role group: /,
  },
  'administrative unit flow, per school': {
    command: 'edit administrative units flow in contoso',
    verb: 'flow.preview',
    typed: (s) => ({ createBasedOnOrgPlusRoleGroup: flip(s.createBasedOnOrgPlusRoleGroup) }),
    row: /^Administrative unit for each school and role group: /,
  },
  'flow set, name': {
    command: 'edit northwind',
    verb: 'flowset.preview',
    typed: () => ({ displayName: 'Northwind HS' }),
    row: /^Flow set name: Northwind High School → Northwind HS$/,
  },
  'flow set, schools': {
    command: 'edit fabrikam',
    verb: 'flowset.preview',
    typed: () => ({ orgExternalIds: 'FAB-ELEM-01' }),
    row: /^Schools \(organization external ids\): /,
  },
};

describe('an edit preview shows exactly the changed field (component)', () => {
  const bot = useTestBot({}, { resetEach: 'state+requests' });

  it.each(Object.keys(CASES))(
    'when only the %s is changed, then the preview has exactly that one row',
    async (name) => {
      const { command, verb, typed, row } = CASES[name]!;
      const form = await cardFor(bot, command);
      const preview = cardOf(await press(bot, form, verb, { typed: typed(cardInputs(form)) }));
      const rows = rowsOf(preview);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatch(row);
    },
  );

  it('when only the age group of the contoso user flow changes, then Apply keeps both role-group configurations', async () => {
    const form = await cardFor(bot, 'edit user flow in contoso');
    const preview = cardOf(
      await press(bot, form, 'flow.preview', { typed: { studentAgeGroup: 'adult' } }),
    );
    expect(rowsOf(preview)).toEqual(['Student age group: Minor → Adult']);
    await press(bot, preview, 'Apply');
    const again = await cardFor(bot, 'edit user flow in contoso');
    expect(cardInputs(again)).toMatchObject({
      studentAgeGroup: 'adult',
      'rg.staff.include': 'true',
      'rg.students.include': 'true',
    });
  });
});

describe('a flow that creates nothing (component)', () => {
  const bot = useTestBot({}, { resetEach: 'state+requests' });

  it.each([
    ['security group', 'edit security group flow in contoso', 'security groups'],
    ['administrative units', 'edit administrative units flow in contoso', 'administrative units'],
  ])(
    'when a %s flow is saved with both options off, then the preview warns beside Apply as the form does',
    async (_, command, what) => {
      const form = await cardFor(bot, command);
      expect(JSON.stringify(form)).toContain(`If both are off, this flow creates no ${what}.`);
      const off = Object.fromEntries(Object.keys(cardInputs(form)).map((id) => [id, 'false']));
      const preview = cardOf(await press(bot, form, 'flow.preview', { typed: off }));
      const last = preview.body.at(-1);
      expect(last.style).toBe('warning');
      expect(JSON.stringify(last)).toContain(`Both options are off: this flow creates no ${what}.`);
      expect(preview.actions[0].title).toBe('Apply');
    },
  );

  it('when a security group flow is added with both options off, then its preview warns too', async () => {
    const form = await cardFor(bot, 'add security group flow to northwind');
    const typed = { createBasedOnRoleGroup: 'false', createBasedOnOrgPlusRoleGroup: 'false' };
    const preview = cardOf(await press(bot, form, 'flow.preview', { typed }));
    expect(JSON.stringify(preview)).toContain('this flow creates no security groups');
  });

  it('when at least one option is on, then there is no such warning', async () => {
    const form = await cardFor(bot, 'add security group flow to northwind');
    const preview = cardOf(await press(bot, form, 'flow.preview'));
    expect(JSON.stringify(preview)).not.toContain('creates no security groups');
  });
});

describe('the deprecated minors flag (component)', () => {
  const bot = useTestBot({}, { resetEach: 'state+requests' });

  it('when a user flow was created with only the student age group, then its edit form neither shows the derived flag nor warns about it', async () => {
    const form = await cardFor(bot, 'add user flow to fabrikam');
    const preview = cardOf(
      await press(bot, form, 'flow.preview', { typed: { studentAgeGroup: 'minor' } }),
    );
    await press(bot, preview, 'Apply');
    const edit = JSON.stringify(await cardFor(bot, 'edit user flow in fabrikam'));
    expect(edit).not.toContain('Mark all students as minors');
    expect(edit).not.toContain('deprecated');
  });
});

describe('blast radius in the words of what is deleted (component)', () => {
  const bot = useTestBot({}, { resetEach: 'state+requests' });

  it('when an empty set is deleted, then the preview says nothing is provisioned through it', async () => {
    const form = await cardFor(bot, 'create Empty Pilot');
    await press(bot, cardOf(await press(bot, form, 'flowset.preview')), 'Apply');
    const text = JSON.stringify(await cardFor(bot, 'delete Empty Pilot'));
    expect(text).toContain('It has no flows: nothing is provisioned through it.');
    expect(text).not.toContain('stops');
  });

  it('when an administrative-unit flow is removed, then the preview speaks of units, not users and groups', async () => {
    const text = JSON.stringify(
      await cardFor(bot, 'remove administrative units flow from contoso'),
    );
    expect(text).toContain('Stops provisioning administrative units');
    expect(text).toContain('what happens to the administrative units it already created');
    expect(text).not.toContain('users and groups');
  });
});

describe('licence examples per role group (component)', () => {
  const bot = useTestBot({}, { resetEach: 'state+requests' });

  it('when the user-flow form opens, then Staff shows a faculty SKU and Students a student SKU as the example', async () => {
    const form = await cardFor(bot, 'add user flow to fabrikam');
    const placeholders: Record<string, string> = {};
    const visit = (v: unknown): void => {
      if (Array.isArray(v)) return v.forEach(visit);
      if (!v || typeof v !== 'object') return;
      const o = v as Record<string, unknown>;
      if (typeof o.id === 'string' && typeof o.placeholder === 'string')
        placeholders[o.id] = o.placeholder;
      Object.values(o).forEach(visit);
    };
    visit(form.body);
    expect(placeholders['rg.staff.licenseSkus']).toBe('e.g. M365EDU_A3_FACULTY');
    expect(placeholders['rg.students.licenseSkus']).toBe('e.g. M365EDU_A3_STUDENT');
  });
});

describe('school ids in the set form (component)', () => {
  const bot = useTestBot({}, { resetEach: 'state+requests' });
  const typed = (orgExternalIds: string) => ({
    typed: { displayName: 'Lakeside', filterMode: 'schools', orgExternalIds },
  });

  it('when ids are pasted with quotes and spaces, then the preview lists them clean', async () => {
    const form = await cardFor(bot, 'create Lakeside');
    const preview = cardOf(
      await press(bot, form, 'flowset.preview', typed(' "LAKE-01" \n‘LAKE-02’ ')),
    );
    expect(rowsOf(preview)).toContain('Schools (organization external ids): LAKE-01, LAKE-02');
  });

  it('when an id holds markup, then the form comes back with the reason beside the ids', async () => {
    const form = await cardFor(bot, 'create Lakeside');
    const again = cardOf(
      await press(bot, form, 'flowset.preview', typed('LAKE-01\n<b>LAKE-02</b>')),
    );
    expect(shownText(errorBeside(again, 'orgExternalIds') ?? '')).toBe(
      'School ids are plain text (the orgExternalId from your school data): remove "<b>", which is markup.',
    );
    expect(cardInputs(again).orgExternalIds).toBe('LAKE-01\n<b>LAKE-02</b>');
  });
});

describe('the same words in form, preview and set card (component)', () => {
  const bot = useTestBot({}, { resetEach: 'state+requests' });

  it('when a class role is dropped, then form, preview and set card all call it "Teacher assistant"', async () => {
    const form = await cardFor(bot, 'edit class groups flow in contoso');
    expect(JSON.stringify(form)).toContain(
      '"title":"Teacher assistant","value":"teacherAssistant"',
    );
    const owners = cardInputs(form)
      .ownerRoles!.split(',')
      .filter((c) => c !== 'teacherAssistant');
    const preview = cardOf(
      await press(bot, form, 'flow.preview', { typed: { ownerRoles: owners.join(',') } }),
    );
    expect(rowsOf(preview)).toEqual([
      expect.stringMatching(/^Owner enrollment roles: Teacher, .+ → removed Teacher assistant$/),
    ]);
    const setCard = JSON.stringify(await cardFor(bot, 'show contoso'));
    expect(setCard).toContain('Owner enrollment roles');
    expect(setCard).toContain('Teacher assistant');
    expect(setCard).not.toContain('teacherAssistant');
  });

  it('when a user flow is added with a role group on, then its rows name the group once and say it creates accounts', async () => {
    const form = await cardFor(bot, 'add user flow to fabrikam');
    const typed = {
      'rg.staff.include': 'true',
      'rg.staff.password': 'Welcome-2025!',
      'rg.staff.licenseSkus': 'M365EDU_A3_FACULTY',
    };
    const rows = rowsOf(cardOf(await press(bot, form, 'flow.preview', { typed })));
    expect(rows).toContain('Role group staff: Creates accounts: Yes');
    expect(rows.join('\n')).not.toContain('Role group staff: Role group');
  });
});
