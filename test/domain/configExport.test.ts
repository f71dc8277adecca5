/**
 * Export (src/domain/configExport.ts): what Graph returned → the document; values this version
 * cannot send back are left out and named in the notes; an export always imports again.
 */
import { ConfigDocument, PASSWORD_PLACEHOLDER } from '../../src/domain/configDocument';
import { documentJson, exportDocument } from '../../src/domain/configExport';
import { importInputs, parseConfigDocument } from '../../src/domain/configImport';
import { ProvisioningFlow, type RoleGroup } from '../../src/domain/flowSchemas';
import { flow, flowSet } from './flowFixtures';

const GROUPS: RoleGroup[] = [{ id: 'staff', displayName: 'Staff', roles: [] }];
const NOW = new Date('2026-12-06T12:00:00Z');

describe('export', () => {
  it('when a set with every flow type is exported, then ids sit in source only, role groups have id and name, and passwords are placeholders', () => {
    const set = flowSet('set-1', 'Lakeside', ['LS-1']);
    const user = flow('user', 'ready', {
      createUnmatchedUsers: true,
      creationOptions: {
        configurations: [
          {
            'roleGroup@odata.bind':
              'https://graph.microsoft.com/beta/external/industryData/roleGroups/staff',
            licenseSkus: ['SKU-A'],
            defaultPasswordSettings: { password: null },
          },
        ],
      },
    });
    const flows = [
      user,
      flow('classGroup', 'ready'),
      flow('securityGroup', null),
      flow('administrativeUnit', 'failed'),
    ];
    const { document, notes } = exportDocument(set, flows, GROUPS, NOW);
    expect(notes).toEqual([]);
    expect(ConfigDocument.safeParse(document).success).toBe(true);
    expect(document.flows.user!.creationOptions.configurations).toEqual([
      {
        roleGroup: { id: 'staff', displayName: 'Staff' },
        licenseSkus: ['SKU-A'],
        defaultPassword: PASSWORD_PLACEHOLDER,
      },
    ]);
    const json = documentJson(document);
    const outsideSource = JSON.stringify({ ...document, source: undefined });
    for (const f of flows) expect(outsideSource).not.toContain(f.id);
    expect(outsideSource).not.toContain('set-1');
    expect(json).toContain('"exportedAt": "2026-12-06T12:00:00.000Z"');
    const parsed = parseConfigDocument(json);
    expect(parsed.ok && importInputs(parsed.document, GROUPS).ok).toBe(true);
  });

  it('when Graph holds values this version does not know, then they are left out and named in the notes', () => {
    const odd = ProvisioningFlow.parse({
      id: 'f-x',
      '@odata.type': '#microsoft.graph.industryData.chatProvisioningFlow',
    });
    const user = flow('user', 'ready', {
      managementOptions: {
        additionalAttributes: ['userNumber', 'userShoeSize'],
        additionalOptions: { studentAgeGroup: 'toddler' },
      },
    });
    const { document, notes } = exportDocument(flowSet('s', 'S'), [user, odd], GROUPS, NOW);
    expect(document.flows.user!.managementOptions).toEqual({
      additionalAttributes: ['userNumber'],
      additionalOptions: { allowStudentContactAssociation: false, studentAgeGroup: null },
    });
    expect(notes.join('\n')).toMatch(/userShoeSize/);
    expect(notes.join('\n')).toMatch(/toddler/);
    expect(notes.join('\n')).toMatch(/chatProvisioningFlow/);
    expect(ConfigDocument.safeParse(document).success).toBe(true);
  });
});
