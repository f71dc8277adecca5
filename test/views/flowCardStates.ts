/**
 * States of the flow-set cards (list, show, status, role groups, which-one), rendered through
 * their real view-models from the documented Graph examples, plus the edge states: empty,
 * several pages, failed and unknown readiness, many candidates.
 */
import { flowSetCard } from '../../src/views/flowSetCard';
import { flowSetListCard } from '../../src/views/flowSetListCard';
import { roleGroupsCard } from '../../src/views/roleGroupsCard';
import { statusCard, type LastRun } from '../../src/views/statusCard';
import { FAILED, NOW, RUNNING } from '../runs/runFixtures';
import { noSuchFlowSetCard, whichOneCard } from '../../src/views/whichOneCard';
import type { FlowSetWithFlows } from '../../src/domain/flowSummary';
import { pageOf } from '../../src/domain/paging';
import { readinessOverview } from '../../src/domain/readinessOverview';
import { FlowSet, page, ProvisioningFlow, RoleGroup } from '../../src/domain/flowSchemas';
import type { CardStates } from './cardStates';
import { graphDocBody } from '../support/graphDocs';

const body = graphDocBody;

const sets = page(FlowSet).parse(body('01-list-outboundprovisioningflowsets-response.json')).value;
const flows = page(ProvisioningFlow).parse(body('06-list-provisioningflows-response.json')).value;
const roleGroups = page(RoleGroup).parse(body('24-list-rolegroups-response.json')).value;

const withStatus = (status: string | null) => flows.map((f) => ({ ...f, readinessStatus: status }));
const unknownFlow = ProvisioningFlow.parse({
  '@odata.type': '#microsoft.graph.industryData.somethingNewProvisioningFlow',
  id: 'future-1',
  readinessStatus: 'unknownFutureValue',
});

/** `n` sets named "School set 1…n", each with the documented four flows in `status`. */
const manySets = (n: number, status: string | null): FlowSetWithFlows[] =>
  Array.from({ length: n }, (_, i) => ({
    set: { ...sets[0]!, id: `set-${i + 1}`, displayName: `School set ${i + 1}` },
    flows: withStatus(status),
  }));

const mixed: FlowSetWithFlows[] = [
  { set: sets[0]!, flows: withStatus('ready') },
  { set: sets[1]!, flows: [...withStatus('failed').slice(0, 2), unknownFlow] },
  ...manySets(12, 'expired'),
];

const statusOf = (all: FlowSetWithFlows[], pageNo = 1, last?: LastRun) => {
  const overview = readinessOverview(all);
  return statusCard(overview, pageOf(overview.needingAttention, pageNo, 5), last);
};

export const FLOW_CARD_STATES: Record<string, CardStates> = {
  'flowset-list': {
    'the documented sets': () =>
      flowSetListCard(
        pageOf(
          sets.map((set) => ({ set, flows })),
          1,
          10,
        ),
      ),
    'no sets': () => flowSetListCard(pageOf([], 1, 10)),
    'middle page of many': () => flowSetListCard(pageOf(manySets(35, 'ready'), 2, 10)),
  },
  flowset: {
    'documented set with its four flows': () => flowSetCard(sets[0]!, flows),
    'set without flows or filter': () => flowSetCard({ ...sets[1]!, filter: null }, []),
    'failed and unknown flows': () => flowSetCard(sets[0]!, [...withStatus('failed'), unknownFlow]),
  },
  status: {
    'everything ready': () => statusOf([{ set: sets[0]!, flows: withStatus('ready') }]),
    'no sets': () => statusOf([]),
    'mixed, first page': () => statusOf(mixed),
    'mixed, last page': () => statusOf(mixed, 3),
    'with the last run, failed': () => statusOf(mixed, 1, { kind: 'run', run: FAILED, now: NOW }),
    'with the last run, running': () => statusOf(mixed, 1, { kind: 'run', run: RUNNING, now: NOW }),
    'runs not readable': () =>
      statusOf(mixed, 1, { kind: 'unreadable', message: 'You need IndustryData-Run.Read.All.' }),
    'no runs yet': () => statusOf([], 1, { kind: 'none' }),
  },
  rolegroups: {
    'documented Staff and Students': () => roleGroupsCard(roleGroups),
    'no role groups': () => roleGroupsCard([]),
  },
  'which-one': {
    'two documented candidates': () => whichOneCard('Outbound', sets),
    'more candidates than fit': () =>
      whichOneCard(
        '"School set"',
        manySets(25, null).map((s) => s.set),
      ),
    'no such set, with suggestions': () => noSuchFlowSetCard('Outbund', sets),
    'no such set, nothing close': () => noSuchFlowSetCard('x'.repeat(100), [], { button: 'Pick' }),
  },
};
