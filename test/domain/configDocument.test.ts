/**
 * The configuration document (docs/configuration-as-code.md): valid documents, invalid ones with
 * their errors by path, hostile text, role-group resolution, and the example in the docs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PASSWORD_PLACEHOLDER, pathText } from '../../src/domain/configDocument';
import { importInputs, parseConfigDocument } from '../../src/domain/configImport';
import { MAX_DOCUMENT_CHARS, nestingDepth } from '../../src/domain/configText';
import type { RoleGroup } from '../../src/domain/flowSchemas';

const GROUPS: RoleGroup[] = [
  { id: 'staff', displayName: 'Staff', roles: [] },
  { id: 'students', displayName: 'Students', roles: [] },
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;
const base = (): Doc => ({
  $schema: 'https://sds-flow-admin/schemas/flowset-v1.json',
  version: 1,
  flowSet: { displayName: 'Lakeside', filter: { attribute: 'orgExternalId', in: ['LS-1'] } },
  flows: {
    user: {
      createUnmatchedUsers: false,
      managementOptions: {
        additionalAttributes: ['userNumber'],
        additionalOptions: { allowStudentContactAssociation: false, studentAgeGroup: 'minor' },
      },
      creationOptions: {
        configurations: [
          {
            roleGroup: { id: 'staff', displayName: 'Staff' },
            licenseSkus: ['SKU'],
            defaultPassword: PASSWORD_PLACEHOLDER,
          },
        ],
      },
    },
    securityGroup: {
      creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
    },
  },
});

const errorsOf = (text: string) => {
  const parsed = parseConfigDocument(text);
  return parsed.ok ? [] : parsed.errors;
};
const pathsOf = (text: string) => errorsOf(text).map((e) => e.path);
const withChange = (change: (doc: ReturnType<typeof base>) => void) => {
  const doc = base();
  change(doc);
  return JSON.stringify(doc);
};

describe('configuration documents', () => {
  it.each([
    ['the base document', JSON.stringify(base())],
    [
      'pretty-printed inside a Markdown fence',
      '```json\n' + JSON.stringify(base(), null, 2) + '\n```',
    ],
    ['inside backticks', '`' + JSON.stringify(base()) + '`'],
    ['with no filter and no flows', withChange((d) => ((d.flowSet.filter = null), (d.flows = {})))],
    [
      'with the password left out',
      withChange((d) => delete d.flows.user.creationOptions.configurations[0].defaultPassword),
    ],
    [
      'with a source section',
      withChange((d) => (d.source = { flowSetId: 'x', flowIds: { user: 'y' } })),
    ],
  ])('when the document is %s, then it parses', (_what, text) => {
    expect(errorsOf(text)).toEqual([]);
  });

  it.each([
    ['another $schema', (d: Doc) => (d.$schema = 'https://example.com/x.json'), '$schema'],
    ['version 2', (d: Doc) => (d.version = 2), 'version'],
    ['an empty name', (d: Doc) => (d.flowSet.displayName = '  '), 'flowSet.displayName'],
    ['a filter with no schools', (d: Doc) => (d.flowSet.filter.in = []), 'flowSet.filter.in'],
    ['a misspelt key', (d: Doc) => (d.flowSet.displayname = 'x'), 'flowSet.displayname'],
    ['an unknown flow type', (d: Doc) => (d.flows.chat = {}), 'flows.chat'],
    [
      'a string for a boolean',
      (d: Doc) => (d.flows.user.createUnmatchedUsers = 'yes'),
      'flows.user.createUnmatchedUsers',
    ],
    [
      'an unknown age group',
      (d: Doc) => (d.flows.user.managementOptions.additionalOptions.studentAgeGroup = 'toddler'),
      'flows.user.managementOptions.additionalOptions.studentAgeGroup',
    ],
    [
      'a real password',
      (d: Doc) => (d.flows.user.creationOptions.configurations[0].defaultPassword = 'Secret-1!'),
      'flows.user.creationOptions.configurations[0].defaultPassword',
    ],
    [
      'a role group with neither id nor name',
      (d: Doc) => (d.flows.user.creationOptions.configurations[0].roleGroup = {}),
      'flows.user.creationOptions.configurations[0].roleGroup',
    ],
    ['a missing flows object', (d: Doc) => delete d.flows, 'flows'],
  ])('when the document has %s, then the error is at its path', (_what, change, path) => {
    expect(pathsOf(withChange(change))).toContain(path);
  });

  it('when a real password is given, then the error never repeats it', () => {
    const text = withChange(
      (d) => (d.flows.user.creationOptions.configurations[0].defaultPassword = 'Secret-1!'),
    );
    expect(JSON.stringify(errorsOf(text))).not.toContain('Secret-1!');
  });

  it.each([
    ['nothing', '', '(document)'],
    ['no JSON object', 'please import northwind', '(document)'],
    ['broken JSON', '{ "version": 1, }', '(document)'],
    ['a JSON array', '[1, 2]', '(document)'],
    ['text over the limit', '{' + ' '.repeat(MAX_DOCUMENT_CHARS) + '}', '(document)'],
    ['deep nesting', '{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}', '(document)'],
    [
      'a __proto__ key',
      withChange((d) => (d.flowSet = JSON.parse('{"__proto__": {"polluted": 1}}'))),
      'flowSet.__proto__',
    ],
    [
      'a nested constructor key',
      '{"flows": {"user": {"constructor": {"prototype": {}}}}}',
      'flows.user.constructor',
    ],
  ])('when the text is %s, then it is refused by path without harm', (_what, text, path) => {
    expect(pathsOf(text)).toContain(path);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('when the nesting is measured, then brackets inside strings do not count', () => {
    expect(nestingDepth('{"a": "[[[[{{{{", "b": [ {} ]}', 10)).toBe(3);
  });

  it('when paths are written, then indexes are brackets', () => {
    expect(pathText(['flows', 'user', 'configurations', 0, 'roleGroup'])).toBe(
      'flows.user.configurations[0].roleGroup',
    );
    expect(pathText([])).toBe('(document)');
  });

  describe('import inputs', () => {
    const inputsOf = (doc: unknown, groups = GROUPS) => {
      const parsed = parseConfigDocument(JSON.stringify(doc));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      return importInputs(parsed.document, groups);
    };

    it('when a document is valid, then it becomes the create bodies the forms produce, without passwords', () => {
      const result = inputsOf(base());
      expect(result).toEqual({
        ok: true,
        inputs: {
          set: { displayName: 'Lakeside', filter: { attribute: 'orgExternalId', in: ['LS-1'] } },
          flows: [
            {
              kind: 'user',
              createUnmatchedUsers: false,
              managementOptions: {
                additionalAttributes: ['userNumber'],
                additionalOptions: {
                  allowStudentContactAssociation: false,
                  studentAgeGroup: 'minor',
                },
              },
              creationOptions: { configurations: [{ roleGroupId: 'staff', licenseSkus: ['SKU'] }] },
            },
            {
              kind: 'securityGroup',
              creationOptions: {
                createBasedOnRoleGroup: true,
                createBasedOnOrgPlusRoleGroup: false,
              },
            },
          ],
        },
      });
    });

    it.each([
      ['the id here', { id: 'staff', displayName: 'Personnel' }, 'staff'],
      ['only the name, in another case', { id: 'other-tenant-id', displayName: 'STAFF' }, 'staff'],
      ['only a name', { displayName: 'Students' }, 'students'],
    ])(
      'when a role group matches by %s, then it resolves to its id here',
      (_what, roleGroup, id) => {
        const doc = base();
        doc.flows.user.creationOptions.configurations[0].roleGroup = roleGroup;
        const result = inputsOf(doc);
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
        const user = result.inputs.flows[0] as {
          creationOptions: { configurations: Array<{ roleGroupId: string }> };
        };
        expect(user.creationOptions.configurations[0]!.roleGroupId).toBe(id);
      },
    );

    it('when a role group is unknown or configured twice, then the errors name their paths', () => {
      const doc = base();
      const configs = doc.flows.user.creationOptions.configurations;
      configs.push({ roleGroup: { displayName: 'Governors' }, licenseSkus: [] });
      configs.push({ roleGroup: { id: 'staff' }, licenseSkus: [] });
      const result = inputsOf(doc);
      expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual([
        'flows.user.creationOptions.configurations[1].roleGroup',
        'flows.user.creationOptions.configurations[2].roleGroup',
      ]);
    });
  });

  it('when the example in docs/configuration-as-code.md is read, then it parses and imports against the sandbox role groups', () => {
    const doc = readFileSync(join(__dirname, '../../docs/configuration-as-code.md'), 'utf8');
    const example = /## Example[\s\S]*?```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const parsed = parseConfigDocument(example!);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    if (parsed.ok) expect(importInputs(parsed.document, GROUPS).ok).toBe(true);
  });
});
