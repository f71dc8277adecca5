/**
 * Three bot processes behind one "load balancer" (test/support/multiInstanceHarness.ts), one
 * emulator, one IdP, one storage: a change is written to Graph exactly once however many clicks
 * reach however many instances, and a preview or request made through one instance is carried
 * out through another. Edits apply on the requester's own click; deletes need a peer's approval.
 * And a user's token, once obtained by one instance, serves the others (the shared token cache).
 */
import { createPendingChangeStore } from '../../src/changes/pendingChangeStore';
import { createAuditLog } from '../../src/history';
import { SANDBOX_APPROVER_GROUP_ID, SEED_IDS } from '../../src/sandbox/emulator';
import { CHANNEL_ID, invokeInChannel, postsTo, request, sayInChannel } from '../approvals/support';
import {
  AVERY,
  BLAKE,
  button,
  cardFor,
  cardOf,
  invoke,
  press,
  sayAs,
  type Card,
} from '../changes/support';
import { TOKEN_CACHE_PREFIX } from '../../src/identity';
import { buildOnce } from '../support/botProcess';
import { clusterGraphWrites, startCluster, type Cluster } from '../support/multiInstanceHarness';
import { cardText } from '../support/testBot';

const CONCURRENT = 20;
let cluster: Cluster;

beforeAll(async () => {
  buildOnce();
  cluster = await startCluster({
    name: 'changes',
    env: {
      APPROVAL_POLICY: 'self',
      APPROVAL_POLICY_DELETE: 'peer',
      APPROVAL_POLICY_RESET: 'peer',
      APPROVER_GROUP_ID: SANDBOX_APPROVER_GROUP_ID,
      APPROVAL_SWEEP_SECONDS: '0',
    },
  });
  expect(await sayInChannel(cluster.roundRobin, 'approvals here', BLAKE)).toContain(
    'Approval requests will be posted in this channel',
  );
}, 180_000);
afterAll(() => cluster?.close());
beforeEach(() => cluster.emulator.control.clearRequests());

const stateOf = async (changeId: string) =>
  (await createPendingChangeStore(cluster.storage).get(changeId))?.state;
const auditEvents = async (changeId: string) =>
  (await createAuditLog(cluster.storage).list({ changeId })).entries.map((e) => e.event);
const writes = () => clusterGraphWrites(cluster).map((w) => [w.method, w.callerOid]);

/** Avery's preview of renaming a flow set, made through `instance`. */
async function renamePreview(instance: number, setId: string, name: string): Promise<Card> {
  const talker = cluster.via(instance);
  const form = await cardFor(talker, `edit ${setId}`);
  return cardOf(await press(talker, form, 'flowset.preview', { typed: { displayName: name } }));
}

describe('one token cache, several instances (component, three processes)', () => {
  it('when a user runs a command on A and then on B, then one on-behalf-of token request is made in all', async () => {
    const before = cluster.idp.tokenRequests.onBehalfOf;
    expect((await sayAs(cluster.via(0), 'list')).card).toBeDefined();
    expect(cluster.idp.tokenRequests.onBehalfOf).toBe(before + 1);
    expect((await sayAs(cluster.via(1), 'list')).card).toBeDefined();
    expect((await sayAs(cluster.via(2), 'list')).card).toBeDefined();
    expect(cluster.idp.tokenRequests.onBehalfOf).toBe(before + 1);
    // The shared entry is the user's own record, sealed: no token in clear.
    const key = `${TOKEN_CACHE_PREFIX}/${AVERY.aadObjectId}`;
    const entry = (await cluster.storage.read([key]))[key];
    expect(entry).toMatchObject({ v: 1 });
    // msal's cache keys and a JWT (base64 ciphertext has neither quotes nor dots).
    expect(JSON.stringify(entry)).not.toMatch(/AccessToken|RefreshToken|eyJ[\w-]+\.[\w-]+\./);
  });
});

describe('one change, several instances (component, three processes)', () => {
  it(`when ${CONCURRENT} Apply invokes for one change are spread over the three, then exactly one Graph write, one applied record and one audit entry`, async () => {
    const preview = await renamePreview(0, SEED_IDS.northwind, 'Northwind, applied once');
    const { changeId } = button(preview, 'Apply').data as { changeId: string };
    cluster.emulator.control.clearRequests();
    const bodies = await Promise.all(
      Array.from({ length: CONCURRENT }, () =>
        invoke(cluster.roundRobin, 'change.apply', { changeId }),
      ),
    );
    expect(writes()).toEqual([['PATCH', AVERY.aadObjectId]]);
    for (const body of bodies) expect(cardText(body.value)).toMatch(/✓ Applied|Being applied/);
    expect(await stateOf(changeId)).toBe('applied');
    expect((await auditEvents(changeId)).filter((e) => e === 'applied')).toHaveLength(1);
  });

  it(`when ${CONCURRENT} Approve invokes for one request are spread over the three, then exactly one Graph write as the approver, one applied record and one audit entry each`, async () => {
    const { changeId } = await request(cluster.roundRobin, `delete ${SEED_IDS.fabrikamPilot}`);
    const post = postsTo(cluster.roundRobin, CHANNEL_ID).at(-1)!;
    cluster.emulator.control.clearRequests();
    const answers = await Promise.all(
      Array.from({ length: CONCURRENT }, () =>
        invokeInChannel(
          cluster.roundRobin,
          'approval.approve',
          { changeId },
          BLAKE,
          post.activityId,
        ),
      ),
    );
    expect(writes()).toEqual([['DELETE', BLAKE.aadObjectId]]);
    for (const answer of answers) expect(cardText(answer.value)).toMatch(/✓ Applied|Being applied/);
    expect(await stateOf(changeId)).toBe('applied');
    const events = await auditEvents(changeId);
    expect(events.filter((e) => e === 'applied')).toHaveLength(1);
    expect(events.filter((e) => e === 'approved')).toHaveLength(1);
  });

  it('when a preview is made through A, then Apply through B writes it', async () => {
    const preview = await renamePreview(0, SEED_IDS.allSchools, 'All schools, via B');
    const answer = cardOf(await press(cluster.via(1), preview, 'Apply'));
    expect(cardText(answer)).toContain('✓ Applied');
    expect(writes()).toEqual([['PATCH', AVERY.aadObjectId]]);
  });

  it('when a request is made through A, then Approve through C writes it as the approver', async () => {
    const { changeId } = await request(
      cluster.via(0),
      `reset class flow in ${SEED_IDS.northwind}`,
      'Rollover',
    );
    expect(await stateOf(changeId)).toBe('pending');
    const post = postsTo(cluster.roundRobin, CHANNEL_ID).at(-1)!;
    cluster.emulator.control.clearRequests();
    const answer = await invokeInChannel(
      cluster.via(2),
      'approval.approve',
      { changeId },
      BLAKE,
      post.activityId,
    );
    expect(cardText(answer.value)).toContain('✓ Applied');
    expect(clusterGraphWrites(cluster).every((w) => w.callerOid === BLAKE.aadObjectId)).toBe(true);
    expect(clusterGraphWrites(cluster).length).toBeGreaterThan(0);
    expect(await stateOf(changeId)).toBe('applied');
  });
});
