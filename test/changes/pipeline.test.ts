/**
 * The pipeline's steps on their own, against the Graph emulator over HTTP (no bot, no Teams):
 * what propose stores, the clock-driven expiry, the one-of-each-type refusal of the service
 * (with the freshness check skipped, since it would refuse first), peer-approval-ready records,
 * and the sweep of overdue previews.
 */
import { applyChange, APPLY_STEPS } from '../../src/changes/apply';
import { applyReply } from '../../src/actions/changeReplies';
import { closedCard, proposalCard } from '../../src/views/changeCards';
import { createChangeViewStore } from '../../src/changes/changeView';
import type { ChangeDeps } from '../../src/changes/deps';
import { expireDue } from '../../src/changes/expire';
import { proposeChange } from '../../src/changes/propose';
import {
  createFlowProposal,
  updateSetProposal,
  deleteSetProposal,
} from '../../src/changes/proposals';
import type { AdaptiveCard } from '../../src/views/render';
import { cardText } from '../support/testBot';
import { type Person } from '../../src/domain/pendingChange';
import { createAuditLog } from '../../src/history';
import { inFlightMarks, newInstanceId } from '../../src/changes/inFlight';
import { createPendingChangeStore } from '../../src/changes/pendingChangeStore';
import { createGraphClient } from '../../src/graph';
import { createMemoryLogger } from '../../src/log';
import { SEED_IDS, startGraphEmulator, type GraphEmulator } from '../../src/sandbox/emulator';
import { createMemoryStorage } from '../../src/store/memoryStorage';
import { FLOW_INPUTS } from '../graph/flowInputs';

const ADA: Person = { aadObjectId: '00000000-0000-4000-8000-00000000000a', name: 'Ada Admin' };
const BOB: Person = { aadObjectId: '00000000-0000-4000-8000-00000000000b', name: 'Bob Builder' };
const TTL_MS = 15 * 60_000;

let emulator: GraphEmulator;
beforeAll(async () => {
  emulator = await startGraphEmulator({ readyDelayMs: 50 });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.control.resetState();
  emulator.control.clearRequests();
});

/** Deps for `person` on one shared storage, with a clock the test moves. */
function makeDeps(storage = createMemoryStorage(), clock = { now: Date.now() }) {
  const graph = createGraphClient({ baseUrl: emulator.baseUrl }).as(async () => 'token');
  const as = (person: Person): ChangeDeps => ({
    changes: createPendingChangeStore(storage),
    views: createChangeViewStore(storage),
    awaitingApproval: async () => false,
    graph,
    person,
    conversationId: 'conv-1',
    replyToId: 'activity-1',
    ttlMs: TTL_MS,
    logger: createMemoryLogger().logger,
    now: () => new Date(clock.now),
    policyOf: () => 'self',
    audit: createAuditLog(storage),
    inFlight: inFlightMarks(storage, newInstanceId()),
    storage,
    nobodyCanApprove: false,
  });
  return { as, clock, graph, storage };
}

const writes = () => emulator.control.requests().filter((r) => r.method !== 'GET');
/** The use cases with their cards, as a click or a command answers them. */
const propose = async (...args: Parameters<typeof proposeChange>) =>
  proposalCard(await proposeChange(...args));
const apply = async (...args: Parameters<typeof applyChange>) =>
  applyReply(await applyChange(...args));

const changeIdOf = (card: AdaptiveCard) =>
  (card.actions![0] as { data: { changeId: string } }).data.changeId;

