/** State file: survives close + restart, written atomically, refused when corrupt. */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGraphEmulator } from '../../../src/sandbox/emulator';
import { FLOW_BODIES, SETS, call, createSet, flowsOf } from './helpers';

describe('Graph emulator persistence', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'graph-emulator-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('when the emulator restarts with the same state file, then sets, flows and forced states survive', async () => {
    const stateFile = join(dir, 'nested', 'graph.json');
    const first = await startGraphEmulator({ seed: false, stateFile, readyDelayMs: 60_000 });
    const setId = await createSet(first, 'Survivor', ['A']);
    const flow = await call(first, 'POST', flowsOf(setId), { body: FLOW_BODIES.user });
    const sg = await call(first, 'POST', flowsOf(setId), { body: FLOW_BODIES.securityGroup });
    first.control.setReadiness(sg.body.id, 'failed');
    const before = await call(first, 'GET', flowsOf(setId));
    await first.close();

    const second = await startGraphEmulator({ seed: true, stateFile, readyDelayMs: 60_000 });
    try {
      const sets = await call(second, 'GET', SETS);
      const after = await call(second, 'GET', flowsOf(setId));

      expect(sets.body.value.map((s: { displayName: string }) => s.displayName)).toEqual([
        'Survivor',
      ]);
      expect(after.body).toEqual(before.body);
      expect(after.body.value[0]).toMatchObject({ id: flow.body.id, readinessStatus: 'notReady' });
      expect(after.body.value[1]).toMatchObject({ id: sg.body.id, readinessStatus: 'failed' });
    } finally {
      await second.close();
    }
    expect(readdirSync(join(dir, 'nested'))).toEqual(['graph.json']);
  });

  it('when a flow was notReady at shutdown and its delay passes, then it reads ready after restart', async () => {
    const stateFile = join(dir, 'graph.json');
    const first = await startGraphEmulator({ seed: false, stateFile, readyDelayMs: 1 });
    const setId = await createSet(first);
    const flowId = (await call(first, 'POST', flowsOf(setId), { body: FLOW_BODIES.securityGroup }))
      .body.id;
    await first.close();
    await new Promise((r) => setTimeout(r, 5));

    const second = await startGraphEmulator({ stateFile, readyDelayMs: 60_000 });
    try {
      expect((await call(second, 'GET', `${flowsOf(setId)}/${flowId}`)).body.readinessStatus).toBe(
        'ready',
      );
    } finally {
      await second.close();
    }
  });

  it('when the state file is corrupt, then the emulator refuses to start instead of overwriting it', async () => {
    const stateFile = join(dir, 'graph.json');
    writeFileSync(stateFile, JSON.stringify({ version: 1, flowSets: 'nope' }));

    await expect(startGraphEmulator({ stateFile })).rejects.toThrow('is not valid');
  });

  it('when the state file is empty, then the seed data is written to it', async () => {
    const stateFile = join(dir, 'graph.json');
    writeFileSync(stateFile, '');

    const emulator = await startGraphEmulator({ stateFile });
    await emulator.close();
    const again = await startGraphEmulator({ stateFile, seed: false });
    try {
      expect((await call(again, 'GET', SETS)).body.value).toHaveLength(3);
    } finally {
      await again.close();
    }
  });
});
