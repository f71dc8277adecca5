/** The approval keys of the configuration: policy per command, approver list, start-up validation. */
import { ConfigError, loadConfig } from '../../src/config';

const BLAKE = '22222222-bbbb-4bbb-8bbb-222222222222';
const AVERY = '11111111-aaaa-4aaa-8aaa-111111111111';

describe('approval configuration', () => {
  it('when nothing is set, then every change kind is self-approved, nobody is an approver and requests last 24 h', () => {
    const { approvals } = loadConfig({});
    expect(new Set(Object.values(approvals.policy))).toEqual(new Set(['self']));
    expect(approvals).toMatchObject({ approvers: [], ttlMs: 24 * 3_600_000, sweepMs: 10_000 });
    expect(approvals.approverGroupId).toBeUndefined();
  });

  it('when APPROVAL_POLICY=peer and APPROVAL_POLICY_RESET=self, then only resets are self-approved; EDIT covers set and flow edits', () => {
    const { policy } = loadConfig({
      APPROVAL_POLICY: 'peer',
      APPROVAL_POLICY_RESET: 'self',
      APPROVAL_POLICY_EDIT: 'self',
    }).approvals;
    expect(policy).toEqual({
      createFlowSet: 'peer',
      updateFlowSet: 'self',
      deleteFlowSet: 'peer',
      createFlow: 'peer',
      updateFlow: 'self',
      deleteFlow: 'peer',
      resetFlow: 'self',
      startRun: 'peer',
    });
  });

  it('when APPROVAL_POLICY_START_RUN=peer, then only an on-demand sync run needs a second admin', () => {
    const { policy } = loadConfig({ APPROVAL_POLICY_START_RUN: 'peer' }).approvals;
    expect(policy.startRun).toBe('peer');
    expect(policy.resetFlow).toBe('self');
  });

  it('when APPROVERS lists ids with spaces, case and duplicates, then they are normalised', () => {
    const env = { APPROVERS: ` ${BLAKE.toUpperCase()} , ${AVERY},${BLAKE}` };
    expect(loadConfig(env).approvals.approvers).toEqual([BLAKE, AVERY]);
  });

  it.each([
    [{ APPROVAL_POLICY: 'everyone' }, 'APPROVAL_POLICY'],
    [{ APPROVAL_POLICY_DELETE: 'nobody' }, 'APPROVAL_POLICY_DELETE'],
    [{ APPROVERS: `${BLAKE},Blake Approver` }, 'APPROVERS'],
    [{ APPROVER_GROUP_ID: 'SDS Approvers' }, 'APPROVER_GROUP_ID'],
    [{ APPROVAL_TTL_HOURS: '0' }, 'APPROVAL_TTL_HOURS'],
    [{ APPROVAL_SWEEP_SECONDS: '-1' }, 'APPROVAL_SWEEP_SECONDS'],
  ])('when %j, then start-up fails naming %s', (env, key) => {
    let problems: string[] = [];
    try {
      loadConfig(env as Record<string, string>);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      problems = err.problems;
    }
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${key}: .* expected `));
  });
});