describe('the change pipeline against the Graph emulator', () => {
  it('when a change is proposed, then the exact body, the base version, the requester, the expiry and the card location are stored', async () => {
    const { as, clock, graph } = makeDeps();
    const set = (await graph.getFlowSet(SEED_IDS.northwind)).data;
    const body = { displayName: 'New name', filter: null };
    const card = await propose(as(ADA), updateSetProposal(set, body));
    const change = await as(ADA).changes.get(changeIdOf(card));
    expect(change).toMatchObject({
      kind: 'updateFlowSet',
      state: 'pending',
      target: { setId: SEED_IDS.northwind },
      body,
      baseVersion: set.lastModifiedDateTime,
      requester: ADA,
      card: { conversationId: 'conv-1', activityId: 'activity-1' },
      expiresAt: new Date(clock.now + TTL_MS).toISOString(),
    });
    expect(writes()).toEqual([]);
  });

  it('when the clock passes the expiry, then Apply writes nothing and gives a fresh preview; one millisecond earlier it applies', async () => {
    const { as, clock, graph } = makeDeps();
    const set = (await graph.getFlowSet(SEED_IDS.fabrikamPilot)).data;
    const first = await propose(as(ADA), deleteSetProposal(set, []));
    const second = await propose(as(ADA), updateSetProposal(set, { displayName: 'X' }));
    clock.now += TTL_MS;
    const expired = await apply(as(ADA), changeIdOf(first));
    expect(expired).toMatchObject({ kind: 'card', forEveryone: true });
    expect(cardText(expired.kind === 'card' && expired.card)).toContain('expired (15 min)');
    expect(writes()).toEqual([]);
    clock.now -= 1;
    const applied = await apply(as(ADA), changeIdOf(second));
    expect(cardText(applied.kind === 'card' && applied.card)).toContain('✓ Applied');
  });

  it("when a second flow of a type reaches Graph, then the service's refusal is shown in plain words and the change is failed", async () => {
    const { as, graph } = makeDeps();
    const set = (await graph.getFlowSet(SEED_IDS.northwind)).data; // it has a class group flow
    const card = await propose(as(ADA), createFlowProposal(set, FLOW_INPUTS.classGroup));
    const skipFreshness = {
      ...APPLY_STEPS,
      checkFreshness: async () => ({ fresh: true }) as const,
    };
    const result = await apply(as(ADA), changeIdOf(card), skipFreshness);
    const text = cardText(result.kind === 'card' && result.card);
    expect(text).toContain(
      '"Northwind High School" already has a class group flow, and a flow set can hold only one flow of each type',
    );
    expect(text).toContain('no more than one provisioning flow of each type'); // Graph's own words
    expect(writes().map((w) => [w.method, w.status])).toEqual([['POST', 400]]);
    const change = await as(ADA).changes.get(changeIdOf(card));
    expect(change?.state).toBe('failed');
    expect(change?.result.error).toContain('only one flow of each type');
  });

  it('when 20 applies race on one change, then one wins and Graph sees one write', async () => {
    const { as, graph } = makeDeps();
    const set = (await graph.getFlowSet(SEED_IDS.northwind)).data;
    const card = await propose(as(ADA), updateSetProposal(set, { displayName: 'Raced' }));
    const results = await Promise.all(
      Array.from({ length: 20 }, () => apply(as(ADA), changeIdOf(card))),
    );
    expect(results.filter((r) => r.kind === 'card' && r.forEveryone)).toHaveLength(1);
    expect(writes().map((w) => w.method)).toEqual(['PATCH']);
  });

  it('when a change carries an approver and is approved, then only the approver may apply it (ready for peer approval)', async () => {
    const { as, graph } = makeDeps();
    const set = (await graph.getFlowSet(SEED_IDS.northwind)).data;
    const card = await propose(as(ADA), updateSetProposal(set, { displayName: 'Approved' }));
    const store = as(ADA).changes;
    const pending = (await store.get(changeIdOf(card)))!;
    await store.claim(pending.id, 'pending', 'approved', BOB);
    await store.update({ ...(await store.get(pending.id))!, approver: BOB });
    const byRequester = await apply(as(ADA), pending.id);
    expect(byRequester).toMatchObject({ kind: 'message' });
    expect(writes()).toEqual([]);
    const byApprover = await apply(as(BOB), pending.id);
    expect(cardText(byApprover.kind === 'card' && byApprover.card)).toContain(
      'Applied by Bob Builder',
    );
    expect(writes().map((w) => w.method)).toEqual(['PATCH']);
  });

  it('when overdue previews are swept, then they become expired with a final card and applied ones are left alone', async () => {
    const { as, clock, graph } = makeDeps();
    const set = (await graph.getFlowSet(SEED_IDS.northwind)).data;
    const open = await propose(as(ADA), deleteSetProposal(set, []));
    const done = await propose(as(ADA), updateSetProposal(set, { displayName: 'Done' }));
    await apply(as(ADA), changeIdOf(done));
    clock.now += TTL_MS + 1;
    const swept = await expireDue(as(ADA));
    expect(swept.map((s) => s.change.id)).toEqual([changeIdOf(open)]);
    const card = closedCard(swept[0]!.change, swept[0]!.view);
    expect(cardText(card)).toContain('Expired');
    expect(card.actions?.map((a) => (a as { verb: string }).verb)).not.toContain('change.apply');
  });
});
