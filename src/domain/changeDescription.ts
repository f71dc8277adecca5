/**
 * Titles for every kind of change, and the blast radius of the ones a field diff cannot show
 * (delete a set, remove a flow, reset a flow) in plain words. Pure. Sources: reset semantics from
 * the Graph reset page (docs/graph-notes.md#reset); delete cascade undocumented (docs/graph-notes.md#deleting-a-set);
 * run times at scale from Microsoft's School Data Sync documentation ("> 50k users … over 24 h",
 * https://learn.microsoft.com/en-us/schooldatasync/).
 */
import type { FlowSet, FlowKind } from './flowSchemas';
import type { ChangeKind } from './pendingChangeSchema';
import { FLOW_KIND_NAMES } from './fieldLabels';

/** Which schools a set provisions: null = no filter, every school in the inbound data. */
export interface SetScope {
  name: string;
  schools: string[] | null;
}

export type BlastRadiusInput =
  | { kind: 'deleteFlowSet'; set: SetScope; flowKinds: FlowKind[] }
  | { kind: 'deleteFlow' | 'resetFlow'; set: SetScope; flowKind: FlowKind };

export interface BlastRadius {
  title: string;
  /** One sentence each, most important first. */
  effects: string[];
}

export const scopeOf = (set: FlowSet): SetScope => ({
  name: set.displayName,
  schools: set.filter ? set.filter.in : null,
});

const SHOWN_SCHOOLS = 5;

/** "all schools in the inbound data (no filter)" / "the set's 2 schools (A, B)". */
export function schoolsPhrase(schools: string[] | null): string {
  if (schools === null) return 'all schools in the inbound data (the set has no filter)';
  if (!schools.length) return 'no schools (the filter lists none)';
  const shown = schools.slice(0, SHOWN_SCHOOLS).join(', ');
  const more = schools.length > SHOWN_SCHOOLS ? ` and ${schools.length - SHOWN_SCHOOLS} more` : '';
  const count = schools.length === 1 ? '1 school' : `${schools.length} schools`;
  return `the set's ${count} (${shown}${more})`;
}

/** What a flow of each kind keeps up to date. */
const PROVISIONS: Record<FlowKind, string> = {
  user: 'Microsoft 365 users',
  classGroup: 'class groups (and their class Teams, when Teams are created)',
  securityGroup: 'security groups',
  administrativeUnit: 'administrative units',
};
/** What a reset of each kind reprocesses. */
const TOUCHES: Record<FlowKind, string> = {
  user: 'every matched user',
  classGroup: 'every class group and its membership',
  securityGroup: 'every security group the flow manages',
  administrativeUnit: 'every administrative unit the flow manages',
};

/** What a flow of each kind has created in the tenant (for what a delete leaves behind). */
const CREATED: Record<FlowKind, string> = {
  user: 'users',
  classGroup: 'class groups and class Teams',
  securityGroup: 'security groups',
  administrativeUnit: 'administrative units',
};

/** "a", "a and b", "a, b and c". */
const andList = (items: string[]) =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** What Microsoft does not document, in the words of the flows being deleted. */
const undocumentedAftermath = (kinds: FlowKind[], whose: string) =>
  `Microsoft's documentation does not say what happens to the ${andList(kinds.map((k) => CREATED[k]))} ${whose} already created.`;
const NO_UNDO = 'This cannot be undone: to get it back, create it again.';

const flowList = (kinds: FlowKind[]) => kinds.map((k) => FLOW_KIND_NAMES[k]).join(', ');

export function describeBlastRadius(input: BlastRadiusInput): BlastRadius {
  const { set } = input;
  const schools = schoolsPhrase(set.schools);
  switch (input.kind) {
    case 'deleteFlowSet': {
      const n = input.flowKinds.length;
      const title = `Delete flow set "${set.name}"`;
      if (!n)
        return {
          title,
          effects: [
            'Deletes the set. It has no flows: nothing is provisioned through it.',
            NO_UNDO,
          ],
        };
      const flows = `Deletes the set and its ${n === 1 ? 'flow' : `${n} flows`} (${flowList(input.flowKinds)})`;
      return {
        title,
        effects: [
          `${flows}; provisioning for ${schools} through this set stops.`,
          undocumentedAftermath(input.flowKinds, n === 1 ? 'its flow' : 'its flows'),
          NO_UNDO,
        ],
      };
    }
    case 'deleteFlow':
      return {
        title: changeTitle('deleteFlow', { setName: set.name, flowKind: input.flowKind }),
        effects: [
          `Stops provisioning ${PROVISIONS[input.flowKind]} for ${schools} through this set.`,
          undocumentedAftermath([input.flowKind], 'it'),
          NO_UNDO,
        ],
      };
    case 'resetFlow':
      return {
        title: changeTitle('resetFlow', { setName: set.name, flowKind: input.flowKind }),
        effects: [
          'Reprovisions all current data as if it were the initial run and clears the existing errors of the flow (Graph docs).',
          `For a ${FLOW_KIND_NAMES[input.flowKind]} flow this touches ${TOUCHES[input.flowKind]} in ${schools}.`,
          'On large tenants a full run can take many hours (over 24 hours with more than 50,000 users in enrollments, per Microsoft).',
        ],
      };
  }
}

/** "an administrative unit flow", "a user flow" (no "u": it sounds like "you" here). */
const article = (word: string) => (/^[aeio]/.test(word) ? 'an' : 'a');

/** The headline of a preview or result card for any change. */
export function changeTitle(
  kind: ChangeKind,
  names: { setName?: string; flowKind?: FlowKind },
): string {
  const set = `"${names.setName ?? 'this flow set'}"`;
  const flow = names.flowKind ? `${FLOW_KIND_NAMES[names.flowKind]} flow` : 'flow';
  const titles: Record<ChangeKind, string> = {
    createFlowSet: `Create flow set ${set}`,
    updateFlowSet: `Change flow set ${set}`,
    deleteFlowSet: `Delete flow set ${set}`,
    createFlow: `Add ${article(flow)} ${flow} to ${set}`,
    updateFlow: `Change the ${flow} of ${set}`,
    deleteFlow: `Remove the ${flow} from ${set}`,
    resetFlow: `Reset the ${flow} of ${set}`,
    startRun: 'Start a School Data Sync run now',
  };
  return titles[kind];
}
